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
import type { PagePath } from "../../../shared/contract.ts";
import { readConfig } from "../config.ts";
import { readRequestUrl } from "../http/request-url.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { PageLocationProvider } from "./pages/page-location.tsx";
import { keptText } from "./pages/kept-markup.ts";
import { RateLimitTipProvider } from "./pages/rate-limit-tip.tsx";

export interface PageResponseInit {
  status?: number;
  headers?: Record<string, string>;
  /** Set-Cookie values; each becomes its own header. */
  cookies?: readonly (string | null)[];
}

/** Renders a full HTML document in the language `request` asks for. */
export function renderPage(request: Request, env: Env, page: ReactElement, init: PageResponseInit = {}): Response {
  return respondWithDocument(request, env, renderDocument(request, env, page, init.status), init);
}

/**
 * Stands in for the CSRF token while a kept form page renders: letters and dashes, which React
 * writes out as they are, and never a token (a token is a nonce, a dot and its signature).
 */
const CSRF_TOKEN_STAND_IN = "csrf-token-stand-in";

/**
 * Renders an empty form page, whose markup is the same on every visit to its address in a
 * language except for the visitor's CSRF token: the first visit renders it with a stand-in for
 * the token, and the visits after reuse that markup with their own token put in (kept-markup.ts),
 * byte for byte what rendering afresh would give. `form` names the page (its path), `page` makes
 * it for a token; what it passes the page (the app's name, the minimum length) is part of the
 * key, so a change makes a new entry. Only a page with nothing of its visitor in it may come
 * here: a typed address, an error or a query string, which may hold a token, are rendered by
 * `renderPage`.
 */
export function renderEmptyFormPage(
  request: Request,
  env: Env,
  form: (typeof PagePath)[keyof typeof PagePath],
  csrf: { token: string; setCookie: string | null },
  page: (csrfToken: string) => ReactElement,
  init: Omit<PageResponseInit, "status"> = {},
): Response {
  const withCsrfCookie = { ...init, cookies: [csrf.setCookie, ...(init.cookies ?? [])] };
  const url = readRequestUrl(request);
  if (url.search !== "") return renderPage(request, env, page(csrf.token), withCsrfCookie);
  const standIn = page(CSRF_TOKEN_STAND_IN);
  // Without a query the frame reads nothing of the URL (language-chooser.tsx), so the key names the
  // form, not the path a visitor typed (the routes also answer "/sign-in/"), and holds nothing a
  // visitor chose but their language.
  const key = `form ${form} ${readPageLocale(request, env).locale}\u0000${JSON.stringify(standIn.props)}`;
  const [before, after, ...more] = keptText(key, () => renderDocument(request, env, standIn)).split(CSRF_TOKEN_STAND_IN);
  // A page that shows no token, or shows it twice, is rendered afresh every time.
  if (before === undefined || after === undefined || more.length > 0) return renderPage(request, env, page(csrf.token), withCsrfCookie);
  return respondWithDocument(request, env, `${before}${csrf.token}${after}`, withCsrfCookie);
}

function respondWithDocument(request: Request, env: Env, document: string, init: PageResponseInit): Response {
  const { locale } = readPageLocale(request, env);
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    "content-language": locale,
    vary: "Accept-Language, Cookie",
    ...init.headers,
  });
  for (const cookie of init.cookies ?? []) if (cookie) headers.append("set-cookie", cookie);
  return new Response(document, { status: init.status ?? 200, headers });
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
