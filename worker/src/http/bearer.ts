/**
 * Reads the session token from `Authorization: Bearer <token>` (RFC 6750). Anything else,
 * including a missing header or another scheme, is null; the caller answers 401.
 */
export function readBearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header) : null;
  return match?.[1] ?? null;
}
