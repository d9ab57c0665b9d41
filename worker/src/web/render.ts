/**
 * Turns a page component into an HTML response in the request's language (i18n/request-locale.ts):
 * the page reads its words from the translator in context, and the response says which language
 * it is in (`Content-Language`, and `Vary` on what chose it). React's server renderer escapes every
 * interpolated value, so account addresses and form input can never become markup. A 429 in
 * development also carries the tip on turning the limits off (pages/rate-limit-tip.tsx).
 */
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nProvider } from "../../../shared/i18n/react.tsx";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { readConfig } from "../config.ts";
import { readRequestUrl } from "../http/request-url.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { PageLocationProvider } from "./pages/page-location.tsx";
import { RateLimitTipProvider } from "./pages/rate-limit-tip.tsx";

export interface PageResponseInit {
  status?: number;
  headers?: Record<string, string>;
  /** Set-Cookie values; each becomes its own header. */
  cookies?: readonly (string | null)[];
}

/** Renders a full HTML document in the language `request` asks for. */
export function renderPage(request: Request, env: Env, page: ReactElement, init: PageResponseInit = {}): Response {
  const { locale } = readPageLocale(request, env);
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    "content-language": locale,
    vary: "Accept-Language, Cookie",
    ...init.headers,
  });
  for (const cookie of init.cookies ?? []) if (cookie) headers.append("set-cookie", cookie);
  const status = init.status ?? 200;
  return new Response(renderDocument(request, env, page, status), { status, headers });
}

/** The HTML document `page` becomes for `request`, in its language, as renderPage sends it. */
export function renderDocument(request: Request, env: Env, page: ReactElement, status = 200): string {
  const tipShown = status === 429 && readConfig(env).environment === "development";
  const translated = createElement(I18nProvider, {
    translator: translatorFor(readPageLocale(request, env).locale),
    children: createElement(PageLocationProvider, {
      url: readRequestUrl(request),
      children: createElement(RateLimitTipProvider, { shown: tipShown, children: page }),
    }),
  });
  return `<!DOCTYPE html>${renderToStaticMarkup(translated)}`;
}
