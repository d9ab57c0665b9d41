/**
 * A request's language on its way to the email it causes: the locale it was answered in, whether
 * it stated one, and the person's time zone when the page or the app sent it. It travels in the
 * queue job (neither is personal data) and comes back out as the email's language.
 *
 * @example
 * await enqueueMail(env, { kind: "sign_up", requestId, requestedAt, ...toJobLanguage(language) });
 * const language = fromJobLanguage(job); // { locale: "es", timeZone: "Europe/Madrid" }
 */
import type { Locale } from "../../../shared/i18n/locales.ts";
import type { EmailLanguage } from "../mail/templates/email-language.ts";
import type { RequestLocale } from "./request-locale.ts";

export interface RequestLanguage extends RequestLocale {
  /** An IANA time zone the page or the app sent, already validated. */
  timeZone?: string | undefined;
}

/** The fields a job carries for its email's language. */
export interface JobLanguage {
  locale?: Locale | undefined;
  localeStated?: boolean | undefined;
  timeZone?: string | undefined;
}

export function toJobLanguage(language: RequestLanguage): JobLanguage {
  return { locale: language.locale, localeStated: language.stated, ...(language.timeZone ? { timeZone: language.timeZone } : {}) };
}

/** The email's language; a job queued before these fields existed is English. */
export function fromJobLanguage(job: JobLanguage): EmailLanguage {
  return { locale: job.locale ?? "en", timeZone: job.timeZone };
}
