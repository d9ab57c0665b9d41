/**
 * Turns a page component into an HTML response. React's server renderer escapes every
 * interpolated value, so account addresses and form input can never become markup.
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

export interface PageResponseInit {
  status?: number;
  headers?: Record<string, string>;
  /** Set-Cookie values; each becomes its own header. */
  cookies?: readonly (string | null)[];
}

/** Renders a full HTML document. */
export function renderPage(page: ReactElement, init: PageResponseInit = {}): Response {
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", ...init.headers });
  for (const cookie of init.cookies ?? []) if (cookie) headers.append("set-cookie", cookie);
  return new Response(`<!DOCTYPE html>${renderToStaticMarkup(page)}`, { status: init.status ?? 200, headers });
}
