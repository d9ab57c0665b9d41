/**
 * The account's language: the latest one the person stated (signing up, signing in, asking for or
 * finishing a reset, changing the password), for the emails nothing asked for just then. A request
 * that named no language leaves it as it was.
 *
 * @example
 * await rememberStatedLocale(env, account.id, readApiLocale(request, env));
 * sendPasswordChangedEmail(env, { …, language: readAccountLanguage(env, account) }, attempt);
 */
import type { Locale } from "../../../shared/i18n/locales.ts";
import { rememberAccountLocale } from "../accounts/accounts.ts";
import { readConfig } from "../config.ts";
import type { EmailLanguage } from "../mail/templates/email-language.ts";

/** The language for an email to `account` that no request of theirs asked for: UTC times. */
export function readAccountLanguage(env: Env, account: { locale: Locale | null }): EmailLanguage {
  return { locale: account.locale ?? readConfig(env).defaultLocale };
}

/** Keeps the request's language as the account's, when the request stated one. */
export async function rememberStatedLocale(env: Env, accountId: string, stated: { locale: Locale; stated: boolean }): Promise<void> {
  if (stated.stated) await rememberAccountLocale(env, accountId, stated.locale);
}
