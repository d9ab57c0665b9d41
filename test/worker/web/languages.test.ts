/**
 * The pages in every language: chosen by `Accept-Language`, or by `?lang=` which then sticks
 * through a cookie; each page says its language (`lang`, `dir`, `Content-Language`) and offers the
 * others without JavaScript. In the pseudo-locale every word on every page is accented, so a
 * sentence that did not come from the catalogue stands out as plain ASCII.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { LOCALE_NAMES, LOCALES } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { createAlertToken } from "../../../worker/src/account-alert/alert-tokens.ts";
import { Browser, createResetToken, GOOD_PASSWORD, openForm, ORIGINAL_PASSWORD, readPageText, registerAccount } from "./web-fixtures.ts";

const PAGES = ["/forgot-password", "/forgot-password/check-email", "/sign-up", "/sign-up/check-email", "/sign-in", "/no-such-page"];

function readDocumentLanguage(html: string): { lang: string | undefined; dir: string | undefined } {
  const tag = /<html([^>]*)>/.exec(html)?.[1] ?? "";
  return { lang: /lang="([^"]*)"/.exec(tag)?.[1], dir: /dir="([^"]*)"/.exec(tag)?.[1] };
}

describe("the language of a page", () => {
  it.each(LOCALES)("serves every page in %s for a browser that asks for it", async (locale) => {
    const browser = new Browser();
    for (const path of PAGES) {
      const response = await browser.fetch(path, { headers: { "accept-language": `${locale};q=0.9, xx;q=0.1` } });
      const html = await response.text();
      expect(response.headers.get("content-language"), path).toBe(locale);
      expect(readDocumentLanguage(html), path).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
    }
    const forgot = await (await browser.fetch("/forgot-password", { headers: { "accept-language": locale } })).text();
    expect(readPageText(forgot)).toContain(translatorFor(locale).t("forgotPassword.title"));
  });

  it("matches a regional variant to its language and falls back to DEFAULT_LOCALE for one we lack", async () => {
    const browser = new Browser();
    expect((await browser.fetch("/sign-in", { headers: { "accept-language": "fr-CA,fr;q=0.9" } })).headers.get("content-language")).toBe("fr");
    expect((await browser.fetch("/sign-in", { headers: { "accept-language": "es-419" } })).headers.get("content-language")).toBe("es");
    expect((await browser.fetch("/sign-in", { headers: { "accept-language": "pt-BR,pt;q=0.8" } })).headers.get("content-language")).toBe("en");
    const german = new Browser(undefined, { DEFAULT_LOCALE: "de" });
    expect((await german.fetch("/sign-in", { headers: { "accept-language": "pt-BR" } })).headers.get("content-language")).toBe("de");
  });

  it("keeps a choice made with ?lang= across the pages that follow, over Accept-Language", async () => {
    const browser = new Browser();
    const chosen = await browser.fetch("/forgot-password?lang=ar", { headers: { "accept-language": "de" } });
    expect(chosen.headers.get("content-language")).toBe("ar");
    expect(chosen.headers.getSetCookie().some((cookie) => cookie.startsWith("resetkit_lang=ar;"))).toBe(true);
    const next = await browser.fetch("/sign-up", { headers: { "accept-language": "de" } });
    expect(next.headers.get("content-language")).toBe("ar");
    expect(readDocumentLanguage(await next.text())).toEqual({ lang: "ar", dir: "rtl" });
    // A form posted afterwards answers in the chosen language too.
    const { csrfToken } = await openForm(browser, "/forgot-password");
    const refused = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: "not an address" });
    expect(readPageText(await refused.text())).toContain(translatorFor("ar").t("email.invalid"));
  });

  it("offers every language on every page as a plain link to the same page, each named in itself", async () => {
    const html = await (await new Browser().fetch("/forgot-password/check-email?wrong=1")).text();
    for (const locale of LOCALES) {
      expect(html).toContain(`href="/forgot-password/check-email?wrong=1&amp;lang=${locale}" hrefLang="${locale}" lang="${locale}"`);
      expect(html).toContain(`>${LOCALE_NAMES[locale]}</a>`);
    }
    expect(html).toContain('aria-current="true">English</a>');
  });

  it("ignores a ?lang= it does not know", async () => {
    const response = await new Browser().fetch("/sign-in?lang=xx", { headers: { "accept-language": "ja" } });
    expect(response.headers.get("content-language")).toBe("ja");
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("resetkit_lang="))).toBe(false);
  });
});

/** Words that are values, not text of ours: the app's name, the languages' names, addresses, codes. */
const VALUES = ["ResetKit", ...Object.values(LOCALE_NAMES), "7KQ2-M9XD"];

