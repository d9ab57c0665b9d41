import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AccountCopy, INVALID_CREDENTIALS_MESSAGE, SignInCopy } from "../../../shared/copy.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { readDeepLinkFromUrl } from "../../../desktop/src/main/protocol.ts";
import { createSessionStore, type SessionStore } from "../../../desktop/src/main/session-store.ts";
import { keyring } from "../../desktop/support/stand-in-keyring.ts";
import { launchChromium } from "../../support/chromium.ts";
import { startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";
import {
  buildRenderer,
  countMail,
  createAccount,
  describeFocus,
  findAxeViolations,
  installTestBridge,
  readDeepLinkFromMail,
  readMailWithSubject,
  RENDERER_DIR,
  saveScreenshot,
  serveStatic,
  type StaticServer,
  type TestBridge,
} from "./renderer-fixtures.ts";

const ORIGINAL_PASSWORD = "an original passphrase 1";
const NEW_PASSWORD = "a lighthouse keeper's lantern";
// Longer than the shared default (12), so the Reset screen can only know it from the Worker.
const SERVER_MIN_LENGTH = 16;

describe("the desktop renderer in Chromium, against wrangler dev", () => {
  let worker: RunningWorker;
  let browser: Browser;
  let renderer: StaticServer;
  let page: Page;
  let bridge: TestBridge;

  beforeAll(async () => {
    [worker, browser] = await Promise.all([
      startWorker({ vars: { PASSWORD_MIN_LENGTH: String(SERVER_MIN_LENGTH) } }),
      launchChromium(),
      buildRenderer(),
    ]);
    renderer = await serveStatic(RENDERER_DIR);
  });

  afterAll(async () => {
    await browser?.close();
    await renderer?.close();
    await worker?.stop();
  });

  afterEach(async () => {
    await page?.context().close();
  });

  /** Opens the app in a window-sized page with the test bridge in place of the preload. */
  async function openApp(options: { sessions?: SessionStore; firstScreen?: string } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 480, height: 720 } });
    page = await context.newPage();
    await page.clock.install();
    bridge = await installTestBridge(page, { apiBaseUrl: worker.url, rendererUrl: `${renderer.url}/index.html`, ...options });
    await page.goto(`${renderer.url}/index.html`);
    await page.getByRole("heading", { name: options.firstScreen ?? "Sign in" }).waitFor();
    return page;
  }

  /** Plays the operating system: the link goes through main's parser and inbox, as in the app. */
  function openDeepLink(raw: string): void {
    const link = readDeepLinkFromUrl(raw, "resetkit");
    if (!link) throw new Error("the link from the email did not parse");
    bridge.inbox.deliver({ link, atLaunch: false });
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
    const response = await fetch(`${worker.url}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  it("takes a desktop user from 'Forgot password?' through the emailed deep link to signed in", async () => {
    const email = newEmail();
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await visit("sign-in");

    await page.getByRole("button", { name: "Forgot password?" }).click();
    await heading("Forgot your password?").waitFor();
    expect(await describeFocus(page)).toBe("H1 Forgot your password?");
    await visit("forgot-password");

    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await heading("Check your email").waitFor();
    expect(await page.getByRole("main").innerText()).toContain(email);
    const resend = page.getByRole("button", { name: /^Resend email in \d+ s$/ });
    expect(await resend.isDisabled()).toBe(true);
    await visit("check-email");

    // The link arrives while the app waits on "Check your email": it asks first, naming the account.
    const deepLink = await readDeepLinkFromMail(worker.url, email);
    openDeepLink(deepLink);
    const question = `Open the password reset for ${maskEmail(email).replace("***", "•••")}?`;
    await page.getByRole("alertdialog", { name: question }).waitFor();
    expect(await describeFocus(page)).toBe("BUTTON Cancel");
    await visit("deep-link-prompt");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await heading("Choose a new password").waitFor();
    expect(await page.locator(".masked-email").innerText()).toBe(maskEmail(email));
    await visit("reset-password");

    const passwordField = page.getByLabel("New password", { exact: true });
    await passwordField.fill("password");
    const feedback = page.locator(".live-feedback");
    expect(await feedback.innerText()).toContain(`Use at least ${SERVER_MIN_LENGTH} characters.`);
    expect(await feedback.innerText()).toContain("This password is too common. Choose one that is harder to guess.");
    await visit("reset-password-weak");

    // Long enough by the shared default, but not by the Worker's setting.
    await passwordField.fill("violet tiger");
    expect(await feedback.innerText()).toBe(`Use at least ${SERVER_MIN_LENGTH} characters.`);
    expect(await page.locator(".hint").innerText()).toMatch(new RegExp(`^Use ${SERVER_MIN_LENGTH} to 128 characters\\.`));

    // Long enough, but on the common list: refused live, before anything is sent.
    await passwordField.fill("1qaz2wsx3edc4rfv");
    expect(await feedback.innerText()).toBe("This password is too common. Choose one that is harder to guess.");
    await page.getByRole("button", { name: "Set new password" }).click();
    // The same words as the web form: the rule it breaks, next to the field and in the summary.
    const summary = page.locator(".error-summary").filter({ hasText: "Please fix these first" });
    expect(await summary.locator("li").allInnerTexts()).toEqual([
      "This password is too common. Choose one that is harder to guess.",
      "Enter the new password a second time.",
    ]);
    expect(await page.locator("p.error").first().innerText()).toBe("This password is too common. Choose one that is harder to guess.");
    expect(await describeFocus(page)).toBe("INPUT");
    expect(bridge.invokedChannels).not.toContain("resetkit:confirm-reset");

    await passwordField.fill(NEW_PASSWORD);
    expect(await feedback.innerText()).toBe("This password meets the requirements.");
    await page.getByLabel("Confirm new password").fill(`${NEW_PASSWORD}!`);
    expect(await page.locator("p.error").getByText("The two passwords don't match.").isVisible()).toBe(true);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await heading("Your password has been changed").waitFor();
    await visit("reset-success");

    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("Sign in").waitFor();
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(ORIGINAL_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(INVALID_CREDENTIALS_MESSAGE).waitFor();
    await visit("sign-in-refused");

    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("You're signed in").waitFor();
    expect(await page.locator(".account-email").innerText()).toBe(email);
    await visit("signed-in");

    // The session is held by main, so reloading the page (Ctrl+R in the app) keeps you signed in.
    await page.reload();
    await heading("You're signed in").waitFor();
    expect(await page.locator(".account-email").innerText()).toBe(email);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await heading("Sign in").waitFor();
    expect(await page.getByRole("status").innerText()).toBe("You have signed out.");

    // The link was spent by the reset: opening it again lands on the invalid-link screen.
    openDeepLink(deepLink);
    await heading("This reset link is invalid or has expired").waitFor();
  });

  it("keeps a sign-in across launches when asked, changes the password and signs out of every device", async () => {
    const email = newEmail();
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    const otherDevice = await signInOverApi(email, ORIGINAL_PASSWORD);
    const directory = await mkdtemp(join(tmpdir(), "resetkit-renderer-"));
    const secrets = keyring();
    try {
      await openApp({ sessions: createSessionStore({ directory, secrets }) });
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(ORIGINAL_PASSWORD);
      await page.getByLabel(SignInCopy.keepSignedIn).check();
      await page.getByRole("button", { name: "Sign in" }).click();
      await heading("You're signed in").waitFor();
      await page.context().close();

      // Relaunched: main restores the kept session, so the app opens signed in.
      await openApp({ sessions: createSessionStore({ directory, secrets }), firstScreen: "You're signed in" });
      expect(await page.locator(".account-email").innerText()).toBe(email);

      await page.getByRole("button", { name: AccountCopy.changeTitle }).click();
      await heading(AccountCopy.changeTitle).waitFor();
      expect(await describeFocus(page)).toBe(`H1 ${AccountCopy.changeTitle}`);
      await page.getByRole("button", { name: AccountCopy.submit }).click();
      await page.getByText(AccountCopy.missingCurrent).first().waitFor();
      expect(await describeFocus(page)).toBe("INPUT");
      await visit("change-password-empty");

      await page.getByLabel(AccountCopy.currentLabel).fill("not my password at all");
      await page.getByLabel(AccountCopy.newLabel, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(AccountCopy.confirmLabel).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: AccountCopy.submit }).click();
      await page.getByText(AccountCopy.currentPasswordWrong).first().waitFor();
      expect(await page.getByLabel(AccountCopy.currentLabel).inputValue()).toBe("");
      await visit("change-password-wrong-current");

      await page.getByLabel(AccountCopy.currentLabel).fill(ORIGINAL_PASSWORD);
      await page.getByRole("button", { name: AccountCopy.submit }).click();
      await heading("You're signed in").waitFor();
      expect(await page.getByRole("status").innerText()).toBe(AccountCopy.changed);
      await visit("password-changed");

      // The other device is out, the old password no longer signs in, and the owner was told.
      expect((await fetch(`${worker.url}/api/v1/me`, { headers: { authorization: `Bearer ${otherDevice}` } })).status).toBe(401);
      expect(await signInOverApi(email, ORIGINAL_PASSWORD).catch((error: Error) => error.message)).toBe("sign-in answered 401");
      expect(await readMailWithSubject(worker.url, email, "Your ResetKit password was changed")).toContain(email);
      // This session stayed: it still reads the account.
      await page.reload();
      await heading("You're signed in").waitFor();

      await page.getByRole("button", { name: AccountCopy.signOutEverywhere }).click();
      await heading("Sign in").waitFor();
      expect(await page.getByRole("status").innerText()).toBe(SignInCopy.signedOutEverywhere);
      await page.context().close();

      // Relaunched once more: nothing kept, Sign in as usual.
      await openApp({ sessions: createSessionStore({ directory, secrets }) });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("says a kept sign-in ended elsewhere, such as by a password change on another device", async () => {
    const email = newEmail();
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    const directory = await mkdtemp(join(tmpdir(), "resetkit-renderer-"));
    const secrets = keyring();
    try {
      await openApp({ sessions: createSessionStore({ directory, secrets }) });
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(ORIGINAL_PASSWORD);
      await page.getByLabel(SignInCopy.keepSignedIn).check();
      await page.getByRole("button", { name: "Sign in" }).click();
      await heading("You're signed in").waitFor();
      await page.context().close();

      const elsewhere = await signInOverApi(email, ORIGINAL_PASSWORD);
      const changed = await fetch(`${worker.url}/api/v1/me/password`, {
        method: "POST",
        headers: { authorization: `Bearer ${elsewhere}`, "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: ORIGINAL_PASSWORD, newPassword: NEW_PASSWORD }),
      });
      expect(changed.status).toBe(204);

      await openApp({ sessions: createSessionStore({ directory, secrets }) });
      expect(await page.getByRole("status").innerText()).toBe("Your saved sign-in has ended, for example after a password change. Sign in again.");
      await visit("saved-sign-in-ended");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("says so when this computer cannot protect a kept sign-in", async () => {
    const email = newEmail();
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(ORIGINAL_PASSWORD);
    await page.getByLabel(SignInCopy.keepSignedIn).check();
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("You're signed in").waitFor();
    expect(await page.getByRole("status").innerText()).toBe(SignInCopy.notKept);
    await visit("signed-in-not-kept");
  });

  it("lets the person resend the email once the cooldown has run out", async () => {
    const email = newEmail();
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await heading("Check your email").waitFor();
    // The cooldown runs on the page's clock while the email is still on the mail queue, so the
    // countdown is checked before waiting for the email.
    expect(await page.getByRole("button", { name: "Resend email in 30 s" }).isDisabled()).toBe(true);

    await page.clock.fastForward(10_000);
    await page.getByRole("button", { name: "Resend email in 20 s" }).waitFor();
    await page.clock.fastForward(20_000);
    const resend = page.getByRole("button", { name: "Resend email", exact: true });
    await resend.waitFor();
    expect(await resend.isEnabled()).toBe(true);
    await resend.click();
    await page.getByText("We sent another email.").waitFor();
    await page.getByRole("button", { name: "Resend email in 30 s" }).waitFor();
    await readDeepLinkFromMail(worker.url, email);
    await readDeepLinkFromMail(worker.url, email, 1);
    expect(await countMail(worker.url, email)).toBe(2);
  });

  it("offers to request a new link when the deep link's token is unknown", async () => {
    await openApp();
    openDeepLink(`resetkit://reset-password?token=${randomBytes(32).toString("base64url")}`);
    await heading("This reset link is invalid or has expired").waitFor();
    // A 410 will not change by asking again: well past React Query's retry delays, still one call.
    await page.clock.fastForward(10_000);
    expect(bridge.invokedChannels.filter((channel) => channel === "resetkit:verify-token")).toHaveLength(1);
    await visit("reset-link-invalid");
    await page.getByRole("button", { name: "Ask for a new link" }).click();
    await heading("Forgot your password?").waitFor();
  });

  it("opens Sign in for the 'password changed' page's sign-in link, asking first when it arrives mid-flow", async () => {
    await openApp();
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await heading("Forgot your password?").waitFor();
    openDeepLink("resetkit://sign-in");
    await page.getByRole("alertdialog", { name: "Leave this screen and go to Sign in?" }).waitFor();
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await heading("Sign in").waitFor();
  });

  it("opens a link at once on Sign in, but asks first while signed in, and Cancel keeps the screen as it was", async () => {
    const email = newEmail();
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    await openApp();
    // On Sign in, a link opens straight away.
    const unknownToken = randomBytes(32).toString("base64url");
    openDeepLink(`resetkit://reset-password?token=${unknownToken}`);
    await heading("This reset link is invalid or has expired").waitFor();
    await page.getByRole("button", { name: "Ask for a new link" }).click();
    await page.getByRole("button", { name: "Back to sign in" }).click();

    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(ORIGINAL_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("You're signed in").waitFor();

    // Someone else's reset link, pushed at the app by a web page: the question names their account.
    const attacker = newEmail();
    await createAccount(worker.url, attacker, ORIGINAL_PASSWORD);
    await fetch(`${worker.url}/api/v1/password-resets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: attacker, client: "desktop" }),
    });
    openDeepLink(await readDeepLinkFromMail(worker.url, attacker));
    const dialog = page.getByRole("alertdialog", { name: `Open the password reset for ${maskEmail(attacker).replace("***", "•••")}?` });
    await dialog.waitFor();
    expect(await page.locator(".card").getAttribute("inert")).not.toBeNull();
    await page.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await heading("You're signed in").isVisible()).toBe(true);
    expect(await page.locator(".account-email").innerText()).toBe(email);
  });

  it("passes on only well-formed links from main: the preload drops anything else", async () => {
    await openApp();
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await heading("Forgot your password?").waitFor();
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
    expect(await heading("Forgot your password?").isVisible()).toBe(true);
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    expect(bridge.invokedChannels).not.toContain(IpcChannel.VerifyToken);

    await bridge.sendFromMain(IpcChannel.DeepLink, { link: { kind: "reset-password", token, next: "https://evil.example" }, atLaunch: false });
    await page.getByRole("alertdialog", { name: "Open the password reset from this link?" }).waitFor();
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await heading("This reset link is invalid or has expired").waitFor();
    expect(bridge.invokedChannels).toContain(IpcChannel.VerifyToken);
  });

  it("shows a rejected email address as a sentence next to the field", async () => {
    await openApp();
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("Enter a valid email address, like name@example.com.").waitFor();
    expect(await page.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    await visit("forgot-password-invalid-email");
  });

  it("reads a wrong sign-in as one sentence in the alert region", async () => {
    await openApp();
    await page.getByLabel("Email address").fill(newEmail());
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(INVALID_CREDENTIALS_MESSAGE).waitFor();
    expect(await alertText()).toBe(INVALID_CREDENTIALS_MESSAGE);
  });

  it("can be driven from the keyboard alone", async () => {
    await openApp();
    // Focus starts on the heading; Tab walks the fields in reading order.
    expect(await describeFocus(page)).toBe("H1 Sign in");
    await page.keyboard.press("Tab");
    await page.keyboard.type(newEmail());
    await page.keyboard.press("Tab");
    await page.keyboard.type("a password");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("keep-signed-in");
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toBe("BUTTON Sign in");
    await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toBe("BUTTON Forgot password?");
    await page.keyboard.press("Enter");
    await heading("Forgot your password?").waitFor();
    expect(await describeFocus(page)).toBe("H1 Forgot your password?");
  });

  it("has no network access of its own: the page's CSP blocks fetch", async () => {
    await openApp();
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/healthz`);
        return "reached the Worker";
      } catch {
        return "blocked";
      }
    }, worker.url);
    expect(outcome).toBe("blocked");
  });
});
