/**
 * The pages on a 390 px phone in real Chromium against `wrangler dev`: the card keeps a real side
 * margin, the example code in a sentence never breaks at its hyphen in any language, and the
 * development mailbox stays as wide as the phone however long an address it lists.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { PagePath } from "../../../shared/contract.ts";
import { LOCALES } from "../../../shared/i18n/locales.ts";
import { useWorkerAndBrowser } from "../../support/browser-page.ts";
import { createAccount, takeScreenshots } from "./web-e2e-fixtures.ts";

const PHONE = { width: 390, height: 800 };
const PAGES = [PagePath.forgotPassword, PagePath.checkEmail, PagePath.signUp, PagePath.signIn] as const;
/** An address with nowhere a line may break: no spaces, no hyphens. */
const LONG_ADDRESS = "averyveryverylongmailboxnamethatgoesonandonforever@asubdomainofsomelength.examplemailprovider.com";

describe("the pages on a phone", () => {
  const suite = useWorkerAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await suite.browser.newPage({ viewport: PHONE });
  });

  it("keep a side margin of at least 16 px around the card", async () => {
    for (const path of PAGES) {
      await page.goto(`${suite.worker.url}${path}`);
      const card = await page.locator(".card").boundingBox();
      expect(card?.x, path).toBeGreaterThanOrEqual(16);
      expect(PHONE.width - ((card?.x ?? 0) + (card?.width ?? 0)), path).toBeGreaterThanOrEqual(16);
    }
  });

  it("keep the example code on one line in every language", async () => {
    for (const locale of LOCALES) {
      await page.goto(`${suite.worker.url}${PagePath.checkEmail}?lang=${locale}`);
      const examples = page.locator(".reset-code-example");
      expect(await examples.count(), locale).toBe(2);
      for (const example of await examples.all()) {
        expect(await example.innerText(), locale).toBe("7KQ2-M9XD");
        expect(await example.evaluate((element) => element.getClientRects().length), locale).toBe(1);
      }
    }
    await takeScreenshots(page, "check-email-code-hint");
  });

  it("show the development mailbox as wide as the phone, however long an address it lists", async () => {
    await createAccount(suite.worker.url, LONG_ADDRESS);
    for (const email of [LONG_ADDRESS, `x${LONG_ADDRESS.slice(1)}`]) {
      const response = await fetch(`${suite.worker.url}/api/v1/password-resets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      expect(response.status).toBe(202);
    }

    await expect
      .poll(
        async () => {
          await page.goto(`${suite.worker.url}/dev/mailbox`);
          return page.locator(".mailbox-message, .mailbox-skipped").count();
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(2);

    expect(await page.getByText(LONG_ADDRESS).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await page.getAttribute('meta[name="robots"]', "content")).toBe("noindex");
    await takeScreenshots(page, "dev-mailbox-long-address");
  });
});
