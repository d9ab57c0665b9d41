/**
 * The caller's IP address for rate limiting. Cloudflare sets `CF-Connecting-IP` on every
 * request it forwards, and `wrangler dev` does the same locally.
 */
export function readClientIp(request: Request): string {
  return request.headers.get("cf-connecting-ip")?.trim() || "unknown";
}
