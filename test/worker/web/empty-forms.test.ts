/**
 * The empty forms (forgot password, sign up, sign in) are rendered once per isolate and language
 * and then reused with each visitor's own CSRF token (worker/src/web/render.ts). What a visitor
 * gets must be exactly the page rendered afresh for them, with their token and nothing of anyone
 * else's: not another visitor's token, notice or language, nor another configuration's name.
 */
import { env } from "cloudflare:test";
import { createElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../worker/src/config.ts";
import { ForgotPasswordPage } from "../../../worker/src/web/pages/forgot-password.tsx";
import { SignInPage } from "../../../worker/src/web/pages/sign-in.tsx";
import { SignUpPage } from "../../../worker/src/web/pages/sign-up.tsx";
import { renderPage } from "../../../worker/src/web/render.ts";
import { Browser, LOCAL_ORIGIN, openForm } from "./web-fixtures.ts";

/** Each form, and the page a fresh render would make of it for a token. */
const FORMS: Record<string, (csrfToken: string) => ReactElement> = {
  "/forgot-password": (csrfToken) => createElement(ForgotPasswordPage, { appName: env.APP_NAME, csrfToken }),
  "/sign-up": (csrfToken) => {
    const config = readConfig(env);
    return createElement(SignUpPage, { appName: config.appName, csrfToken, minLength: config.passwordMinLength, signInUrl: config.signInUrl });
  },
  "/sign-in": (csrfToken) => createElement(SignInPage, { appName: env.APP_NAME, csrfToken }),
};

describe("the empty forms, kept between visits", () => {
  it("give every visitor their own token in a page that is otherwise the same", async () => {
    for (const path of Object.keys(FORMS)) {
      const first = await openForm(new Browser(), path);
      const second = await openForm(new Browser(), path);

      expect(first.csrfToken, path).not.toBe(second.csrfToken);
      expect(first.html.split(first.csrfToken), path).toHaveLength(2);
      expect(second.html.split(second.csrfToken), path).toHaveLength(2);
      expect(second.html.replace(second.csrfToken, first.csrfToken), path).toBe(first.html);
    }
  });

  it("are byte for byte the page rendered afresh with the visitor's token", async () => {
    for (const [path, page] of Object.entries(FORMS)) {
      await openForm(new Browser(), path);
      const { html, csrfToken } = await openForm(new Browser(), path);

      const afresh = renderPage(new Request(`${LOCAL_ORIGIN}${path}`), env, page(csrfToken));
      expect(html, path).toBe(await afresh.text());
    }
  });

  it("are kept per language: a German visit between two English ones changes neither", async () => {
    const english = await openForm(new Browser(), "/sign-up");
    const german = await (await new Browser().fetch("/sign-up", { headers: { "accept-language": "de" } })).text();
    const englishAgain = await openForm(new Browser(), "/sign-up");

    expect(german).toContain('<html lang="de" dir="ltr">');
    expect(englishAgain.html).toContain('<html lang="en" dir="ltr">');
    expect(englishAgain.html.replace(englishAgain.csrfToken, english.csrfToken)).toBe(english.html);
  });

  it("show a visitor's notice to that visitor only", async () => {
    const signedOut = new Browser();
    signedOut.cookies.set("resetkit_notice", "signed-out");
    const withNotice = await openForm(signedOut, "/sign-in");
    const next = await openForm(new Browser(), "/sign-in");

    expect(withNotice.html).toContain("You have signed out.");
    expect(next.html).not.toContain("You have signed out.");
    expect(signedOut.cookies.has("resetkit_notice")).toBe(false);
  });

  it("follow the configuration they are served with, not the one that rendered them first", async () => {
    const ours = await openForm(new Browser(), "/forgot-password");
    const theirs = await openForm(new Browser(LOCAL_ORIGIN, { APP_NAME: "Acme Accounts" }), "/forgot-password");

    expect(ours.html).toContain("ResetKit");
    expect(theirs.html).toContain("Acme Accounts");
    expect(theirs.html).not.toContain("ResetKit");
  });
});
