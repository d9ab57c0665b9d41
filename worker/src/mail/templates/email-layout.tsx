/**
 * The HTML frame every ResetKit email shares: a single centred column built from tables, with
 * inline styles, because many mail clients ignore `<style>` blocks and flexbox. The column is
 * at most 560px wide and shrinks to the screen on phones.
 *
 * React escapes every interpolated value, so text from configuration or accounts cannot turn
 * into markup. The document carries the email's language and writing direction, so Arabic mail
 * reads right to left in every client.
 */
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nProvider, useI18n } from "../../../../shared/i18n/react.tsx";
import type { Translator } from "../../../../shared/i18n/translator.ts";

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const emailStyles = {
  paragraph: { margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", color: "#1f2933" },
  small: { margin: "0 0 12px", fontSize: "13px", lineHeight: "20px", color: "#52606d" },
  code: { fontFamily: "Menlo, Consolas, monospace", fontSize: "13px", wordBreak: "break-all" as const, color: "#1f2933" },
} as const;

/** The main call to action: a bulletproof table button, large enough to tap. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "8px 0 24px" }}>
      <tbody>
        <tr>
          <td style={{ borderRadius: "6px", backgroundColor: "#1f4fd1" }}>
            <a
              href={href}
              style={{
                display: "inline-block",
                padding: "14px 24px",
                fontFamily: FONT,
                fontSize: "16px",
                fontWeight: 600,
                color: "#ffffff",
                textDecoration: "none",
                borderRadius: "6px",
              }}
            >
              {children}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** Wraps the body of an email in the shared frame. */
export function EmailLayout({ appName, title, children }: { appName: string; title: string; children: ReactNode }) {
  const { locale, dir } = useI18n();
  const start = dir === "rtl" ? "right" : "left";
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
      </head>
      <body dir={dir} style={{ margin: 0, padding: 0, backgroundColor: "#f4f5f7" }}>
        <table role="presentation" dir={dir} width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f4f5f7" }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ maxWidth: "560px", backgroundColor: "#ffffff", borderRadius: "8px", fontFamily: FONT, textAlign: start }}
                >
                  <tbody>
                    <tr>
                      <td style={{ padding: "24px 24px 0", fontSize: "14px", fontWeight: 700, color: "#1f4fd1" }}>{appName}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: "16px 24px 24px" }}>
                        <h1 style={{ margin: "0 0 16px", fontSize: "22px", lineHeight: "30px", color: "#1f2933" }}>{title}</h1>
                        {children}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

/** Renders an email element to a complete HTML document in `translator`'s language. */
export function renderEmailHtml(translator: Translator, element: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<I18nProvider translator={translator}>{element}</I18nProvider>)}`;
}
