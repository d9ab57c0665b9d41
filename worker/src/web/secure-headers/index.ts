/**
 * Security headers for every HTML response of the edge pages: a strict CSP (no inline script
 * or style, no framing, forms post only to us), no referrer (reset links must not leak through
 * it), nosniff, HSTS over https, `Cache-Control: no-store` and `X-Robots-Tag: noindex`. Every page
 * either holds a CSRF token or may show something derived from a reset token, so nothing here is
 * cacheable, and none of it belongs in a search result (robots.txt asks crawlers to stay out too).
 *
 * @example
 * const applySecureHeaders = secureHeaders();
 * return applySecureHeaders(request, renderPage(<NotFoundPage />, { status: 404 }));
 */

export interface SecureHeadersOptions {
  contentSecurityPolicy: Readonly<Record<string, readonly string[]>>;
  referrerPolicy: string;
  xContentTypeOptions: string;
  /** Sent only when the request came over https; browsers ignore it over http anyway. */
  strictTransportSecurity: string;
  cacheControl: string;
  crossOriginOpenerPolicy: string;
  xFrameOptions: string;
  xRobotsTag: string;
}

export const DEFAULT_OPTIONS: SecureHeadersOptions = {
  contentSecurityPolicy: {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
  },
  referrerPolicy: "no-referrer",
  xContentTypeOptions: "nosniff",
  strictTransportSecurity: "max-age=63072000; includeSubDomains",
  cacheControl: "no-store",
  crossOriginOpenerPolicy: "same-origin",
  xFrameOptions: "DENY",
  xRobotsTag: "noindex",
};

/** Builds the function that adds the headers to a response (a copy, so immutable responses work). */
export function secureHeaders(options: Partial<SecureHeadersOptions> = {}) {
  const settings: SecureHeadersOptions = { ...DEFAULT_OPTIONS, ...options };
  const policy = Object.entries(settings.contentSecurityPolicy)
    .map(([directive, sources]) => [directive, ...sources].join(" "))
    .join("; ");

  return function applySecureHeaders(request: Request, response: Response): Response {
    const secured = new Response(response.body, response);
    const headers = secured.headers;
    headers.set("content-security-policy", policy);
    headers.set("referrer-policy", settings.referrerPolicy);
    headers.set("x-content-type-options", settings.xContentTypeOptions);
    headers.set("cache-control", settings.cacheControl);
    headers.set("cross-origin-opener-policy", settings.crossOriginOpenerPolicy);
    headers.set("x-frame-options", settings.xFrameOptions);
    headers.set("x-robots-tag", settings.xRobotsTag);
    if (new URL(request.url).protocol === "https:") headers.set("strict-transport-security", settings.strictTransportSecurity);
    return secured;
  };
}
