/**
 * Which language the app speaks. At launch it is the language chosen in the menu, kept in
 * settings.json, or else the best of ours for the system's preferred languages
 * (`app.getPreferredSystemLanguages()`), English when none is close. The pseudo-locale is for
 * development: only an unpackaged run offers it or honours a saved choice of it.
 *
 * A choice applies at once: every listener (the menu, the window) hears of it, and main's own
 * sentences and the next call's `Accept-Language` read `current()`.
 *
 * @example
 * const language = createAppLanguage({ directory, systemLanguages: () => app.getPreferredSystemLanguages(), packaged });
 * language.current(); // "de" on a German system
 * language.choose("ar"); // remembered, and announced to every listener
 */
import { matchLocale } from "../../../shared/i18n/language-match.ts";
import { findLocale, LOCALES, PSEUDO_LOCALE, type Locale } from "../../../shared/i18n/locales.ts";
import { readSettings, writeSettings } from "./settings.ts";

export interface AppLanguageOptions {
  /** The user-data folder, where settings.json lives. */
  directory: string;
  /** The system's languages, most preferred first; read once, at the first use. */
  systemLanguages(): readonly string[];
  /** True in an installed app, which does not offer the pseudo-locale. */
  packaged: boolean;
}

export interface AppLanguage {
  /** The locale in use now. */
  current(): Locale;
  /** The locales the menu offers, in its order. */
  readonly offered: readonly Locale[];
  /** Switches to `locale` (one of `offered`) and remembers it for the next launch. */
  choose(locale: Locale): void;
  /** Calls `listener` with each new locale. */
  onChange(listener: (locale: Locale) => void): void;
}

/** The locales a run offers: ours, and the pseudo-locale only when unpackaged. */
export function offeredLocales(packaged: boolean): readonly Locale[] {
  return packaged ? LOCALES : [...LOCALES, PSEUDO_LOCALE];
}

/**
 * The locale to start in: a saved choice the run offers, else the system's best match. The
 * system's list never selects the pseudo-locale; only a choice in the menu does.
 */
export function chooseStartLocale(saved: Locale | undefined, systemLanguages: readonly string[], packaged: boolean): Locale {
  if (saved !== undefined && offeredLocales(packaged).includes(saved)) return saved;
  return matchLocale(systemLanguages.filter((tag) => findLocale(tag) !== PSEUDO_LOCALE));
}

/** Creates the app's language; settings and the system's languages are read at the first use. */
export function createAppLanguage(options: AppLanguageOptions): AppLanguage {
  const offered = offeredLocales(options.packaged);
  const listeners: Array<(locale: Locale) => void> = [];
  let locale: Locale | undefined;

  const current = (): Locale => {
    locale ??= chooseStartLocale(readSettings(options.directory).locale, options.systemLanguages(), options.packaged);
    return locale;
  };

  return {
    current,
    offered,
    choose(next) {
      if (!offered.includes(next)) return;
      const changed = next !== current();
      locale = next;
      if (changed) for (const listener of listeners) listener(next);
      try {
        writeSettings(options.directory, { ...readSettings(options.directory), locale: next });
      } catch (error) {
        // The choice holds for this run; only the next launch forgets it.
        console.error("ResetKit could not save the chosen language:", error);
      }
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
