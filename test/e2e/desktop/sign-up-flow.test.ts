/**
 * The desktop renderer's sign-up in Chromium against `wrangler dev`, through the same test bridge
 * as renderer-flow.test.ts: Sign in → "Create an account" → "Check your email" → the emailed
 * `resetkit://verify-email` link → the sign-up password confirms the address → Sign in. Signing
 * in before confirming, a wrong confirmation password and an unknown link each get their own
 * sentence; a taken address gets the same "Check your email" as a new one.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { PASSWORD_MAX_LENGTH } from "../../../shared/password-policy.ts";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { readDeepLinkFromUrl } from "../../../desktop/src/main/protocol.ts";
import {
  createAccount,
  describeFocus,
  findAxeViolations,
  readVerifyEmailLinkFromMail,
  saveScreenshot,
  type TestBridge,
  useRendererSuite,
} from "./renderer-fixtures.ts";
import { readFieldErrors } from "../../support/field-errors.ts";

const PASSWORD = "a lighthouse keeper's lantern";
const { t } = translatorFor("en");

describe("the desktop sign-up in Chromium, against wrangler dev", () => {
  const suite = useRendererSuite();
  let page: Page;
  let bridge: TestBridge;

  async function openApp(): Promise<Page> {
    ({ page, bridge } = await suite.openApp());
    return page;
  }

  /** Plays the operating system: the link goes through main's parser and inbox, as in the app. */
  function openDeepLink(raw: string): void {
    const link = readDeepLinkFromUrl(raw, "resetkit");
    if (!link) throw new Error(`the link ${raw} did not parse`);
    bridge.inbox.deliver({ link, atLaunch: false });
  }

  /** Checks the screen with axe and saves its screenshot. */
  async function visit(name: string): Promise<void> {
    expect(await findAxeViolations(page), `axe on ${name}`).toEqual([]);
    await saveScreenshot(page, name);
  }

  /** From Sign in to "Check your email", signing up `email` with `password`. */
  async function signUp(email: string, password: string): Promise<void> {
    await page.getByRole("button", { name: t("signIn.createAccount") }).click();
    await heading(t("signUp.title")).waitFor();
    await page.getByLabel(t("signUp.emailLabel")).fill(email);
    await passwordField().fill(password);
    await page.getByLabel(t("signUp.confirmationLabel")).fill(password);
    await page.getByRole("button", { name: t("signUp.submit") }).click();
    await heading(t("signUp.checkEmailTitle")).waitFor();
  }

  async function signIn(email: string, password: string): Promise<void> {
    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByLabel(t("signIn.passwordLabel")).fill(password);
    await page.getByRole("button", { name: t("signIn.submit") }).click();
  }

  const heading = (name: string) => page.getByRole("heading", { name });
  const passwordField = () => page.getByLabel(t("signUp.passwordLabel"), { exact: true });
  const newEmail = () => `desktop-sign-up-${randomBytes(4).toString("hex")}@example.com`;
  const calls = (channel: IpcChannel) => bridge.invokedChannels.filter((invoked) => invoked === channel).length;

  it("takes a new desktop user from 'Create an account' through the emailed confirmation link to signed in", async () => {
    const email = newEmail();
    await openApp();
    await page.getByRole("button", { name: t("signIn.createAccount") }).click();
    await heading(t("signUp.title")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("signUp.title")}`);
    expect(await page.locator(".hint").innerText()).toBe(t("passwordPolicy.hint", { min: 12, max: PASSWORD_MAX_LENGTH }));
    await visit("sign-up");

    // Live feedback from the shared policy, the typed address included.
    await page.getByLabel(t("signUp.emailLabel")).fill(email);
    const feedback = page.locator(".live-feedback");
    await passwordField().fill("password");
    expect(await feedback.innerText()).toContain(t("passwordPolicy.tooShort", { min: 12 }));
    expect(await feedback.innerText()).toContain(t("passwordPolicy.common"));
    await passwordField().fill(email);
    expect(await feedback.innerText()).toBe(t("passwordPolicy.matchesEmail"));
    await page.getByRole("button", { name: t("signUp.submit") }).click();
    await page.getByRole("alert").getByText(t("formError.summaryTitle", { count: 2 })).waitFor();
    expect(await readFieldErrors(page)).toEqual([
      [t("signUp.passwordLabel"), t("passwordPolicy.matchesEmail")],
      [t("signUp.confirmationLabel"), t("signUp.missingConfirmation")],
    ]);
    expect(await passwordField().getAttribute("aria-invalid")).toBe("true");
    expect(await describeFocus(page)).toBe("INPUT");
    await visit("sign-up-refused");

    await passwordField().fill(PASSWORD);
    expect(await feedback.innerText()).toBe(t("passwordPolicy.accepted"));
    await page.getByLabel(t("signUp.confirmationLabel")).fill(`${PASSWORD}!`);
    await page.getByRole("button", { name: t("signUp.submit") }).click();
    expect(await page.locator("p.error").getByText(t("resetPassword.mismatch")).isVisible()).toBe(true);
    // Everything so far was caught in the window: nothing reached main.
    expect(calls(IpcChannel.CreateAccount)).toBe(0);

    await page.getByLabel(t("signUp.confirmationLabel")).fill(PASSWORD);
    await page.getByRole("button", { name: t("signUp.submit") }).click();
    await heading(t("signUp.checkEmailTitle")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("signUp.checkEmailTitle")}`);
    expect(await page.getByRole("status").innerText()).toBe(t("signUp.checkEmailBody", { email }));
    await visit("sign-up-check-email");

    // Until the address is confirmed there is no account: signing in gets the one refusal every
    // wrong sign-in gets, whose sentence says what to do.
    const link = await readVerifyEmailLinkFromMail(suite.worker.url, email);
    await page.getByRole("button", { name: t("app.backToSignIn") }).click();
    await heading(t("signIn.title")).waitFor();
    await signIn(email, PASSWORD);
    await page.getByText(t("signIn.invalidCredentials")).waitFor();
    expect(await page.getByRole("alert").innerText()).toBe(t("signIn.invalidCredentials"));
    await visit("sign-in-unconfirmed");

    openDeepLink(link);
    await heading(t("verifyEmail.title")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("verifyEmail.title")}`);
    await visit("verify-email");

    const confirmPassword = page.getByLabel(t("verifyEmail.passwordLabel"), { exact: true });
    await confirmPassword.fill("not the password I chose");
    await page.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await page.locator("p.error").getByText(t("verifyEmail.wrongPassword")).waitFor();
    expect(await confirmPassword.getAttribute("aria-invalid")).toBe("true");
    // Said once, next to the field; the summary links to it.
    expect(await readFieldErrors(page)).toEqual([[t("verifyEmail.passwordLabel"), t("verifyEmail.wrongPassword")]]);
    expect(await page.getByText(t("verifyEmail.wrongPassword")).count()).toBe(1);
    expect(await page.getByText(t("signIn.invalidCredentials")).count()).toBe(0);
    expect(await describeFocus(page)).toBe("INPUT");
    await visit("verify-email-wrong-password");

    await confirmPassword.fill(PASSWORD);
    await page.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await heading(t("verifyEmail.verifiedTitle")).waitFor();
    expect(await page.getByRole("status").innerText()).toBe(t("verifyEmail.verifiedBody"));
    expect(await page.locator(".account-email").innerText()).toBe(email);
    await visit("email-verified");

    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await heading(t("signIn.title")).waitFor();
    expect(await page.getByLabel(t("signIn.emailLabel")).inputValue()).toBe(email);
    await page.getByLabel(t("signIn.passwordLabel")).fill(PASSWORD);
    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await heading(t("app.signedIn.title")).waitFor();
    expect(await page.locator(".account-email").innerText()).toBe(email);

    // The link was spent by the confirmation: opening it again, signed in, asks first, then says so.
    openDeepLink(link);
    await page.getByRole("alertdialog", { name: t("app.deepLink.openVerifyEmail") }).waitFor();
    await page.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await page.getByLabel(t("verifyEmail.passwordLabel"), { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await heading(t("verifyEmail.invalidTitle")).waitFor();
  });

  it("offers to sign up again when the confirmation link is unknown", async () => {
    await openApp();
    openDeepLink(`resetkit://verify-email?token=${randomBytes(32).toString("base64url")}`);
    await heading(t("verifyEmail.title")).waitFor();
    // An empty password is caught before anything is sent.
    await page.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await page.locator("p.error").getByText(t("verifyEmail.missingPassword")).waitFor();
    expect(calls(IpcChannel.VerifyEmail)).toBe(0);

    await page.getByLabel(t("verifyEmail.passwordLabel"), { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await heading(t("verifyEmail.invalidTitle")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("verifyEmail.invalidTitle")}`);
    expect(await page.getByText(t("verifyEmail.invalidBody")).isVisible()).toBe(true);
    expect(calls(IpcChannel.VerifyEmail)).toBe(1);
    await visit("verify-email-invalid");
    await page.getByRole("button", { name: t("verifyEmail.signUpAgain") }).click();
    await heading(t("signUp.title")).waitFor();
  });

  it("shows a taken address the same 'Check your email' as a new one", async () => {
    const taken = newEmail();
    await createAccount(suite.worker.url, taken, PASSWORD);
    await openApp();
    await signUp(taken, "a different, long passphrase");
    expect(await page.getByRole("status").innerText()).toBe(t("signUp.checkEmailBody", { email: taken }));
    // The existing account is untouched: its own password still signs in.
    await page.getByRole("button", { name: t("app.backToSignIn") }).click();
    await signIn(taken, PASSWORD);
    await heading(t("app.signedIn.title")).waitFor();
  });

  it("shows a rejected email address as a sentence next to the field", async () => {
    await openApp();
    await page.getByRole("button", { name: t("signIn.createAccount") }).click();
    await page.getByLabel(t("signUp.emailLabel")).fill("not-an-address");
    await passwordField().fill(PASSWORD);
    await page.getByLabel(t("signUp.confirmationLabel")).fill(PASSWORD);
    await page.getByRole("button", { name: t("signUp.submit") }).click();
    await page.locator("p.error").getByText(t("email.invalid")).waitFor();
    expect(await page.getByLabel(t("signUp.emailLabel")).getAttribute("aria-invalid")).toBe("true");
    expect(await describeFocus(page)).toBe("INPUT");
    await visit("sign-up-invalid-email");
  });

  it("reaches Create account from the keyboard alone", async () => {
    await openApp();
    expect(await describeFocus(page)).toBe(`H1 ${t("signIn.title")}`);
    // Email, password, "Keep me signed in", Sign in, "Forgot password?", then "Create an account".
    for (let presses = 0; presses < 6; presses++) await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toBe(`BUTTON ${t("signIn.createAccount")}`);
    await page.keyboard.press("Enter");
    await heading(t("signUp.title")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("signUp.title")}`);
    await page.keyboard.press("Tab");
    await page.keyboard.type(newEmail());
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await heading(t("signUp.checkEmailTitle")).waitFor();
  });
});