/** The plain ASCII words left on a page after its values: each one is text that skipped the catalogue. */
function findUnlocalizedWords(html: string, extraValues: readonly string[] = []): string[] {
  let text = readPageText(html);
  for (const value of [...extraValues, ...VALUES]) text = text.replaceAll(value, " ");
  text = text.replace(/[\w.+*-]+@[\w.-]+/g, " ").replace(/\b\d+\b/g, " ");
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("the pseudo-locale", () => {
  it("leaves no word of any page outside the catalogue", async () => {
    const browser = new Browser();
    const seen: Record<string, string[]> = {};
    const visit = async (name: string, response: Response | Promise<Response>) => {
      const html = await (await response).text();
      // A page that lost its words would pass the check below; each must show pseudo-localised text.
      seen[name] = html.includes("⟦") ? findUnlocalizedWords(html) : ["(no pseudo-localised text)"];
    };
    const account = await registerAccount("pseudo@example.com");
    const { token: alertToken } = await createAlertToken(env, account.id);

    await visit("forgot password", browser.fetch("/forgot-password?lang=en-XA"));
    const forgot = await openForm(browser, "/forgot-password");
    await visit("forgot password, refused", browser.postForm("/forgot-password", { csrf_token: forgot.csrfToken, email: "no" }));
    await browser.postForm("/forgot-password", { csrf_token: forgot.csrfToken, email: "pseudo@example.com" });
    await visit("check email", browser.fetch("/forgot-password/check-email"));
    const code = await openForm(browser, "/forgot-password/check-email");
    await browser.postForm("/forgot-password/check-email", { csrf_token: code.csrfToken, email: "pseudo@example.com", code: "AAAA-AAAA" });
    await visit("wrong code", browser.fetch("/forgot-password/check-email"));
    await visit("code page on another device", new Browser().fetch("/forgot-password/check-email?lang=en-XA"));
    await visit("sign up", browser.fetch("/sign-up"));
    const signUp = await openForm(browser, "/sign-up");
    await visit("sign up, refused", browser.postForm("/sign-up", { csrf_token: signUp.csrfToken, email: "x", password: "short", confirm_password: "other" }));
    await visit("sign up, check email", browser.fetch("/sign-up/check-email"));
    await visit("sign in", browser.fetch("/sign-in"));
    const signIn = await openForm(browser, "/sign-in");
    await visit("sign in, refused", browser.postForm("/sign-in", { csrf_token: signIn.csrfToken, email: "pseudo@example.com", password: "wrong" }));
    // After the reset request above, which revokes older links.
    const token = await createResetToken(account);
    await browser.fetch(`/reset-password?token=${token}`);
    await visit("reset form", browser.fetch("/reset-password"));
    const reset = await openForm(browser, "/reset-password");
    await visit("reset form, refused", browser.postForm("/reset-password", { csrf_token: reset.csrfToken, password: "short", confirm_password: "short" }));
    await visit("password changed", browser.postForm("/reset-password", { csrf_token: reset.csrfToken, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD }));
    await visit("used link", browser.fetch(`/reset-password?token=${token}`));
    await visit("invalid link", browser.fetch(`/reset-password?token=${"A".repeat(43)}`));
    const signedIn = await openForm(browser, "/sign-in");
    await browser.postForm("/sign-in", { csrf_token: signedIn.csrfToken, email: "pseudo@example.com", password: GOOD_PASSWORD });
    await visit("account", browser.fetch("/account"));
    const change = await openForm(browser, "/account");
    await visit("account, refused", browser.postForm("/account", { csrf_token: change.csrfToken, current_password: ORIGINAL_PASSWORD, password: "x", confirm_password: "x" }));
    await visit("this wasn't me", browser.fetch(`/account-alert?token=${alertToken}`));
    await visit("this wasn't me, invalid", browser.fetch(`/account-alert?token=${"B".repeat(43)}`));
    await visit("verify email, invalid", browser.fetch(`/verify-email?token=${"C".repeat(43)}`));
    await visit("not found", browser.fetch("/no-such-page"));
    await visit("wrong method", browser.fetch("/sign-in", { method: "PUT" }));
    await visit("form refused", browser.postForm("/sign-in", { csrf_token: "forged", email: "a@example.com", password: "x" }));

    const leaks = Object.entries(seen).filter(([, words]) => words.length > 0);
    expect(Object.fromEntries(leaks)).toEqual({});
    expect(Object.keys(seen)).toHaveLength(23);
  });
});
