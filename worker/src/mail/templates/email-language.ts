/**
 * The language and time zone an email is written in. A request's email (a reset, a sign-up) is in
 * that request's language and, when the page or the app told it, the person's time zone; an email
 * nothing asked for just then is in the account's language, with times in UTC, named as such.
 */
import type { Locale } from "../../../../shared/i18n/locales.ts";

export interface EmailLanguage {
  locale: Locale;
  /** An IANA time zone; UTC when unknown. */
  timeZone?: string | undefined;
}
