/**
 * The cookie that holds a reset token between opening the link and submitting the form. The
 * link's token is moved here so it leaves the address bar, browser history and any Referer;
 * the cookie is HttpOnly, SameSite=Strict, and sent only to `/reset-password`.
 */
import { readCookie, serializeCookie, serializeExpiredCookie } from "./cookies.ts";

export const RESET_COOKIE_NAME = "resetkit_reset";
export const RESET_COOKIE_PATH = "/reset-password";

/** The reset token carried by the request, or null. */
export function readResetCookie(request: Request): string | null {
  return readCookie(request, RESET_COOKIE_NAME);
}

/** Stores the token until the link itself expires. */
export function serializeResetCookie(request: Request, token: string, maxAgeSeconds: number): string {
  return serializeCookie(request, RESET_COOKIE_NAME, token, { path: RESET_COOKIE_PATH, maxAgeSeconds });
}

/** Forgets the token (after success, or when it turned out invalid). */
export function serializeClearedResetCookie(request: Request): string {
  return serializeExpiredCookie(request, RESET_COOKIE_NAME, RESET_COOKIE_PATH);
}
