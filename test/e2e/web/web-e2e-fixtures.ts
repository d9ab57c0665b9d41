/**
 * What the browser suites of the edge pages share: accounts with the suites' password and the
 * mailbox (test/support/dev-mailbox.ts), submitting and axe (test/support/browser-page.ts),
 * sign-in checks, a watcher for CSP violations, and full-page screenshots at phone and desktop widths under test-results/screenshots/web/.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { createAccount as createDevAccount } from "../../support/dev-mailbox.ts";
import { ROOT } from "../../support/wrangler-dev.ts";

export { findAxeViolations, submit } from "../../support/browser-page.ts";
export { countMail, readLinkFromMail } from "../../support/dev-mailbox.ts";

export const ORIGINAL_PASSWORD = "an original passphrase 1";
export const NEW_PASSWORD = "a lighthouse keeper's lantern";
export const WIDTHS = [390, 1280] as const;
export const SCREENSHOT_DIR = join(ROOT, "test-results/screenshots/web");

/** Registers a verified account through the development-only `POST /dev/accounts`. */
export function createAccount(baseUrl: string, email: string, password = ORIGINAL_PASSWORD): Promise<void> {
  return createDevAccount(baseUrl, email, password);
}

/** The status `POST /api/v1/sessions` gives this email and password. */
export async function signInStatus(baseUrl: string, email: string, password: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Records every CSP violation a page reports: Chromium's console message, and (with
 * JavaScript on) the `securitypolicyviolation` event, passed out through a binding.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(`console: ${message.text()}`);
  });
  await page.exposeBinding("reportCspViolation", (_source, description: string) => {
    violations.push(`event: ${description}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}`);
    });
  });
  return violations;
}

/** Saves full-page screenshots of the current page at 390 and 1280 px, then restores the width. */
export async function takeScreenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/**
 * Saves the README's picture of the reset form (docs/screenshots/reset-password.png), so the
 * front page shows what the current pages look like, never an old version of them.
 */
export async function saveReadmeScreenshot(page: Page): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 900, height: 760 });
  await page.screenshot({ path: join(ROOT, "docs/screenshots/reset-password.png") });
  await page.setViewportSize(original);
}

/**
 * The id of the element that has keyboard focus. Chromium moves focus to an `autofocus` field
 * in a rendering step after `load`, so assertions poll it (`expect.poll`).
 */
export function readFocusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}
