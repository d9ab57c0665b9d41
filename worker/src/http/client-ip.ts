/**
 * The caller's IP address for rate limiting. Cloudflare sets `CF-Connecting-IP` on every
 * request it forwards, and `wrangler dev` does the same locally. Limits keyed by it count the
 * address's network, not the address (rate-limit/network.ts).
 */
export function readClientIp(request: Request): string {
  return request.headers.get("cf-connecting-ip")?.trim() || "unknown";
}
