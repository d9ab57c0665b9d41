/**
 * The cookie that carries the address typed into `/forgot-password` (or `/sign-up`) to its
 * "check your email" page. Both forms answer 303 (POST/redirect/GET), so going back never asks to
 * resubmit a form; the address rides in this cookie instead of the URL, where it would end up
 * in history and logs. HttpOnly, SameSite=Strict, and sent only under the form's own path, so the
 * two flows never read each other's address. After `/forgot-password` it lasts as long as a reset
 * link, because the page also takes the emailed code for that address.
 */
import { emailAddressSchema } from "../../../shared/email-address.ts";
import { readCookie, serializeCookie, serializeExpiredCookie } from "./cookies.ts";

export const CHECK_EMAIL_COOKIE_NAME = "resetkit_check_email";
export const CHECK_EMAIL_COOKIE_PATH = "/forgot-password";

/** The address the browser typed into the form, or null when it has none (or a spoiled one). */
export function readCheckEmailCookie(request: Request): string | null {
  const value = readCookie(request, CHECK_EMAIL_COOKIE_NAME);
  if (!value) return null;
  try {
    const parsed = emailAddressSchema.safeParse(decodeURIComponent(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers the typed address; percent-encoding keeps every character a valid cookie octet. */
export function serializeCheckEmailCookie(request: Request, email: string, maxAgeSeconds: number, path = CHECK_EMAIL_COOKIE_PATH): string {
  return serializeCookie(request, CHECK_EMAIL_COOKIE_NAME, encodeURIComponent(email), {
    path,
    maxAgeSeconds,
  });
}

/** Forgets the address once a code has been redeemed. */
export function serializeClearedCheckEmailCookie(request: Request): string {
  return serializeExpiredCookie(request, CHECK_EMAIL_COOKIE_NAME, CHECK_EMAIL_COOKIE_PATH);
}
