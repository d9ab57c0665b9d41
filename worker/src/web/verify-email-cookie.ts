/**
 * The cookie that holds a confirmation token between opening the link and sending the password.
 * The link's token is moved here so it leaves the address bar, browser history and any Referer;
 * the cookie is HttpOnly, SameSite=Strict, and sent only to `/verify-email`.
 */
import { PagePath } from "../../../shared/contract.ts";
import { VERIFICATION_TOKEN_TTL_MS } from "../accounts/verification-tokens.ts";
import { readCookie, serializeCookie, serializeExpiredCookie } from "./cookies.ts";

export const VERIFY_EMAIL_COOKIE_NAME = "resetkit_verify_email";
export const VERIFY_EMAIL_COOKIE_PATH = PagePath.verifyEmail;
/** The cookie need not outlive the link (the server checks expiry anyway). */
const VERIFY_EMAIL_COOKIE_SECONDS = VERIFICATION_TOKEN_TTL_MS / 1000;

/** The confirmation token carried by the request, or null. */
export function readVerifyEmailCookie(request: Request): string | null {
  return readCookie(request, VERIFY_EMAIL_COOKIE_NAME);
}

/** Stores the token from the link, for the link's lifetime or, after a confirmation, `maxAgeSeconds`. */
export function serializeVerifyEmailCookie(request: Request, token: string, maxAgeSeconds = VERIFY_EMAIL_COOKIE_SECONDS): string {
  return serializeCookie(request, VERIFY_EMAIL_COOKIE_NAME, token, { path: VERIFY_EMAIL_COOKIE_PATH, maxAgeSeconds });
}

/** Forgets the token (after success, or when it turned out invalid). */
export function serializeClearedVerifyEmailCookie(request: Request): string {
  return serializeExpiredCookie(request, VERIFY_EMAIL_COOKIE_NAME, VERIFY_EMAIL_COOKIE_PATH);
}
