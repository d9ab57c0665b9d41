/**
 * Markup that is the same on every visit, rendered by React once and kept per isolate: the parts
 * of the page frame that depend only on the language, the app's name and which page it is (the
 * document head, the language list, the footer). React escapes it exactly as it would inline;
 * the frame places it with `dangerouslySetInnerHTML` on its own element. A key names everything
 * the markup depends on, never a request's input, so the kept pages are few and the bound is
 * only a guard.
 *
 * @example
 * const footer = keptMarkup(`footer ${locale} ${appName}`, () => <p>{t("page.footer", { appName })}</p>);
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const KEPT_LIMIT = 500;
const kept = new Map<string, string>();

/** The markup of `render()`, rendered on the first call with `key` and kept for the calls after. */
export function keptMarkup(key: string, render: () => ReactElement): string {
  return keptText(key, () => renderToStaticMarkup(render()));
}

/** The text `make()` returns, made on the first call with `key` and kept for the calls after. */
export function keptText(key: string, make: () => string): string {
  let text = kept.get(key);
  if (text === undefined) {
    text = make();
    if (kept.size >= KEPT_LIMIT) kept.clear();
    kept.set(key, text);
  }
  return text;
}
