import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PSEUDO_LOCALE } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { PASSWORD_MAX_LENGTH } from "../../../shared/password-policy.ts";
import { RESET_CODE_EXAMPLE } from "../../../shared/reset-code.ts";
import { APP_NAME } from "../../../desktop/src/app-name.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { readDeepLinkFromUrl } from "../../../desktop/src/main/protocol.ts";
import { createSessionStore } from "../../../desktop/src/main/session-store.ts";
import { keyring } from "../../desktop/support/stand-in-keyring.ts";
import {
  countMail,
  createAccount,
  describeFocus,
  findAxeViolations,
  findPlainAsciiWords,
  measureHeadingInCard,
  type OpenAppOptions,
  readDeepLinkFromMail,
  readMailWithSubject,
  saveScreenshot,
  type TestBridge,
  useRendererSuite,
} from "./renderer-fixtures.ts";
import { readFieldErrors } from "../../support/field-errors.ts";

const ORIGINAL_PASSWORD = "an original passphrase 1";
const NEW_PASSWORD = "a lighthouse keeper's lantern";
// Longer than the shared default (12), so the Reset screen can only know it from the Worker.
const SERVER_MIN_LENGTH = 16;
const { t } = translatorFor("en");

describe("the desktop renderer in Chromium, against wrangler dev", () => {
  const suite = useRendererSuite({ vars: { PASSWORD_MIN_LENGTH: String(SERVER_MIN_LENGTH) } });
  let page: Page;
  let bridge: TestBridge;

  /** Opens the app, its timers on Playwright's clock; `locale` is the language main speaks. */
  async function openApp(options: Omit<OpenAppOptions, "fakeClock"> = {}): Promise<Page> {
    ({ page, bridge } = await suite.openApp({ ...options, fakeClock: true }));
    return page;
  }

  /** Plays the operating system: the link goes through main's parser and inbox, as in the app. */
  function openDeepLink(raw: string, { atLaunch = false } = {}): void {
    const link = readDeepLinkFromUrl(raw, "resetkit");
    if (!link) throw new Error("the link from the email did not parse");
    bridge.inbox.deliver({ link, atLaunch });
  }

  /** The language and direction the page declares on <html>. */
  const readDocumentLanguage = () => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

  /** Right to left for real: the heading's words sit against the card's right edge, far from its left. */
  async function expectMirrored(): Promise<void> {
    const { fromLeft, fromRight } = await measureHeadingInCard(page);
    expect(Math.abs(fromRight)).toBeLessThanOrEqual(2);
    expect(fromLeft).toBeGreaterThan(40);
  }

  /** Checks the screen with axe and saves its screenshot. */
  async function visit(name: string): Promise<void> {
    expect(await findAxeViolations(page), `axe on ${name}`).toEqual([]);
    await saveScreenshot(page, name);
  }

  const heading = (name: string) => page.getByRole("heading", { name });
  const alertText = () => page.getByRole("alert").innerText();
  const newEmail = () => `desktop-${randomBytes(4).toString("hex")}@example.com`;

  /** Signs in as another device would, straight over the API, and returns its session token. */
  async function signInOverApi(email: string, password: string): Promise<string> {
    const response = await fetch(`${suite.worker.url}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  it("takes a desktop user from 'Forgot password?' through the emailed deep link to signed in", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await visit("sign-in");

    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await heading(t("forgotPassword.title")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("forgotPassword.title")}`);
    await visit("forgot-password");

    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByRole("button", { name: t("forgotPassword.submit") }).click();
    await heading(t("checkEmail.title")).waitFor();
    expect(await page.getByRole("main").innerText()).toContain(email);
    const resend = page.getByRole("button", { name: new RegExp(`^${t("app.checkEmail.resendIn", { seconds: 999 }).replace("999", "\\d+")}$`) });
    expect(await resend.isDisabled()).toBe(true);
    await visit("check-email");

    // The link arrives while the app waits on "Check your email": it asks first, naming the account.
    const deepLink = await readDeepLinkFromMail(suite.worker.url, email);
    openDeepLink(deepLink);
    const question = t("app.deepLink.openResetFor", { email: maskEmail(email).replace("***", "•••") });
    await page.getByRole("alertdialog", { name: question }).waitFor();
    expect(await describeFocus(page)).toBe(`BUTTON ${t("app.deepLink.cancel")}`);
    await visit("deep-link-prompt");
    await page.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await heading(t("resetPassword.title")).waitFor();
    expect(await page.locator(".masked-email").innerText()).toBe(maskEmail(email));
    await visit("reset-password");

    const passwordField = page.getByLabel(t("resetPassword.passwordLabel"), { exact: true });
    await passwordField.fill("password");
    const feedback = page.locator(".live-feedback");
    expect(await feedback.innerText()).toContain(t("passwordPolicy.tooShort", { min: SERVER_MIN_LENGTH }));
    expect(await feedback.innerText()).toContain(t("passwordPolicy.common"));
    await visit("reset-password-weak");

    // Long enough by the shared default, but not by the Worker's setting.
    await passwordField.fill("violet tiger");
    expect(await feedback.innerText()).toBe(t("passwordPolicy.tooShort", { min: SERVER_MIN_LENGTH }));
    expect(await page.locator(".hint").innerText()).toBe(t("passwordPolicy.hint", { min: SERVER_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }));

    // Long enough, but on the common list: refused live, before anything is sent.
    await passwordField.fill("1qaz2wsx3edc4rfv");
    expect(await feedback.innerText()).toBe(t("passwordPolicy.common"));
    await page.getByRole("button", { name: t("resetPassword.submit") }).click();
    // The same words as the web form: the rule it breaks next to the field, the field linked from the summary.
    await page.getByRole("alert").getByText(t("formError.summaryTitle", { count: 2 })).waitFor();
    expect(await readFieldErrors(page)).toEqual([
      [t("resetPassword.passwordLabel"), t("passwordPolicy.common")],
      [t("resetPassword.confirmationLabel"), t("resetPassword.missingConfirmation")],
    ]);
    expect(await describeFocus(page)).toBe("INPUT");
    expect(bridge.invokedChannels).not.toContain("resetkit:confirm-reset");

    await passwordField.fill(NEW_PASSWORD);
    expect(await feedback.innerText()).toBe(t("passwordPolicy.accepted"));
    await page.getByLabel(t("resetPassword.confirmationLabel")).fill(`${NEW_PASSWORD}!`);
    expect(await page.locator("p.error").getByText(t("resetPassword.mismatch")).isVisible()).toBe(true);
    await page.getByLabel(t("resetPassword.confirmationLabel")).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: t("resetPassword.submit") }).click();
    await heading(t("resetOutcome.changedTitle")).waitFor();
    await visit("reset-success");

    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await heading(t("signIn.title")).waitFor();
    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByLabel(t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await page.getByText(t("signIn.invalidCredentials")).waitFor();
    await visit("sign-in-refused");

    await page.getByLabel(t("signIn.passwordLabel")).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await heading(t("app.signedIn.title")).waitFor();
    expect(await page.locator(".account-email").innerText()).toBe(email);
    await visit("signed-in");

    // The session is held by main, so reloading the page (Ctrl+R in the app) keeps you signed in.
    await page.reload();
    await heading(t("app.signedIn.title")).waitFor();
    expect(await page.locator(".account-email").innerText()).toBe(email);

    await page.getByRole("button", { name: t("account.signOut"), exact: true }).click();
    await heading(t("signIn.title")).waitFor();
    expect(await page.getByRole("status").innerText()).toBe(t("signIn.signedOut"));

    // The link was spent by the reset: opening it again lands on the invalid-link screen.
    openDeepLink(deepLink);
    await heading(t("resetOutcome.invalidTitle")).waitFor();
  });

  it("keeps a sign-in across launches when asked, changes the password and signs out of every device", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    const otherDevice = await signInOverApi(email, ORIGINAL_PASSWORD);
    const directory = await mkdtemp(join(tmpdir(), "resetkit-renderer-"));
    const secrets = keyring();
    try {
      await openApp({ sessions: createSessionStore({ directory, secrets }) });
      await page.getByLabel(t("signIn.emailLabel")).fill(email);
      await page.getByLabel(t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
      await page.getByLabel(t("app.signIn.keepSignedIn")).check();
      await page.getByRole("button", { name: t("signIn.submit") }).click();
      await heading(t("app.signedIn.title")).waitFor();
      await page.context().close();

      // Relaunched: main restores the kept session, so the app opens signed in.
      await openApp({ sessions: createSessionStore({ directory, secrets }), firstScreen: t("app.signedIn.title") });
      expect(await page.locator(".account-email").innerText()).toBe(email);

      await page.getByRole("button", { name: t("account.changeTitle") }).click();
      await heading(t("account.changeTitle")).waitFor();
      expect(await describeFocus(page)).toBe(`H1 ${t("account.changeTitle")}`);
      await page.getByRole("button", { name: t("account.submit") }).click();
      await page.getByText(t("account.missingCurrent")).first().waitFor();
      expect(await describeFocus(page)).toBe("INPUT");
      await visit("change-password-empty");

      await page.getByLabel(t("account.currentLabel")).fill("not my password at all");
      await page.getByLabel(t("account.newLabel"), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t("account.confirmLabel")).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: t("account.submit") }).click();
      await page.getByText(t("account.currentPasswordWrong")).first().waitFor();
      expect(await page.getByLabel(t("account.currentLabel")).inputValue()).toBe("");
      await visit("change-password-wrong-current");

      await page.getByLabel(t("account.currentLabel")).fill(ORIGINAL_PASSWORD);
      await page.getByRole("button", { name: t("account.submit") }).click();
      await heading(t("app.signedIn.title")).waitFor();
      expect(await page.getByRole("status").innerText()).toBe(t("account.changed"));
      await visit("password-changed");

      // The other device is out, the old password no longer signs in, and the owner was told.
      expect((await fetch(`${suite.worker.url}/api/v1/me`, { headers: { authorization: `Bearer ${otherDevice}` } })).status).toBe(401);
      expect(await signInOverApi(email, ORIGINAL_PASSWORD).catch((error: Error) => error.message)).toBe("sign-in answered 401");
      expect(await readMailWithSubject(suite.worker.url, email, t("passwordChangedEmail.subject", { appName: APP_NAME }))).toContain(email);
      // This session stayed: it still reads the account.
      await page.reload();
      await heading(t("app.signedIn.title")).waitFor();

      await page.getByRole("button", { name: t("account.signOutEverywhere") }).click();
      await heading(t("signIn.title")).waitFor();
      expect(await page.getByRole("status").innerText()).toBe(t("signIn.signedOutEverywhere"));
      await page.context().close();

      // Relaunched once more: nothing kept, Sign in as usual.
      await openApp({ sessions: createSessionStore({ directory, secrets }) });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("says a kept sign-in ended elsewhere, such as by a password change on another device", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    const directory = await mkdtemp(join(tmpdir(), "resetkit-renderer-"));
    const secrets = keyring();
    try {
      await openApp({ sessions: createSessionStore({ directory, secrets }) });
      await page.getByLabel(t("signIn.emailLabel")).fill(email);
      await page.getByLabel(t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
      await page.getByLabel(t("app.signIn.keepSignedIn")).check();
      await page.getByRole("button", { name: t("signIn.submit") }).click();
      await heading(t("app.signedIn.title")).waitFor();
      await page.context().close();

      const elsewhere = await signInOverApi(email, ORIGINAL_PASSWORD);
      const changed = await fetch(`${suite.worker.url}/api/v1/me/password`, {
        method: "POST",
        headers: { authorization: `Bearer ${elsewhere}`, "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: ORIGINAL_PASSWORD, newPassword: NEW_PASSWORD }),
      });
      expect(changed.status).toBe(204);

      await openApp({ sessions: createSessionStore({ directory, secrets }) });
      expect(await page.getByRole("status").innerText()).toBe(t("app.error.savedSessionEnded"));
      await visit("saved-sign-in-ended");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("says so when this computer cannot protect a kept sign-in", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByLabel(t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
    await page.getByLabel(t("app.signIn.keepSignedIn")).check();
    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await heading(t("app.signedIn.title")).waitFor();
    expect(await page.getByRole("status").innerText()).toBe(t("app.signIn.notKept"));
    await visit("signed-in-not-kept");
  });

  it("lets the person resend the email once the cooldown has run out", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByRole("button", { name: t("forgotPassword.submit") }).click();
    await heading(t("checkEmail.title")).waitFor();
    // The cooldown runs on the page's clock while the email is still on the mail queue, so the
    // countdown is checked before waiting for the email.
    expect(await page.getByRole("button", { name: t("app.checkEmail.resendIn", { seconds: 30 }) }).isDisabled()).toBe(true);

    await page.clock.fastForward(10_000);
    await page.getByRole("button", { name: t("app.checkEmail.resendIn", { seconds: 20 }) }).waitFor();
    await page.clock.fastForward(20_000);
    const resend = page.getByRole("button", { name: t("app.checkEmail.resend"), exact: true });
    await resend.waitFor();
    expect(await resend.isEnabled()).toBe(true);
    await resend.click();
    await page.getByText(t("app.checkEmail.sentAnother")).waitFor();
    await page.getByRole("button", { name: t("app.checkEmail.resendIn", { seconds: 30 }) }).waitFor();
    await readDeepLinkFromMail(suite.worker.url, email);
    await readDeepLinkFromMail(suite.worker.url, email, 1);
    expect(await countMail(suite.worker.url, email)).toBe(2);
  });

  it("offers to request a new link when the deep link's token is unknown", async () => {
    await openApp();
    openDeepLink(`resetkit://reset-password?token=${randomBytes(32).toString("base64url")}`);
    await heading(t("resetOutcome.invalidTitle")).waitFor();
    // A 410 will not change by asking again: well past React Query's retry delays, still one call.
    await page.clock.fastForward(10_000);
    expect(bridge.invokedChannels.filter((channel) => channel === "resetkit:verify-token")).toHaveLength(1);
    await visit("reset-link-invalid");
    await page.getByRole("button", { name: t("resetOutcome.askAgain") }).click();
    await heading(t("forgotPassword.title")).waitFor();
  });

  it("opens Sign in for the 'password changed' page's sign-in link, asking first when it arrives mid-flow", async () => {
    await openApp();
    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await heading(t("forgotPassword.title")).waitFor();
    openDeepLink("resetkit://sign-in");
    await page.getByRole("alertdialog", { name: t("app.deepLink.openSignIn") }).waitFor();
    await page.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await heading(t("signIn.title")).waitFor();
  });

  it("opens a link at once on Sign in, but asks first while signed in, and Cancel keeps the screen as it was", async () => {
    const email = newEmail();
    await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    // On Sign in, a link opens straight away.
    const unknownToken = randomBytes(32).toString("base64url");
    openDeepLink(`resetkit://reset-password?token=${unknownToken}`);
    await heading(t("resetOutcome.invalidTitle")).waitFor();
    await page.getByRole("button", { name: t("resetOutcome.askAgain") }).click();
    await page.getByRole("button", { name: t("app.backToSignIn") }).click();

    await page.getByLabel(t("signIn.emailLabel")).fill(email);
    await page.getByLabel(t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await heading(t("app.signedIn.title")).waitFor();

    // Someone else's reset link, pushed at the app by a web page: the question names their account.
    const attacker = newEmail();
    await createAccount(suite.worker.url, attacker, ORIGINAL_PASSWORD);
    await fetch(`${suite.worker.url}/api/v1/password-resets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: attacker, client: "desktop" }),
    });
    openDeepLink(await readDeepLinkFromMail(suite.worker.url, attacker));
    const dialog = page.getByRole("alertdialog", { name: t("app.deepLink.openResetFor", { email: maskEmail(attacker).replace("***", "•••") }) });
    await dialog.waitFor();
    expect(await page.locator(".card").getAttribute("inert")).not.toBeNull();
    await page.getByRole("button", { name: t("app.deepLink.cancel") }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await heading(t("app.signedIn.title")).isVisible()).toBe(true);
    expect(await page.locator(".account-email").innerText()).toBe(email);
  });

  it("passes on only well-formed links from main: the preload drops anything else", async () => {
    await openApp();
    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await heading(t("forgotPassword.title")).waitFor();
    const token = randomBytes(32).toString("base64url");
    for (const payload of [
      { link: { kind: "reset-password", token: token.slice(1) }, atLaunch: false },
      { link: { token }, atLaunch: false },
      { link: { kind: "open-settings", token }, atLaunch: false },
      { kind: "reset-password", token },
      { link: { kind: "reset-password", token } },
      `resetkit://reset-password?token=${token}`,
      null,
    ]) {
      await bridge.sendFromMain(IpcChannel.DeepLink, payload);
    }
    expect(await heading(t("forgotPassword.title")).isVisible()).toBe(true);
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    expect(bridge.invokedChannels).not.toContain(IpcChannel.VerifyToken);

    await bridge.sendFromMain(IpcChannel.DeepLink, { link: { kind: "reset-password", token, next: "https://evil.example" }, atLaunch: false });
    await page.getByRole("alertdialog", { name: t("app.deepLink.openReset") }).waitFor();
    await page.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await heading(t("resetOutcome.invalidTitle")).waitFor();
    expect(bridge.invokedChannels).toContain(IpcChannel.VerifyToken);
  });

  it("shows a rejected email address as a sentence next to the field", async () => {
    await openApp();
    await page.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await page.getByLabel(t("signIn.emailLabel")).fill("not-an-address");
    await page.getByRole("button", { name: t("forgotPassword.submit") }).click();
    await page.getByText(t("email.invalid")).waitFor();
    expect(await page.getByLabel(t("signIn.emailLabel")).getAttribute("aria-invalid")).toBe("true");
    await visit("forgot-password-invalid-email");
  });

  it("reads a wrong sign-in as one sentence in the alert region", async () => {
    await openApp();
    await page.getByLabel(t("signIn.emailLabel")).fill(newEmail());
    await page.getByLabel(t("signIn.passwordLabel")).fill("not the right password");
    await page.getByRole("button", { name: t("signIn.submit") }).click();
    await page.getByText(t("signIn.invalidCredentials")).waitFor();
    expect(await alertText()).toBe(t("signIn.invalidCredentials"));
  });

  it("can be driven from the keyboard alone", async () => {
    await openApp();
    // Focus starts on the heading; Tab walks the fields in reading order.
    expect(await describeFocus(page)).toBe(`H1 ${t("signIn.title")}`);
    await page.keyboard.press("Tab");
    await page.keyboard.type(newEmail());
    await page.keyboard.press("Tab");
    await page.keyboard.type("a password");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("keep-signed-in");
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toBe(`BUTTON ${t("signIn.submit")}`);
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toBe(`BUTTON ${t("signIn.forgotPassword")}`);
    await page.keyboard.press("Enter");
    await heading(t("forgotPassword.title")).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${t("forgotPassword.title")}`);
  });

  it("has no network access of its own: the page's CSP blocks fetch", async () => {
    // A no-cors fetch needs no CORS headers, so only a policy can stop it: the same probe from a
    // page without the renderer's CSP reaches the Worker.
    const probe = (url: string) =>
      fetch(`${url}/healthz`, { mode: "no-cors" }).then(
        () => "reached the Worker",
        () => "blocked",
      );
    const control = await suite.browser.newPage();
    expect(await control.evaluate(probe, suite.worker.url)).toBe("reached the Worker");
    await control.close();

    await openApp();
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
    await page.evaluate(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        void (window as unknown as { reportViolation(directive: string): Promise<void> }).reportViolation(event.effectiveDirective);
      });
    });
    expect(await page.evaluate(probe, suite.worker.url)).toBe("blocked");
    await expect.poll(() => violations).toEqual(["connect-src"]);
  });
  describe("in the language main speaks", () => {
    const de = translatorFor("de");
    const ar = translatorFor("ar");

    it("shows the screens in German, main's sentences too, and follows a new choice in the menu at once", async () => {
      await openApp({ locale: "de" });
      expect(await readDocumentLanguage()).toEqual({ lang: "de", dir: "ltr" });
      expect(await page.getByRole("button", { name: de.t("signIn.forgotPassword") }).isVisible()).toBe(true);
      await visit("de-sign-in");

      // Main worded the Worker's refusal, which the Worker was asked for in German.
      await page.getByLabel(de.t("signIn.emailLabel")).fill(newEmail());
      await page.getByLabel(de.t("signIn.passwordLabel")).fill("not the right password");
      await page.getByRole("button", { name: de.t("signIn.submit") }).click();
      await page.getByRole("alert").getByText(de.t("signIn.invalidCredentials")).waitFor();

      // Main's own check of the address, before anything reaches the Worker.
      await page.getByRole("button", { name: de.t("signIn.forgotPassword") }).click();
      await heading(de.t("forgotPassword.title")).waitFor();
      await page.getByLabel(de.t("forgotPassword.emailLabel")).fill("not-an-address");
      await page.getByRole("button", { name: de.t("forgotPassword.submit") }).click();
      await page.locator("p.error").getByText(de.t("email.invalid")).waitFor();
      await visit("de-forgot-password-invalid-email");

      // Arabic chosen in the Language menu: the same screen, mirrored, with what was typed kept.
      await bridge.chooseLocale("ar");
      await heading(ar.t("forgotPassword.title")).waitFor();
      expect(await readDocumentLanguage()).toEqual({ lang: "ar", dir: "rtl" });
      expect(await page.getByLabel(ar.t("forgotPassword.emailLabel")).inputValue()).toBe("not-an-address");
    });

    it("mirrors the screens for Arabic, from Sign in through a reset to signed in", async () => {
      const email = newEmail();
      await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
      await openApp({ locale: "ar" });
      expect(await readDocumentLanguage()).toEqual({ lang: "ar", dir: "rtl" });
      await expectMirrored();
      await visit("ar-sign-in");

      await page.getByRole("button", { name: ar.t("signIn.forgotPassword") }).click();
      await heading(ar.t("forgotPassword.title")).waitFor();
      await expectMirrored();
      // An address is typed left to right, whatever the language around it.
      expect(await page.getByLabel(ar.t("forgotPassword.emailLabel")).getAttribute("dir")).toBe("ltr");
      await visit("ar-forgot-password");

      await page.getByLabel(ar.t("forgotPassword.emailLabel")).fill(email);
      await page.getByRole("button", { name: ar.t("forgotPassword.submit") }).click();
      await heading(ar.t("checkEmail.title")).waitFor();
      await expectMirrored();
      expect(await page.locator('bdi[dir="ltr"]').filter({ hasText: email }).count()).toBe(1);
      expect(await page.getByLabel(ar.t("resetCode.label"), { exact: true }).getAttribute("dir")).toBe("ltr");
      await visit("ar-check-email");

      openDeepLink(await readDeepLinkFromMail(suite.worker.url, email), { atLaunch: true });
      await heading(ar.t("resetPassword.title")).waitFor();
      await expectMirrored();
      expect(await page.locator(".masked-email").innerText()).toBe(maskEmail(email));
      await visit("ar-reset-password");

      await page.getByLabel(ar.t("resetPassword.passwordLabel"), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(ar.t("resetPassword.confirmationLabel"), { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: ar.t("resetPassword.submit") }).click();
      await heading(ar.t("resetOutcome.changedTitle")).waitFor();
      await page.getByRole("button", { name: ar.t("resetOutcome.signIn") }).click();
      await page.getByLabel(ar.t("signIn.emailLabel")).fill(email);
      await page.getByLabel(ar.t("signIn.passwordLabel")).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: ar.t("signIn.submit") }).click();
      await heading(ar.t("app.signedIn.title")).waitFor();
      await expectMirrored();
      expect(await page.locator(".account-email").innerText()).toBe(email);
      await visit("ar-signed-in");
    });

    it("leaves no plain English word on the main screens in the pseudo-locale", async () => {
      const xa = translatorFor(PSEUDO_LOCALE);
      const email = newEmail();
      await createAccount(suite.worker.url, email, ORIGINAL_PASSWORD);
      await openApp({ locale: PSEUDO_LOCALE });
      // What stays as it is in every language: the app's name, the address and the example code.
      const expectNoPlainWords = async (screen: string) =>
        expect(await findPlainAsciiWords(page, [APP_NAME, email, RESET_CODE_EXAMPLE]), screen).toEqual([]);
      expect(await readDocumentLanguage()).toEqual({ lang: PSEUDO_LOCALE, dir: "ltr" });
      await expectNoPlainWords("sign-in");
      await saveScreenshot(page, "en-XA-sign-in");

      await page.getByRole("button", { name: xa.t("signIn.forgotPassword") }).click();
      await heading(xa.t("forgotPassword.title")).waitFor();
      await expectNoPlainWords("forgot-password");
      await page.getByRole("button", { name: xa.t("app.forgotPassword.haveCode") }).click();
      await heading(xa.t("resetCode.enterTitle")).waitFor();
      await expectNoPlainWords("enter-code");
      await page.getByRole("button", { name: xa.t("app.forgotPassword.sendEmailInstead") }).click();
      await page.getByLabel(xa.t("forgotPassword.emailLabel")).fill(email);
      await page.getByRole("button", { name: xa.t("forgotPassword.submit") }).click();
      await heading(xa.t("checkEmail.title")).waitFor();
      await expectNoPlainWords("check-email");
      await saveScreenshot(page, "en-XA-check-email");

      await page.getByRole("button", { name: xa.t("app.backToSignIn") }).click();
      await page.getByRole("button", { name: xa.t("signIn.createAccount") }).click();
      await heading(xa.t("signUp.title")).waitFor();
      await expectNoPlainWords("sign-up");
      await page.getByRole("button", { name: xa.t("signUp.signIn") }).click();

      await page.getByLabel(xa.t("signIn.emailLabel")).fill(email);
      await page.getByLabel(xa.t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
      await page.getByRole("button", { name: xa.t("signIn.submit") }).click();
      await heading(xa.t("app.signedIn.title")).waitFor();
      await expectNoPlainWords("signed-in");
      await page.getByRole("button", { name: xa.t("account.changeTitle") }).click();
      await heading(xa.t("account.changeTitle")).waitFor();
      await expectNoPlainWords("change-password");
    });
  });
});
