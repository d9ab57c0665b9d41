/**
 * Runs one edge page's handler chain (for example the CSRF check, then the page) and finishes
 * every response the same way: security headers on, no body for HEAD, and, when something
 * throws (storage, most likely), one log line and the 503 "temporarily unavailable" page
 * instead of a stack trace, a problem+json body or a misleading "invalid link".
 */
import { readConfig } from "../config.ts";
import { logRequestFailure } from "../http/failure-log.ts";
import { RETRY_AFTER_SECONDS } from "../http/problem.ts";
import { ErrorPage, NotFoundPage, UnavailablePage } from "./pages/errors.tsx";
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
    const secured = applySecureHeaders(request, response);
    return request.method === "HEAD" ? new Response(null, secured) : secured;
  };
}

/** An HTML error page with the given status and a sentence on what to do. */
export function renderErrorPage(env: Env, status: number, message: string): Response {
  return renderPage(<ErrorPage appName={readConfig(env).appName} message={message} />, { status });
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
  return function handleWrongPageMethod(_request, env) {
    const response = renderErrorPage(env, 405, "This page cannot be opened that way. Open it from a link or the form instead.");
    response.headers.set("allow", allow);
    return response;
  };
}

/** The HTML 503 for a failure on our side, with `Retry-After`. */
export function renderUnavailablePage(_request: Request, env: Env): Response {
  return renderPage(<UnavailablePage appName={readConfig(env).appName} />, {
    status: 503,
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}

/** The HTML 404 for any path that is not an API endpoint. */
export function renderNotFoundPage(_request: Request, env: Env): Response {
  return renderPage(<NotFoundPage appName={readConfig(env).appName} />, { status: 404 });
}
