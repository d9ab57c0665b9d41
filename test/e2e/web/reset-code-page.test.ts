/**
 * The web "check your email" page and its code entry in real Chromium against `wrangler dev`,
 * with JavaScript on and off: POST /forgot-password lands on the page by 303, going back never
 * resubmits, a wrong code gets the plain refusal (by 303 too, so Back after it never asks to send
 * the form again), and the right code (typed loosely) opens the same "Choose a new password" form a
 * link opens, with nothing secret in the address bar. The error summary's link takes focus to the
 * code field.
 */
import { describe, expect, it } from "vitest";
import { useWorkerAndBrowser } from "../../support/browser-page.ts";
import {
  countMail,
  createAccount,
  findAxeViolations,
  NEW_PASSWORD,
  ORIGINAL_PASSWORD,
  readFocusedId,
  readLinkFromMail,
  signInStatus,
  submit,
  takeScreenshots,
  watchCspViolations,
} from "./web-e2e-fixtures.ts";
import { otherCode, readCodeFromMail } from "../../support/dev-mailbox.ts";

describe("the check-email page's code entry in Chromium", () => {
  const suite = useWorkerAndBrowser();

  it.each([
    ["on", true],
    ["off", false],
  ] as const)("a person finishes a reset with the emailed code, JavaScript %s", async (label, javaScriptEnabled) => {
    const email = `code-js-${label}@example.com`;
    await createAccount(suite.worker.url, email);
    const context = await suite.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const cspViolations = await watchCspViolations(page);
    const visit = async (name: string) => {
      if (!javaScriptEnabled) return;
      expect(await findAxeViolations(page), `axe on ${name}`).toEqual([]);
      await takeScreenshots(page, name);
    };

    await page.goto(`${suite.worker.url}/forgot-password`);
    await page.getByLabel("Email address").fill(email);
    expect((await submit(page, "Send reset link")).status()).toBe(303);
    expect(page.url()).toBe(`${suite.worker.url}/forgot-password/check-email`);
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await page.getByText(`If ${email} has an account`).waitFor();
    await visit("check-email-code");

    // Back and forward again are plain GETs: no "Confirm Form Resubmission", no second email.
    await page.goBack();
    await page.getByRole("heading", { name: "Forgot your password?" }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const code = await readCodeFromMail(suite.worker.url, email);
    expect(await countMail(suite.worker.url, email)).toBe(1);

    const codeField = page.getByLabel("Code from the email");
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
    await codeField.fill(otherCode(code));
    expect((await submit(page, "Continue")).status()).toBe(303);
    expect(page.url()).toBe(`${suite.worker.url}/forgot-password/check-email`);
    await page.getByRole("alert").getByRole("link", { name: "Code from the email" }).waitFor();
    await page.getByText("That code did not work for this address.").waitFor();
    await visit("check-email-code-wrong");

    if (javaScriptEnabled) {
      await codeField.fill("");
      await codeField.pressSequentially(code.replace("-", "").toLowerCase());
      expect(await codeField.inputValue()).toBe(code);
    } else {
      await codeField.fill(` ${code.replace("-", " ").toLowerCase()} `);
    }
    expect((await submit(page, "Continue")).status()).toBe(303);
    expect(page.url()).toBe(`${suite.worker.url}/reset-password`);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    expect((await submit(page, "Set new password")).status()).toBe(200);
    await page.getByRole("heading", { name: "Your password has been changed" }).waitFor();
    expect(await signInStatus(suite.worker.url, email, NEW_PASSWORD)).toBe(200);
    expect(await signInStatus(suite.worker.url, email, ORIGINAL_PASSWORD)).toBe(401);

    // Redeeming the code ended the emailed link.
    expect((await page.goto(await readLinkFromMail(suite.worker.url, email)))?.status()).toBe(410);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("on another device the page asks for the address too, and a code for an unknown address gets the same refusal", async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();

    await page.goto(`${suite.worker.url}/forgot-password`);
    await page.getByRole("link", { name: "I have a code" }).click();
    await page.getByRole("heading", { name: "Enter the code from the email" }).waitFor();
    await page.getByLabel("Email address").fill("nobody-at-all@example.com");
    await page.getByLabel("Code from the email").fill("7KQ2-M9XD");

    expect((await submit(page, "Continue")).status()).toBe(303);
    await page.getByText("That code did not work for this address.").waitFor();
    expect(await page.getByLabel("Email address").inputValue()).toBe("nobody-at-all@example.com");
    expect(await findAxeViolations(page)).toEqual([]);
    await takeScreenshots(page, "enter-code-another-device");
    await context.close();
  });

  it.each([
    ["on", true],
    ["off", false],
  ] as const)("going Back after a wrong code and then the right one sends no form again, JavaScript %s", async (label, javaScriptEnabled) => {
    const email = `code-back-${label}@example.com`;
    await createAccount(suite.worker.url, email);
    const context = await suite.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${suite.worker.url}/forgot-password`);
    await page.getByLabel("Email address").fill(email);
    await submit(page, "Send reset link");
    const code = await readCodeFromMail(suite.worker.url, email);
    await page.getByLabel("Code from the email").fill(otherCode(code));
    await submit(page, "Continue");
    await page.getByText("That code did not work for this address.").waitFor();
    await page.getByLabel("Code from the email").fill(code);
    await submit(page, "Continue");
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    const postsBeforeBack = posts.length;

    // Each step back is a plain GET of the code page: no "Confirm Form Resubmission" (which
    // Chromium reports as net::ERR_CACHE_MISS), and no code sent again behind the person's back.
    for (const step of ["after the wrong code", "after asking for the link"]) {
      const back = await page.goBack();
      expect(back?.status(), step).toBe(200);
      expect(back?.request().method(), step).toBe("GET");
      expect(page.url(), step).toBe(`${suite.worker.url}/forgot-password/check-email`);
      // The code is spent, so the page is the plain code entry again, with nothing refused on it.
      await page.getByLabel("Code from the email").waitFor();
      expect(await page.getByText("That code did not work").count(), step).toBe(0);
    }
    expect(posts.slice(postsBeforeBack)).toEqual([]);
    await context.close();
  });

  it("the error summary's link moves focus to the code field, its label and sentence in view on a phone", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 500 } });
    const page = await context.newPage();
    await page.goto(`${suite.worker.url}/forgot-password/check-email`);
    await page.getByLabel("Email address").fill("summary-link@example.com");
    await page.getByLabel("Code from the email").fill("7KQ2");
    expect((await submit(page, "Continue")).status()).toBe(422);
    await page.locator("#email").focus();

    await page.getByRole("alert").getByRole("link", { name: "Code from the email" }).click();

    await expect.poll(() => readFocusedId(page)).toBe("code");
    for (const shown of [page.locator('label[for="code"]'), page.locator("#code-error")]) {
      const box = (await shown.boundingBox()) ?? { y: -1, height: 0 };
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(500);
    }
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("serves the code formatting script as a static asset the CSP allows", async () => {
    const response = await fetch(`${suite.worker.url}/reset-code-input.js`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
  });
});
