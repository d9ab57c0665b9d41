/**
 * The sign-up and verify-email pages in real Chromium against `wrangler dev`, with the
 * confirmation email sent through the MailChannels transport to a local stand-in for its API: a
 * person signs up, opens the link from the email that reached "MailChannels", confirms with the
 * password, and can then sign in. axe and the CSP are checked on every page, with screenshots.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/chromium.ts";
import { startMailChannelsStandIn, type MailChannelsStandIn } from "../../support/mailchannels-stand-in.ts";
import { startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";
import { findAxeViolations, NEW_PASSWORD, ORIGINAL_PASSWORD, readFocusedId, signInStatus, submit, takeScreenshots, watchCspViolations } from "./web-e2e-fixtures.ts";
import { readFieldErrors } from "../../support/field-errors.ts";

interface MailChannelsBody {
  personalizations: Array<{ to: Array<{ email: string }> }>;
  content: Array<{ type: string; value: string }>;
}

/**
 * Waits for the email to `email` that MailChannels was asked to send and returns its
 * confirmation link, pointed at this Worker (links start with PUBLIC_BASE_URL, port 8787).
 */
async function readConfirmationLink(standIn: MailChannelsStandIn, worker: RunningWorker, email: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const request of standIn.requests) {
      const body = request.body as MailChannelsBody;
      if (body.personalizations[0]?.to[0]?.email.toLowerCase() !== email) continue;
      const text = body.content.find((part) => part.type === "text/plain")?.value ?? "";
      const path = /\/verify-email\?token=[\w-]{43}/.exec(text)?.[0];
      if (path) return `${worker.url}${path}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no confirmation email to ${email} reached the MailChannels stand-in`);
}

describe("the sign-up pages in Chromium", () => {
  let standIn: MailChannelsStandIn;
  let worker: RunningWorker;
  let browser: Browser;

  beforeAll(async () => {
    standIn = await startMailChannelsStandIn();
    [worker, browser] = await Promise.all([
      startWorker({
        vars: {
          MAIL_TRANSPORT: "mailchannels",
          MAILCHANNELS_API_URL: standIn.url,
          MAILCHANNELS_API_KEY: "mc-e2e-sign-up-key",
          MAIL_RETRY_DELAYS_SECONDS: "1",
        },
      }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await standIn?.close();
  });


  it("a person signs up, confirms the address from the email with their password and can sign in, with no CSP or axe violations", async () => {
    const email = "web-sign-up@example.com";
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspViolations = await watchCspViolations(page);
    const axeViolations: string[] = [];
    const visit = async (name: string) => {
      axeViolations.push(...(await findAxeViolations(page)).map((violation) => `${name}: ${violation}`));
      await takeScreenshots(page, name);
    };

    await page.goto(`${worker.url}/forgot-password`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "Create your account" }).waitFor();
    expect(page.url()).toBe(`${worker.url}/sign-up`);
    await expect.poll(() => readFocusedId(page)).toBe("email");
    await visit("sign-up");

    await page.getByLabel("Email address").fill(email);
    // The live feedback knows the address typed above.
    await page.getByLabel("Password", { exact: true }).fill(email);
    await page.locator("#password-feedback").getByText("Don't use your email address as your password.").waitFor();
    await page.getByLabel("Password", { exact: true }).fill(ORIGINAL_PASSWORD);
    await page.getByLabel("Confirm password").fill(`${ORIGINAL_PASSWORD}!`);
    await page.locator("#confirm_password-feedback").getByText("The two passwords don't match.").waitFor();
    await takeScreenshots(page, "sign-up-live-feedback");
    expect((await submit(page, "Create account")).status()).toBe(422);
    expect(await readFieldErrors(page)).toEqual([["Confirm password", "The two passwords don't match."]]);
    await expect.poll(() => readFocusedId(page)).toBe("confirm_password");
    await visit("sign-up-mismatch");

    await page.getByLabel("Password", { exact: true }).fill(ORIGINAL_PASSWORD);
    await page.getByLabel("Confirm password").fill(ORIGINAL_PASSWORD);
    expect((await submit(page, "Create account")).status()).toBe(303);
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await page.getByText(`If ${email} can be used for a new account`).waitFor();
    expect(page.url()).toBe(`${worker.url}/sign-up/check-email`);
    await visit("sign-up-check-email");

    const link = await readConfirmationLink(standIn, worker, email);
    // Until it is confirmed the sign-up is no account: the 401 any unknown address gets.
    expect(await signInStatus(worker.url, email, ORIGINAL_PASSWORD)).toBe(401);
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    // The token moved into a cookie: neither the address bar nor the history entry holds it.
    expect(page.url()).toBe(`${worker.url}/verify-email`);
    await page.getByRole("heading", { name: "Confirm your email address" }).waitFor();
    await page.getByText("w***@example.com").waitFor();
    await visit("verify-email");

    await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    expect((await submit(page, "Confirm email address")).status()).toBe(400);
    const [[label, sentence] = []] = await readFieldErrors(page);
    expect(label).toBe("Password");
    expect(sentence).toContain("That is not the password chosen when this address was signed up.");
    await visit("verify-email-wrong-password");

    await page.getByLabel("Password", { exact: true }).fill(ORIGINAL_PASSWORD);
    expect((await submit(page, "Confirm email address")).status()).toBe(200);
    await page.getByRole("heading", { name: "Your email address is confirmed" }).waitFor();
    await visit("email-confirmed");

    expect(await signInStatus(worker.url, email, ORIGINAL_PASSWORD)).toBe(200);

    // The used link now says the address is confirmed, and leads to the password reset, not to signing up again.
    const reused = await page.goto(link);
    expect(reused?.status()).toBe(410);
    await page.getByRole("heading", { name: "This address is already confirmed" }).waitFor();
    await page.getByRole("link", { name: "Forgot your password?" }).waitFor();
    expect(await page.getByRole("link", { name: "Sign up again" }).count()).toBe(0);
    await visit("verify-email-used");

    expect(cspViolations).toEqual([]);
    expect(axeViolations).toEqual([]);
    await context.close();
  });
});
