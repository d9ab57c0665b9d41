import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/chromium.ts";
import { startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";
import {
  countMail,
  createAccount,
  findAxeViolations,
  NEW_PASSWORD,
  ORIGINAL_PASSWORD,
  readLinkFromMail,
  signInStatus,
  takeScreenshots,
  watchCspViolations,
} from "./web-e2e-fixtures.ts";

/** Asks for a reset link through the API and returns it from the dev mailbox. */
async function requestLink(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/password-resets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(202);
  return readLinkFromMail(baseUrl, email);
}

describe("reset links and forms against scanners and other sites, in Chromium", () => {
  let worker: RunningWorker;
  let browser: Browser;

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it("a link prefetched with GET and HEAD, as mail scanners do, still resets the password", async () => {
    const email = "scanned@example.com";
    await createAccount(worker.url, email);
    const link = await requestLink(worker.url, email);
    for (const method of ["HEAD", "GET", "HEAD", "GET"]) {
      const response = await fetch(link, { method, redirect: "manual" });
      expect(response.status).toBe(303);
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { name: "Your password has been changed" }).waitFor();

    expect(await signInStatus(worker.url, email, NEW_PASSWORD)).toBe(200);
    await context.close();
  });

  it("a link followed from another site reaches the form, JavaScript off, and still leaves the address bar", async () => {
    // The mail site is another origin, so the browser withholds our SameSite=Strict cookie on
    // the redirected request; the page reloads itself once to get it.
    const email = "from-webmail@example.com";
    await createAccount(worker.url, email);
    const link = await requestLink(worker.url, email);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const cspViolations = await watchCspViolations(page);
    await page.setContent(`<p><a href="${link}">Reset your password</a></p>`);

    await page.getByRole("link", { name: "Reset your password" }).click();
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();

    expect(page.url()).toBe(`${worker.url}/reset-password`);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("a forged cross-site form post is refused with 403 and has no effect", async () => {
    const email = "forged-victim@example.com";
    await createAccount(worker.url, email);
    const link = await requestLink(worker.url, email);
    const context = await browser.newContext();
    const page = await context.newPage();
    // The victim opened their reset link, so the reset cookie is in their browser.
    await page.goto(link);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    const mailBefore = await countMail(worker.url, email);

    // The attacker's page, on another origin, posts to both forms.
    for (const [action, fields] of [
      ["/reset-password", { password: "attacker chosen phrase", confirm_password: "attacker chosen phrase" }],
      ["/forgot-password", { email }],
    ] as const) {
      const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join("");
      await page.setContent(`<main><form method="post" action="${worker.url}${action}">${inputs}<button>Win a prize</button></form></main>`);
      const [response] = await Promise.all([page.waitForResponse(`${worker.url}${action}`), page.getByRole("button", { name: "Win a prize" }).click()]);
      expect(response.status()).toBe(403);
      await page.getByRole("heading", { name: "This form has expired" }).waitFor();
    }
    expect(await findAxeViolations(page)).toEqual([]);
    await takeScreenshots(page, "form-refused");

    expect(await signInStatus(worker.url, email, ORIGINAL_PASSWORD)).toBe(200);
    expect(await signInStatus(worker.url, email, "attacker chosen phrase")).toBe(401);
    expect(await countMail(worker.url, email)).toBe(mailBefore);
    await context.close();
  });

  it("the CSP watcher used by these suites does report a blocked inline style", async () => {
    // Guards the "zero violations" assertions: they mean something only if a violation shows up.
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspViolations = await watchCspViolations(page);
    await page.goto(`${worker.url}/forgot-password`);

    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { color: red; }";
      document.head.append(style);
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(2);

    expect(cspViolations.some((violation) => violation.startsWith("console:"))).toBe(true);
    expect(cspViolations.some((violation) => violation.startsWith("event: style-src"))).toBe(true);
    await context.close();
  });
});
