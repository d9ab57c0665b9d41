/**
 * How a list of wanted languages becomes one of ours. The Worker's pages and API and the desktop
 * app all choose through `matchLocale`, so "de-AT, en;q=0.5" means German everywhere.
 *
 * @example
 * matchLocale(readAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.5"), "en"); // "fr"
 */
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, findLocale, LOCALES, PSEUDO_LOCALE, type Locale } from "./locales.ts";

/**
 * The best of our locales for `requested` (most wanted first), or `fallback` when none is close.
 * The pseudo-locale is never a match for a real language: only its own exact tag picks it.
 */
export function matchLocale(requested: readonly string[], fallback: Locale = DEFAULT_LOCALE): Locale {
  return findBestLocale(requested) ?? fallback;
}

/** The best of our locales for `requested`, or undefined when none is close ("pt-BR"). */
export function findBestLocale(requested: readonly string[]): Locale | undefined {
  const wanted = requested.filter((tag) => isWellFormedTag(tag));
  if (wanted[0] !== undefined && findLocale(wanted[0]) === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const real = wanted.filter((tag) => findLocale(tag) !== PSEUDO_LOCALE);
  if (real.length === 0) return undefined;
  // "und" (undetermined) is no locale of ours, so it comes back exactly when nothing matched.
  return findLocale(match(real, LOCALES, "und", { algorithm: "best fit" }));
}

/** The languages of an `Accept-Language` header, most wanted first (RFC 9110 §12.5.4 weights). */
export function readAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return new Negotiator({ headers: { "accept-language": header } }).languages().filter((tag) => tag !== "*");
}

function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
