/**
 * The desktop renderer's code entry in Chromium against `wrangler dev`, through the same test
 * bridge as renderer-flow.test.ts: the "Check your email" screen takes the emailed code, formats
 * it as typed or pasted, and a right code opens the same Reset screen a deep link opens. Wrong
 * codes and a spent guess budget get plain messages that never say whether an account exists.
 * The Worker allows 10 code attempts per network in 15 minutes; these tests make 9.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { maskEmail } from "../../../shared/email-address.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { RESET_CODE_EXAMPLE, RESET_CODE_GUESS_BUDGET } from "../../../shared/reset-code.ts";
import {
  createAccount,
  findAxeViolations,
  saveScreenshot,
  type TestBridge,
  useRendererSuite,
} from "./renderer-fixtures.ts";
import { otherCode, readCodeFromMail } from "../../support/dev-mailbox.ts";
import { readFieldErrors } from "../../support/field-errors.ts";

const ORIGINAL_PASSWORD = "an original passphrase 1";
const NEW_PASSWORD = "a lighthouse keeper's lantern";
const REDEEM_CHANNEL = "resetkit:redeem-reset-code";
const { t } = translatorFor("en");

describe("the desktop code entry in Chromium, against wrangler dev", () => {
  const suite = useRendererSuite();
  let page: Page;
  let bridge: TestBridge;

  async function openApp(): Promise<Page> {
    ({ page, bridge } = await suite.openApp());
    return page;
  }

  /** From sign-in to "Check your email" for `email`. */
  async function askForEmail(email: string): Promise<void> {
    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByRole("button", { name: t("forgotPassword.submit") }).click();
    await heading(t("checkEmail.title")).waitFor();
  }

  const heading = (name: string) => page.getByRole("heading", { name });
  const codeField = () => page.getByLabel(t("resetCode.label"), { exact: true });
  const continueWithCode = () => page.getByRole("button", { name: t("resetCode.submit") }).click();
  const newEmail = () => `desktop-code-${randomBytes(4).toString("hex")}@example.com`;
  const redeemCalls = () => bridge.invokedChannels.filter((channel) => channel === REDEEM_CHANNEL).length;

  it("takes the emailed code from 'Check your email' to the Reset screen and a new password", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await askForEmail(email);
    expect(await codeField().getAttribute("autocomplete")).toBe("one-time-code");
    expect(await findAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "check-email-code");
    const code = await readCodeFromMail(suite.worker.url, email);

    // Formatted while typed: lower case, no hyphen in, XXXX-XXXX out.
    await codeField().pressSequentially(code.replace("-", "").toLowerCase().slice(0, 6));
    expect(await codeField().inputValue()).toBe(code.slice(0, 7));
    // Something too short is caught before anything is sent.
    await codeField().fill("7KQ2");
    await continueWithCode();
    expect(await readFieldErrors(page)).toEqual([[t("resetCode.label"), t("resetCode.shape", { example: RESET_CODE_EXAMPLE })]]);
    expect(redeemCalls()).toBe(0);

    await codeField().fill(otherCode(code));
    await continueWithCode();
    await page.getByRole("alert").getByText(t("resetCode.refused", { budget: RESET_CODE_GUESS_BUDGET })).waitFor();
    await saveScreenshot(page, "check-email-code-wrong");

    // Pasting the whole code at once, as it is in the email with stray spaces, works too.
    await codeField().fill(`  ${code.toLowerCase()} `);
    expect(await codeField().inputValue()).toBe(code);
    await continueWithCode();
    await heading(t("resetPassword.title")).waitFor();
    expect(await page.locator(".masked-email").innerText()).toBe(maskEmail(email));

    await page.getByLabel(t("resetPassword.passwordLabel"), { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(t("resetPassword.confirmationLabel")).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: t("resetPassword.submit") }).click();
    await heading(t("resetOutcome.changedTitle")).waitFor();
    expect(redeemCalls()).toBe(2);
  });

  it("says plainly when 5 wrong codes have used up the code, and then refuses even the right one", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await askForEmail(email);
    const code = await readCodeFromMail(suite.worker.url, email);

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await codeField().fill(otherCode(code));
      await continueWithCode();
      await expect.poll(redeemCalls).toBe(attempt);
    }
    await page.getByRole("alert").getByText(t("resetCode.refusedLast", { budget: RESET_CODE_GUESS_BUDGET })).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "check-email-code-spent");

    await codeField().fill(code);
    await continueWithCode();
    await expect.poll(redeemCalls).toBe(6);
    await page.getByRole("alert").getByText(t("resetCode.refusedLast", { budget: RESET_CODE_GUESS_BUDGET })).waitFor();
    expect(await heading(t("checkEmail.title")).isVisible()).toBe(true);
  });

  it("takes a code with its address from 'I have a code', and refuses an unknown address just like a wrong code", async () => {
    await openApp();
    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await page.getByRole("button", { name: t("app.forgotPassword.haveCode") }).click();
    await heading(t("resetCode.enterTitle")).waitFor();

    await page.getByLabel(t("signIn.emailLabel")).fill(newEmail());
    await codeField().fill("7KQ2-M9XD");
    await continueWithCode();

    await page.getByRole("alert").getByText(t("resetCode.refused", { budget: RESET_CODE_GUESS_BUDGET })).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "enter-code");
  });
});
