/**
 * Signing in on the web, `/account` and signing out, in real Chromium against `wrangler dev`: a
 * person signs in, changes the password, and every other session ends; the old password stops
 * working and the owner is told by email. With JavaScript and without, with axe, the CSP and
 * screenshots at phone and desktop widths.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PagePath } from "../../../shared/contract.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { useWorkerAndBrowser } from "../../support/browser-page.ts";
import {
  createAccount,
  findAxeViolations,
  NEW_PASSWORD,
  ORIGINAL_PASSWORD,
  signInStatus,
  takeScreenshots,
  watchCspViolations,
} from "./web-e2e-fixtures.ts";
import { readMailbox } from "../../support/dev-mailbox.ts";
import { readFieldErrors } from "../../support/field-errors.ts";

const { t } = translatorFor("en");

describe("signing in and the account page in Chromium", () => {
  const suite = useWorkerAndBrowser();

  const newEmail = () => `web-account-${randomBytes(4).toString("hex")}@example.com`;

  /** Signs in as another device would, over the API, and returns its session token. */
  async function signInElsewhere(email: string, password: string): Promise<string> {
    const response = await fetch(`${suite.worker.url}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  async function sessionStatus(token: string): Promise<number> {
    const response = await fetch(`${suite.worker.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    return response.status;
  }

  async function signInOnPage(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByLabel(t("signIn.passwordLabel"), { exact: true }).fill(password);
    await Promise.all([page.waitForURL(/\/(account|sign-in)$/), page.getByRole("button", { name: t("signIn.submit") }).click()]);
  }

  const readMailSubjects = async (email: string) => (await readMailbox(suite.worker.url, email)).map((message) => message.subject);

  it("a person signs in, changes the password on /account and every other session ends, with no CSP or axe violations", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email);
    const otherDevice = await signInElsewhere(email, ORIGINAL_PASSWORD);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const cspViolations = await watchCspViolations(page);
    const axeViolations: string[] = [];
    const visit = async (name: string) => {
      axeViolations.push(...(await findAxeViolations(page)).map((violation) => `${name}: ${violation}`));
      await takeScreenshots(page, name);
    };

    // Without a session, /account leads to /sign-in.
    await page.goto(`${suite.worker.url}${PagePath.account}`);
    expect(new URL(page.url()).pathname).toBe(PagePath.signIn);
    await visit("sign-in");

    await signInOnPage(page, email, "not the password at all");
    expect(new URL(page.url()).pathname).toBe(PagePath.signIn);
    expect(await page.getByRole("alert").innerText()).toContain(t("signIn.invalidCredentials"));
    await visit("sign-in-refused");

    await signInOnPage(page, email, ORIGINAL_PASSWORD);
    expect(new URL(page.url()).pathname).toBe(PagePath.account);
    expect(await page.locator(".account-email").innerText()).toBe(email);
    const [session] = (await context.cookies()).filter((cookie) => cookie.name.endsWith("session"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(session?.expires).toBeGreaterThan(Date.now() / 1000);
    await visit("account");

    // A wrong current password is said next to that field, and the session stays.
    await page.getByLabel(t("account.currentLabel")).fill("not the password at all");
    await page.getByLabel(t("account.newLabel"), { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(t("account.confirmLabel")).fill(NEW_PASSWORD);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: t("account.submit") }).click()]);
    await page.locator(".field .error", { hasText: t("account.currentPasswordWrong") }).waitFor();
    await visit("account-wrong-current");

    await page.getByLabel(t("account.currentLabel")).fill(ORIGINAL_PASSWORD);
    await page.getByLabel(t("account.newLabel"), { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(t("account.confirmLabel")).fill(NEW_PASSWORD);
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole("button", { name: t("account.submit") }).click()]);
    await page.getByText(t("account.changed")).waitFor();
    await visit("account-password-changed");

    expect(await sessionStatus(otherDevice)).toBe(401);
    expect(await signInStatus(suite.worker.url, email, ORIGINAL_PASSWORD)).toBe(401);
    await expect.poll(() => readMailSubjects(email), { timeout: 15_000 }).toContain("Your ResetKit password was changed");

    // This session stayed; signing out ends it and the page says so.
    await page.reload();
    expect(new URL(page.url()).pathname).toBe(PagePath.account);
    await Promise.all([page.waitForURL(/\/sign-in$/), page.getByRole("button", { name: t("account.signOut"), exact: true }).click()]);
    expect(await page.getByRole("status").innerText()).toBe(t("signIn.signedOut"));
    await visit("signed-out");
    await page.goto(`${suite.worker.url}${PagePath.account}`);
    expect(new URL(page.url()).pathname).toBe(PagePath.signIn);
    expect(await signInStatus(suite.worker.url, email, NEW_PASSWORD)).toBe(200);

    expect(cspViolations).toEqual([]);
    expect(axeViolations).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: sign in, a too-short new password, and signing out of every device", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email);
    const otherDevice = await signInElsewhere(email, ORIGINAL_PASSWORD);
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${suite.worker.url}${PagePath.signIn}`);
    await signInOnPage(page, email, ORIGINAL_PASSWORD);
    expect(new URL(page.url()).pathname).toBe(PagePath.account);

    await page.getByLabel(t("account.currentLabel")).fill(ORIGINAL_PASSWORD);
    await page.getByLabel(t("account.newLabel"), { exact: true }).fill("short");
    await page.getByLabel(t("account.confirmLabel")).fill("short");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: t("account.submit") }).click()]);
    const [[label, sentence] = []] = await readFieldErrors(page);
    expect(label).toBe(t("account.newLabel"));
    expect(sentence).toMatch(/at least \d+ characters/);
    expect(await signInStatus(suite.worker.url, email, ORIGINAL_PASSWORD)).toBe(200);

    await Promise.all([page.waitForURL(/\/sign-in$/), page.getByRole("button", { name: t("account.signOutEverywhere") }).click()]);
    expect(await page.getByRole("status").innerText()).toBe(t("signIn.signedOutEverywhere"));
    expect(await sessionStatus(otherDevice)).toBe(401);
    await page.goto(`${suite.worker.url}${PagePath.account}`);
    expect(new URL(page.url()).pathname).toBe(PagePath.signIn);
    await context.close();
  });
});
