/**
 * The cookie that holds a reset token between opening the link and submitting the form. The
 * link's token is moved here so it leaves the address bar, browser history and any Referer;
 * the cookie is HttpOnly, SameSite=Strict, and sent only to `/reset-password`.
 */
import { PagePath } from "../../../shared/contract.ts";
import { readCookie, serializeCookie, serializeExpiredCookie } from "./cookies.ts";

export const RESET_COOKIE_NAME = "resetkit_reset";
export const RESET_COOKIE_PATH = PagePath.resetPassword;

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

/**
 * After a successful change the browser keeps the used token, now worthless, for a few minutes
 * in a second cookie. A form sent again (a reload of the success page re-posts it) or the page
 * opened again can then show the success page instead of "link invalid".
 */
export const RESET_DONE_COOKIE_NAME = "resetkit_reset_done";
export const RESET_DONE_SECONDS = 5 * 60;

/** The token of the reset this browser just completed, or null. */
export function readResetDoneCookie(request: Request): string | null {
  return readCookie(request, RESET_DONE_COOKIE_NAME);
}

/** Remembers which reset this browser just completed. */
export function serializeResetDoneCookie(request: Request, usedToken: string): string {
  return serializeCookie(request, RESET_DONE_COOKIE_NAME, usedToken, { path: RESET_COOKIE_PATH, maxAgeSeconds: RESET_DONE_SECONDS });
}
