/**
 * The pages in Arabic and in the pseudo-locale, in real Chromium against `wrangler dev`: Arabic
 * mirrors (right to left, the code field still left to right), the pseudo-locale's longer words
 * never push a page wider than a phone, and the language chosen once holds through a whole reset.
 * Screenshots at 390 and 1280 px go to test-results/screenshots/web/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PagePath } from "../../../shared/contract.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { useWorkerAndBrowser } from "../../support/browser-page.ts";
import { readMailbox } from "../../support/dev-mailbox.ts";
import { createAccount, findAxeViolations, NEW_PASSWORD, readLinkFromMail, takeScreenshots, WIDTHS } from "./web-e2e-fixtures.ts";

const PAGES = [PagePath.forgotPassword, PagePath.checkEmail, PagePath.signUp, PagePath.signIn] as const;

describe("the pages in Arabic and in the pseudo-locale", () => {
  const suite = useWorkerAndBrowser();

  /** How far the page is wider than its window: more than 0 means a phone scrolls sideways. */
  const readOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it("mirror in Arabic, keep the code left to right, and pass axe", async () => {
    const context = await suite.browser.newContext({ locale: "ar" });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(`${suite.worker.url}${path}`);
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      expect(await page.getAttribute("html", "lang")).toBe("ar");
      // The heading's text starts at the card's right edge, as Arabic reads, and ends short of its left.
      const { textLeft, textRight, cardLeft, cardRight } = await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector("h1")!);
        const text = range.getBoundingClientRect();
        const card = document.querySelector(".card")!.getBoundingClientRect();
        return { textLeft: text.left, textRight: text.right, cardLeft: card.left, cardRight: card.right };
      });
      expect(cardRight - textRight, path).toBeLessThan(40);
      expect(textLeft - cardLeft, path).toBeGreaterThan(40);
      expect(await findAxeViolations(page), path).toEqual([]);
      await takeScreenshots(page, `ar${path.replaceAll("/", "-")}`);
    }
    await page.goto(`${suite.worker.url}${PagePath.checkEmail}`);
    expect(await page.locator("#code").evaluate((input) => getComputedStyle(input).direction)).toBe("ltr");
    await context.close();
  });

  it("never make a page wider than a phone in the pseudo-locale's longer words", async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.worker.url}${PagePath.forgotPassword}?lang=en-XA`);
    for (const path of PAGES) {
      await page.goto(`${suite.worker.url}${path}`);
      expect(await page.getAttribute("html", "lang")).toBe("en-XA");
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        expect(await readOverflow(page), `${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
      await takeScreenshots(page, `en-XA${path.replaceAll("/", "-")}`);
    }
    await context.close();
  });

  it("hold a language chosen on the first page through a whole reset, the email included", async () => {
    const email = "ar-reset@example.com";
    await createAccount(suite.worker.url, email);
    const context = await suite.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const arabic = translatorFor("ar");
    await page.goto(`${suite.worker.url}${PagePath.forgotPassword}`);
    await page.getByRole("link", { name: "العربية" }).click();
    await page.getByRole("heading", { name: arabic.t("forgotPassword.title") }).waitFor();
    await page.getByLabel(arabic.t("forgotPassword.emailLabel")).fill(email);
    await Promise.all([page.waitForURL(/check-email/), page.getByRole("button", { name: arabic.t("forgotPassword.submit") }).click()]);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");

    await page.goto(await readLinkFromMail(suite.worker.url, email));
    await page.getByRole("heading", { name: arabic.t("resetPassword.title") }).waitFor();
    await takeScreenshots(page, "ar-reset-password");
    await page.getByLabel(arabic.t("resetPassword.passwordLabel"), { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(arabic.t("resetPassword.confirmationLabel")).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: arabic.t("resetPassword.submit") }).click();
    await page.getByRole("heading", { name: arabic.t("resetOutcome.changedTitle") }).waitFor();
    await takeScreenshots(page, "ar-password-changed");

    // The reset email, then the "password changed" notice, both in Arabic (newest first).
    const readMail = () => readMailbox(suite.worker.url, email);
    await expect.poll(async () => (await readMail()).map((message) => message.contentLanguage), { timeout: 15_000 }).toEqual(["ar", "ar"]);
    expect((await readMail()).map((message) => message.subject)).toEqual([
      arabic.t("passwordChangedEmail.subject", { appName: "ResetKit" }),
      arabic.t("resetEmail.subject", { appName: "ResetKit" }),
    ]);
    await context.close();
  });
});
