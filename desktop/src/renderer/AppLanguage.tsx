/**
 * The window's language: the one main speaks (chosen in the menu, or the system's), and every
 * change main announces, applied at once without a reload. It sets `lang` and `dir` on <html>,
 * so the browser picks fonts and hyphenation and mirrors the layout for Arabic, and hands the
 * translator to every screen. Nothing is drawn until main has answered, so no screen ever
 * flashes up in the wrong language.
 */
import { useEffect, useLayoutEffect, useState, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "../../../shared/i18n/locales.ts";
import { I18nProvider } from "../../../shared/i18n/react.tsx";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { getApi } from "./api-bridge.ts";

export function AppLanguage({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale | null>(null);
  useEffect(() => {
    // Listening first: a choice made while the answer is on its way is not lost.
    let announced = false;
    const unsubscribe = getApi().onLocaleChange((next) => {
      announced = true;
      setLocale(next);
    });
    getApi()
      .getLocale()
      .then((result) => (result.ok ? result.value : DEFAULT_LOCALE), () => DEFAULT_LOCALE)
      .then((answered) => {
        if (!announced) setLocale(answered);
      });
    return unsubscribe;
  }, []);
  useLayoutEffect(() => {
    if (locale === null) return;
    document.documentElement.lang = locale;
    document.documentElement.dir = translatorFor(locale).dir;
  }, [locale]);

  if (locale === null) return null;
  return <I18nProvider translator={translatorFor(locale)}>{children}</I18nProvider>;
}
