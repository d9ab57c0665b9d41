/**
 * The language chooser of every page: plain links to this same page with `?lang=`, each named in
 * its own language, so it works without JavaScript and is read correctly by screen readers. The
 * Worker remembers the choice in a cookie (web-route.tsx), so it holds on the pages that follow.
 *
 * The list is the same for every visit to a page in a language, so its markup (rendered by React,
 * escaped like the rest) is kept per language and path: without that, the chooser alone would cost
 * a page a third of its render time (bench/RESULTS.md). A page with a query string, which may hold
 * a token, is rendered afresh and never kept.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { LOCALE_NAMES, LOCALES, textDirection, type Locale } from "../../../../shared/i18n/locales.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { LANGUAGE_PARAMETER } from "../../i18n/request-locale.ts";
import { usePageLocation } from "./page-location.tsx";

const KEPT_LISTS_LIMIT = 200;
const keptLists = new Map<string, string>();

/** The list of languages, the current one marked. */
export function LanguageChooser() {
  const { t, locale } = useI18n();
  const location = usePageLocation();
  const query = new URLSearchParams(location.search);
  query.delete(LANGUAGE_PARAMETER);
  // Only a page without a query (which could hold a token) keeps its list.
  const keep = query.size === 0;
  const prefix = `${location.pathname}?${keep ? "" : `${query.toString()}&`}${LANGUAGE_PARAMETER}=`;
  let list = keep ? keptLists.get(`${locale} ${prefix}`) : undefined;
  if (list === undefined) {
    list = renderToStaticMarkup(<LanguageList current={locale} prefix={prefix} />);
    if (keep) {
      if (keptLists.size >= KEPT_LISTS_LIMIT) keptLists.clear();
      keptLists.set(`${locale} ${prefix}`, list);
    }
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
            dir={textDirection(language)}
            aria-current={language === current ? "true" : undefined}
          >
            {LOCALE_NAMES[language]}
          </a>
        </li>
      ))}
    </ul>
  );
}
