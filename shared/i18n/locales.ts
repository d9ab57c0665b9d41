/**
 * The languages ResetKit speaks: their tags, names and writing direction. `en-XA` is the
 * pseudo-locale (accented, a third longer) that the tests and screenshots use to catch hard-coded
 * strings and layouts that break on longer words; only an explicit choice selects it. How a list
 * of wanted languages becomes one of these is in language-match.ts, apart, so what only names a
 * locale (the desktop preload) carries no header parser.
 */

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
