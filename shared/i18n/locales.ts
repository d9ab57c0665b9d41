/**
 * The languages ResetKit speaks and how a list of wanted languages becomes one of them. The
 * Worker's pages and API and the desktop app all choose through `matchLocale`, so "de-AT, en;q=0.5"
 * means German everywhere. `en-XA` is the pseudo-locale (accented, a third longer) that the tests
 * and screenshots use to catch hard-coded strings and layouts that break on longer words; only an
 * explicit choice selects it.
 *
 * @example
 * matchLocale(readAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.5"), "en"); // "fr"
 */
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const LOCALES = ["en", "de", "es", "fr", "ja", "ar"] as const;
export const PSEUDO_LOCALE = "en-XA";
export type Locale = (typeof LOCALES)[number] | typeof PSEUDO_LOCALE;
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in itself, as a language chooser lists it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  de: "Deutsch",
  es: "Español",
  fr: "Français",
  ja: "日本語",
  ar: "العربية",
  [PSEUDO_LOCALE]: "Ƥşéûđô",
};

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(["ar"]);

/** True for a value that names one of our locales exactly (case-insensitive, as language tags are). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && findLocale(value) !== undefined;
}

/** Our spelling of a tag that names one of our locales exactly, or undefined. */
export function findLocale(value: string): Locale | undefined {
  const lowered = value.toLowerCase();
  if (lowered === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  return LOCALES.find((locale) => locale === lowered);
}

/** The writing direction of a locale's script. */
export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

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
