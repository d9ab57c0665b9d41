/**
 * The one log line for a request that failed on our side. It carries a request id (Cloudflare's
 * `cf-ray`, or a fresh UUID where there is none), the method and path, and the error's name.
 * Never the query string, a header value or the error's message: those may hold a reset token,
 * an email address or a SQL fragment.
 *
 * @example
 * logRequestFailure(request, error); // "request 8f1c2a3b4c5d6e7f-AMS POST /api/v1/sessions failed: Error"
 */

/** Logs one failed request without any user data. */
export function logRequestFailure(request: Request | undefined, error: unknown): void {
  const requestId = request?.headers.get("cf-ray") ?? crypto.randomUUID();
  const route = request ? `${request.method} ${new URL(request.url).pathname}` : "unknown route";
  console.error(`request ${requestId} ${route} failed: ${error instanceof Error ? error.name : typeof error}`);
}
