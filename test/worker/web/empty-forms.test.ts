/**
 * The empty forms (forgot password, sign up, sign in) are rendered once per isolate and language
 * and then reused with each visitor's own CSRF token (worker/src/web/render.ts). What a visitor
 * gets must be exactly the page rendered afresh, with their token and nobody else's.
 */
import { env } from "cloudflare:test";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ForgotPasswordPage } from "../../../worker/src/web/pages/forgot-password.tsx";
import { renderPage } from "../../../worker/src/web/render.ts";
import { Browser, LOCAL_ORIGIN, openForm } from "./web-fixtures.ts";

describe("the empty forms, kept between visits", () => {
  it("give every visitor their own token in a page that is otherwise the same", async () => {
    for (const path of ["/forgot-password", "/sign-up", "/sign-in"]) {
      const first = await openForm(new Browser(), path);
      const second = await openForm(new Browser(), path);

      expect(first.csrfToken, path).not.toBe(second.csrfToken);
      expect(first.html.split(first.csrfToken), path).toHaveLength(2);
      expect(second.html.split(second.csrfToken), path).toHaveLength(2);
      expect(second.html.replace(second.csrfToken, first.csrfToken), path).toBe(first.html);
    }
  });

  it("are byte for byte the page rendered afresh with the visitor's token", async () => {
    await openForm(new Browser(), "/forgot-password");
    const { html, csrfToken } = await openForm(new Browser(), "/forgot-password");

    const afresh = renderPage(new Request(`${LOCAL_ORIGIN}/forgot-password`), env, createElement(ForgotPasswordPage, { appName: env.APP_NAME, csrfToken }));
    expect(html).toBe(await afresh.text());
  });

  it("are kept per language: a German visit between two English ones changes neither", async () => {
    const english = await openForm(new Browser(), "/sign-up");
    const german = await (await new Browser().fetch("/sign-up", { headers: { "accept-language": "de" } })).text();
    const englishAgain = await openForm(new Browser(), "/sign-up");

    expect(german).toContain('<html lang="de" dir="ltr">');
    expect(englishAgain.html).toContain('<html lang="en" dir="ltr">');
    expect(englishAgain.html.replace(englishAgain.csrfToken, english.csrfToken)).toBe(english.html);
  });
});
