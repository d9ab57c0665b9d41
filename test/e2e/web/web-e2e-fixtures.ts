/**
 * What the browser suites of the edge pages share: accounts made through the JSON API, the
 * reset link read from `/dev/mailbox.json`, sign-in checks, a watcher for CSP violations, axe,
 * and full-page screenshots at phone and desktop widths under test-results/screenshots/web/.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../../support/wrangler-dev.ts";

export const ORIGINAL_PASSWORD = "an original passphrase 1";
export const NEW_PASSWORD = "a lighthouse keeper's lantern";
export const WIDTHS = [390, 1280] as const;
export const SCREENSHOT_DIR = join(ROOT, "test-results/screenshots/web");

/** Registers a verified account through the development-only `POST /dev/accounts`. */
export async function createAccount(baseUrl: string, email: string, password = ORIGINAL_PASSWORD): Promise<void> {
  const response = await fetch(`${baseUrl}/dev/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`creating ${email} answered ${response.status}`);
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

interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Waits for the newest email to `email` holding a link to `path` (`/reset-password` or
 * `/account-alert`) and returns that link, pointed at this Worker. Links start with
 * PUBLIC_BASE_URL (port 8787) while each suite's Worker listens on a free port, so only the
 * path and query are kept.
 */
export async function readLinkFromMail(baseUrl: string, email: string, path = "/reset-password", timeoutMs = 15_000): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]+?(${path}\\?token=[\\w-]{43})`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/dev/mailbox.json?to=${encodeURIComponent(email)}`);
    const { messages } = (await response.json()) as { messages: MailboxMessage[] };
    for (const message of messages) {
      const match = pattern.exec(message.text);
      if (match?.[1]) return `${baseUrl}${match[1]}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no email with a ${path} link reached ${email}`);
}

/** How many emails the dev mailbox holds for an address. */
export async function countMail(baseUrl: string, email: string): Promise<number> {
  const response = await fetch(`${baseUrl}/dev/mailbox.json?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: unknown[] }).messages.length;
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

/** Runs axe on the page and returns its violations in a readable form. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
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

/** The id of the element that has keyboard focus. */
export function readFocusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}
