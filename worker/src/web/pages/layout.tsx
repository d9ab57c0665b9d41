/**
 * The frame every edge page shares: document head (marked `noindex`, like the `X-Robots-Tag` of
 * secure-headers/), the one stylesheet, the icon, landmarks (header with the language chooser,
 * main, footer) and a single card, in the page's language and writing direction. Nothing inline: the CSP forbids inline script and style, so the pages'
 * scripts are external files (worker/browser, bundled into worker/public); the one `<script>` with
 * content is a JSON data block, which a browser never runs.
 */
import type { ReactNode } from "react";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { POLICY_WORDS_ID } from "../../../../shared/password-feedback.ts";
import { describePolicyWords } from "./form-parts.tsx";
import { keptMarkup } from "./kept-markup.ts";
import { LanguageChooser } from "./language-chooser.tsx";
import { RateLimitTip } from "./rate-limit-tip.tsx";

export interface LayoutProps {
  appName: string;
  title: string;
  children: ReactNode;
  /**
   * Loads the small external script that gives live password feedback, with its sentences for
   * this minimum length in a JSON block of the head.
   */
  passwordFeedback?: { minLength: number };
  /** Loads the small external script that formats a reset code as it is typed. */
  withCodeFormatting?: boolean;
  /** Sends the browser on to `refreshTo` at once (used without JavaScript, so no script needed). */
  refreshTo?: string;
  /** A card wide enough for tables (the API reference), instead of the forms' narrow column. */
  wide?: boolean;
}

/** The HTML document around a page's content. */
export function Layout({ appName, title, children, passwordFeedback, withCodeFormatting, refreshTo, wide }: LayoutProps) {
  const { t, locale, dir } = useI18n();
  // The head and the footer are the same on every visit to this page in this language: React
  // renders them once (kept-markup.ts), and every page after reuses the markup.
  const head = keptMarkup(`head ${locale} ${passwordFeedback?.minLength ?? 0} ${withCodeFormatting ? 1 : 0} ${refreshTo ?? ""} ${appName}\u0000${title}`, () => (
    <>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      {refreshTo ? <meta httpEquiv="refresh" content={`0;url=${refreshTo}`} /> : null}
      <title>{t("page.title", { title, appName })}</title>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/styles.css" />
      <script src="/submit-once.js" defer />
      {passwordFeedback ? (
        <>
          <script type="application/json" id={POLICY_WORDS_ID}>
            {JSON.stringify(describePolicyWords(t, passwordFeedback.minLength))}
          </script>
          <script src="/password-feedback.js" defer />
        </>
      ) : null}
      {withCodeFormatting ? <script src="/reset-code-input.js" defer /> : null}
    </>
  ));
  const footer = keptMarkup(`footer ${locale} ${appName}`, () => <p>{t("page.footer", { appName })}</p>);
  return (
    <html lang={locale} dir={dir}>
      <head dangerouslySetInnerHTML={{ __html: head }} />
      <body className="page">
        <header className="page-header">
          <p className="brand">{appName}</p>
          <LanguageChooser />
        </header>
        <main className="page-main">
          <div className={wide ? "card card-wide" : "card"}>
            {children}
            <RateLimitTip />
          </div>
        </main>
        <footer className="page-footer" dangerouslySetInnerHTML={{ __html: footer }} />
      </body>
    </html>
  );
}
