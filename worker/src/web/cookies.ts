/**
 * Reading and writing the two cookies the edge pages use (the CSRF token and the reset token).
 * Both are HttpOnly and SameSite=Strict. They are Secure everywhere except plain http on
 * loopback, which is how `wrangler dev` and `npm start` serve the pages.
 */

export interface CookieOptions {
  path: string;
  maxAgeSeconds?: number;
}

/** True unless the request is plain http to 127.0.0.1, ::1 or localhost. */
export function usesSecureCookies(request: Request): boolean {
  const url = new URL(request.url);
  return !(url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** Returns the value of the named cookie, or null when the request does not carry it. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || null;
  }
  return null;
}

/** Builds a Set-Cookie value; values are tokens from a URL-safe alphabet, so they need no quoting. */
export function serializeCookie(request: Request, name: string, value: string, options: CookieOptions): string {
  const attributes = [`${name}=${value}`, `Path=${options.path}`, "HttpOnly", "SameSite=Strict"];
  if (options.maxAgeSeconds !== undefined) attributes.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  if (usesSecureCookies(request)) attributes.push("Secure");
  return attributes.join("; ");
}

/** Builds a Set-Cookie value that deletes the cookie right away. */
export function serializeExpiredCookie(request: Request, name: string, path: string): string {
  return serializeCookie(request, name, "", { path, maxAgeSeconds: 0 });
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}
