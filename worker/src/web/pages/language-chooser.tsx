/**
 * The language chooser of every page: plain links to this same page with `?lang=`, each named in
 * its own language, so it works without JavaScript and is read correctly by screen readers. The
 * Worker remembers the choice in a cookie (web-route.tsx), so it holds on the pages that follow.
 *
 * The list is the same for every visit to a page in a language, so its markup is kept per
 * language (kept-markup.ts): without that, the chooser alone would cost a page a third
 * of its render time (bench/RESULTS.md). A page with a query string, which may hold a token, is
 * rendered afresh and never kept.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { LOCALE_NAMES, LOCALES, textDirection, type Locale } from "../../../../shared/i18n/locales.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { LANGUAGE_PARAMETER } from "../../i18n/request-locale.ts";
import { keptMarkup } from "./kept-markup.ts";
import { usePageLocation } from "./page-location.tsx";

/** The list of languages, the current one marked. */
export function LanguageChooser() {
  const { t, locale } = useI18n();
  const location = usePageLocation();
  const query = location.search.length > 1 ? new URLSearchParams(location.search) : undefined;
  query?.delete(LANGUAGE_PARAMETER);
  let list: string;
  if (!query || query.size === 0) {
    // `?lang=de` alone leads to this same path: one list per language serves every such page.
    list = keptMarkup(`languages ${locale}`, () => <LanguageList current={locale} prefix={`?${LANGUAGE_PARAMETER}=`} />);
  } else {
    // Any other query could hold a token: its list is rendered afresh and never kept.
    list = renderToStaticMarkup(<LanguageList current={locale} prefix={`${location.pathname}?${query.toString()}&${LANGUAGE_PARAMETER}=`} />);
  }
  return <nav className="language-chooser" aria-label={t("page.languages")} dangerouslySetInnerHTML={{ __html: list }} />;
}

function LanguageList({ current, prefix }: { current: Locale; prefix: string }) {
  return (
    <ul>
      {LOCALES.map((language) => (
        <li key={language}>
          <a
            href={`${prefix}${language}`}
            hrefLang={language}
            lang={language}
            // Only a name written the other way round from the page needs its direction.
            dir={textDirection(language) === textDirection(current) ? undefined : textDirection(language)}
            aria-current={language === current ? "true" : undefined}
          >
            {LOCALE_NAMES[language]}
          </a>
        </li>
      ))}
    </ul>
  );
}
