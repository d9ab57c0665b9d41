/**
 * Runs one edge page's handler chain (for example the CSRF check, then the page) and finishes
 * every response the same way: security headers on, the language cookie set when `?lang=` chose
 * one, no body for HEAD, and, when something
 * throws (storage, most likely), one log line and the 503 "temporarily unavailable" page
 * instead of a stack trace, a problem+json body or a misleading "invalid link".
 */
import type { MessageKey } from "../../../shared/i18n/translator.ts";
import { readConfig } from "../config.ts";
import { logRequestFailure } from "../http/failure-log.ts";
import { readLanguageParameter } from "../i18n/request-locale.ts";
import { RETRY_AFTER_SECONDS } from "../http/problem.ts";
import { ErrorPage, NotFoundPage, UnavailablePage } from "./pages/errors.tsx";
import { readPageCookie, setPageCookie } from "./page-cookies.ts";
import { renderPage } from "./render.ts";
import { secureHeaders } from "./secure-headers/index.ts";

/** A step of a page: returns a response to finish, or nothing to hand over to the next step. */
export type WebHandler = (
  request: Request,
  env: Env,
  ctx: ExecutionContext,
) => Response | undefined | Promise<Response | undefined>;

const applySecureHeaders = secureHeaders();

/** Composes handlers into one itty-router handler for an HTML page. */
export function webRoute(...handlers: WebHandler[]) {
  return async function handleWebPage(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    let response: Response | undefined;
    try {
      for (const handler of handlers) {
        response = await handler(request, env, ctx);
        if (response) break;
      }
      response ??= renderNotFoundPage(request, env);
    } catch (error) {
      logRequestFailure(request, error);
      response = renderUnavailablePage(request, env);
    }
    rememberLanguageChoice(request, response);
    const secured = applySecureHeaders(request, response);
    return request.method === "HEAD" ? new Response(null, secured) : secured;
  };
}

/** A year: a choice of language is the person's, not the session's. */
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

/** `?lang=xx` on any page sets the language cookie, so the choice holds on the pages that follow. */
function rememberLanguageChoice(request: Request, response: Response): void {
  const chosen = readLanguageParameter(request);
  if (chosen && readPageCookie(request, "language") !== chosen) {
    response.headers.append("set-cookie", setPageCookie(request, "language", chosen, LANGUAGE_COOKIE_SECONDS));
  }
}

/** An HTML error page with the given status and a sentence on what to do. */
export function renderErrorPage(request: Request, env: Env, status: number, message: MessageKey): Response {
  return renderPage(request, env, <ErrorPage appName={readConfig(env).appName} message={message} />, { status });
}

/**
 * A step that answers every method with the HTML 405 and an `Allow` header (RFC 9110 §15.5.6),
 * for a page path called with a method it does not take, instead of a misleading 404.
 *
 * @example
 * router.all(PagePath.signUp, webRoute(rejectOtherPageMethods(["GET", "HEAD", "POST"])));
 */
export function rejectOtherPageMethods(allowed: readonly string[]): WebHandler {
  const allow = allowed.join(", ");
  return function handleWrongPageMethod(request, env) {
    const response = renderErrorPage(request, env, 405, "errorPage.wrongMethod");
    response.headers.set("allow", allow);
    return response;
  };
}

/** The HTML 503 for a failure on our side, with `Retry-After`. */
export function renderUnavailablePage(request: Request, env: Env): Response {
  return renderPage(request, env, <UnavailablePage appName={readConfig(env).appName} />, {
    status: 503,
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}

/** The HTML 404 for any path that is not an API endpoint. */
export function renderNotFoundPage(request: Request, env: Env): Response {
  return renderPage(request, env, <NotFoundPage appName={readConfig(env).appName} />, { status: 404 });
}
