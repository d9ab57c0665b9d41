/**
 * The language chooser of every page: plain links to this same page with `?lang=`, each named in
 * its own language, so it works without JavaScript and is read correctly by screen readers. The
 * Worker remembers the choice in a cookie (web-route.tsx), so it holds on the pages that follow.
 */
import { LOCALE_NAMES, LOCALES, textDirection } from "../../../../shared/i18n/locales.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { LANGUAGE_PARAMETER } from "../../i18n/request-locale.ts";
import { usePageLocation } from "./page-location.tsx";

/** The list of languages, the current one marked. */
export function LanguageChooser() {
  const { t, locale } = useI18n();
  const location = usePageLocation();
  return (
    <nav className="language-chooser" aria-label={t("page.languages")}>
      <ul>
        {LOCALES.map((language) => {
          const target = new URLSearchParams(location.search);
          target.set(LANGUAGE_PARAMETER, language);
          return (
            <li key={language}>
              <a
                href={`${location.pathname}?${target.toString()}`}
                hrefLang={language}
                lang={language}
                dir={textDirection(language)}
                aria-current={language === locale ? "true" : undefined}
              >
                {LOCALE_NAMES[language]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
