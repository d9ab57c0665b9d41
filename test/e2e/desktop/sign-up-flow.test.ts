/**
 * The desktop renderer's sign-up in Chromium against `wrangler dev`, through the same test bridge
 * as renderer-flow.test.ts: Sign in → "Create an account" → "Check your email" → the emailed
 * `resetkit://verify-email` link → the sign-up password confirms the address → Sign in. Signing
 * in before confirming, a wrong confirmation password and an unknown link each get their own
 * sentence; a taken address gets the same "Check your email" as a new one.
 */
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { INVALID_CREDENTIALS_MESSAGE, SignUpCopy, VerifyEmailCopy } from "../../../shared/copy.ts";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { readDeepLinkFromUrl } from "../../../desktop/src/main/protocol.ts";
import { launchChromium } from "../../support/chromium.ts";
import { startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";
import {
  buildRenderer,
  createAccount,
  describeFocus,
  findAxeViolations,
  installTestBridge,
  readVerifyEmailLinkFromMail,
  RENDERER_DIR,
  saveScreenshot,
  serveStatic,
  type StaticServer,
  type TestBridge,
} from "./renderer-fixtures.ts";

const PASSWORD = "a lighthouse keeper's lantern";

describe("the desktop sign-up in Chromium, against wrangler dev", () => {
  let worker: RunningWorker;
  let browser: Browser;
  let renderer: StaticServer;
  let page: Page;
  let bridge: TestBridge;

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium(), buildRenderer()]);
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
  async function openApp(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 480, height: 720 } });
    page = await context.newPage();
    bridge = await installTestBridge(page, { apiBaseUrl: worker.url, rendererUrl: `${renderer.url}/index.html` });
    await page.goto(`${renderer.url}/index.html`);
    await heading("Sign in").waitFor();
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
    await page.getByRole("button", { name: "Create an account" }).click();
    await heading(SignUpCopy.title).waitFor();
    await page.getByLabel(SignUpCopy.emailLabel).fill(email);
    await passwordField().fill(password);
    await page.getByLabel(SignUpCopy.confirmationLabel).fill(password);
    await page.getByRole("button", { name: SignUpCopy.submit }).click();
    await heading(SignUpCopy.checkEmailTitle).waitFor();
  }

  async function signIn(email: string, password: string): Promise<void> {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  const heading = (name: string) => page.getByRole("heading", { name });
  const passwordField = () => page.getByLabel(SignUpCopy.passwordLabel, { exact: true });
  const newEmail = () => `desktop-sign-up-${randomBytes(4).toString("hex")}@example.com`;
  const calls = (channel: IpcChannel) => bridge.invokedChannels.filter((invoked) => invoked === channel).length;

  it("takes a new desktop user from 'Create an account' through the emailed confirmation link to signed in", async () => {
    const email = newEmail();
    await openApp();
    await page.getByRole("button", { name: "Create an account" }).click();
    await heading(SignUpCopy.title).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${SignUpCopy.title}`);
    expect(await page.locator(".hint").innerText()).toMatch(/^Use 12 to 128 characters\./);
    await visit("sign-up");

    // Live feedback from the shared policy, the typed address included.
    await page.getByLabel(SignUpCopy.emailLabel).fill(email);
    const feedback = page.locator(".live-feedback");
    await passwordField().fill("password");
    expect(await feedback.innerText()).toContain("Use at least 12 characters.");
    expect(await feedback.innerText()).toContain("This password is too common. Choose one that is harder to guess.");
    await passwordField().fill(email);
    expect(await feedback.innerText()).toBe("Don't use your email address as your password.");
    await page.getByRole("button", { name: SignUpCopy.submit }).click();
    const summary = page.locator(".error-summary").filter({ hasText: "Please fix these first" });
    expect(await summary.locator("li").allInnerTexts()).toEqual([
      "Don't use your email address as your password.",
      SignUpCopy.missingConfirmation,
    ]);
    expect(await passwordField().getAttribute("aria-invalid")).toBe("true");
    expect(await describeFocus(page)).toBe("INPUT");
    await visit("sign-up-refused");

    await passwordField().fill(PASSWORD);
    expect(await feedback.innerText()).toBe("This password meets the requirements.");
    await page.getByLabel(SignUpCopy.confirmationLabel).fill(`${PASSWORD}!`);
    await page.getByRole("button", { name: SignUpCopy.submit }).click();
    expect(await page.locator("p.error").getByText("The two passwords don't match.").isVisible()).toBe(true);
    // Everything so far was caught in the window: nothing reached main.
    expect(calls(IpcChannel.CreateAccount)).toBe(0);

    await page.getByLabel(SignUpCopy.confirmationLabel).fill(PASSWORD);
    await page.getByRole("button", { name: SignUpCopy.submit }).click();
    await heading(SignUpCopy.checkEmailTitle).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${SignUpCopy.checkEmailTitle}`);
    expect(await page.getByRole("status").innerText()).toBe(SignUpCopy.checkEmailBody(email));
    await visit("sign-up-check-email");

    // Until the address is confirmed there is no account: signing in gets the one refusal every
    // wrong sign-in gets, whose sentence says what to do.
    const link = await readVerifyEmailLinkFromMail(worker.url, email);
    await page.getByRole("button", { name: "Back to sign in" }).click();
    await heading("Sign in").waitFor();
    await signIn(email, PASSWORD);
    await page.getByText(INVALID_CREDENTIALS_MESSAGE).waitFor();
    expect(await page.getByRole("alert").innerText()).toBe(INVALID_CREDENTIALS_MESSAGE);
    await visit("sign-in-unconfirmed");

    openDeepLink(link);
    await heading(VerifyEmailCopy.title).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${VerifyEmailCopy.title}`);
    await visit("verify-email");

    const confirmPassword = page.getByLabel(VerifyEmailCopy.passwordLabel, { exact: true });
    await confirmPassword.fill("not the password I chose");
    await page.getByRole("button", { name: VerifyEmailCopy.submit }).click();
    await page.locator("p.error").getByText(VerifyEmailCopy.wrongPassword).waitFor();
    expect(await confirmPassword.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").filter({ hasText: VerifyEmailCopy.wrongPassword }).count()).toBe(1);
    expect(await page.getByText(INVALID_CREDENTIALS_MESSAGE).count()).toBe(0);
    expect(await describeFocus(page)).toBe("INPUT");
    await visit("verify-email-wrong-password");

    await confirmPassword.fill(PASSWORD);
    await page.getByRole("button", { name: VerifyEmailCopy.submit }).click();
    await heading(VerifyEmailCopy.verifiedTitle).waitFor();
    expect(await page.getByRole("status").innerText()).toBe(VerifyEmailCopy.verifiedBody);
    expect(await page.locator(".account-email").innerText()).toBe(email);
    await visit("email-verified");

    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("Sign in").waitFor();
    expect(await page.getByLabel("Email address").inputValue()).toBe(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("You're signed in").waitFor();
    expect(await page.locator(".account-email").innerText()).toBe(email);

    // The link was spent by the confirmation: opening it again, signed in, asks first, then says so.
    openDeepLink(link);
    await page.getByRole("alertdialog", { name: "Open the email confirmation from this link?" }).waitFor();
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByLabel(VerifyEmailCopy.passwordLabel, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: VerifyEmailCopy.submit }).click();
    await heading(VerifyEmailCopy.invalidTitle).waitFor();
  });

  it("offers to sign up again when the confirmation link is unknown", async () => {
    await openApp();
    openDeepLink(`resetkit://verify-email?token=${randomBytes(32).toString("base64url")}`);
    await heading(VerifyEmailCopy.title).waitFor();
    // An empty password is caught before anything is sent.
    await page.getByRole("button", { name: VerifyEmailCopy.submit }).click();
    await page.locator("p.error").getByText("Enter your password.").waitFor();
    expect(calls(IpcChannel.VerifyEmail)).toBe(0);

    await page.getByLabel(VerifyEmailCopy.passwordLabel, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: VerifyEmailCopy.submit }).click();
    await heading(VerifyEmailCopy.invalidTitle).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${VerifyEmailCopy.invalidTitle}`);
    expect(await page.getByText(VerifyEmailCopy.invalidBody).isVisible()).toBe(true);
    expect(calls(IpcChannel.VerifyEmail)).toBe(1);
    await visit("verify-email-invalid");
    await page.getByRole("button", { name: VerifyEmailCopy.signUpAgain }).click();
    await heading(SignUpCopy.title).waitFor();
  });

  it("shows a taken address the same 'Check your email' as a new one", async () => {
    const taken = newEmail();
    await createAccount(worker.url, taken, PASSWORD);
    await openApp();
    await signUp(taken, "a different, long passphrase");
    expect(await page.getByRole("status").innerText()).toBe(SignUpCopy.checkEmailBody(taken));
    // The existing account is untouched: its own password still signs in.
    await page.getByRole("button", { name: "Back to sign in" }).click();
    await signIn(taken, PASSWORD);
    await heading("You're signed in").waitFor();
  });

  it("shows a rejected email address as a sentence next to the field", async () => {
    await openApp();
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel(SignUpCopy.emailLabel).fill("not-an-address");
    await passwordField().fill(PASSWORD);
    await page.getByLabel(SignUpCopy.confirmationLabel).fill(PASSWORD);
    await page.getByRole("button", { name: SignUpCopy.submit }).click();
    await page.locator("p.error").getByText("Enter a valid email address, like name@example.com.").waitFor();
    expect(await page.getByLabel(SignUpCopy.emailLabel).getAttribute("aria-invalid")).toBe("true");
    expect(await describeFocus(page)).toBe("INPUT");
    await visit("sign-up-invalid-email");
  });

  it("reaches Create account from the keyboard alone", async () => {
    await openApp();
    expect(await describeFocus(page)).toBe("H1 Sign in");
    for (let presses = 0; presses < 5; presses++) await page.keyboard.press("Tab");
    expect(await describeFocus(page)).toBe("BUTTON Create an account");
    await page.keyboard.press("Enter");
    await heading(SignUpCopy.title).waitFor();
    expect(await describeFocus(page)).toBe(`H1 ${SignUpCopy.title}`);
    await page.keyboard.press("Tab");
    await page.keyboard.type(newEmail());
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await heading(SignUpCopy.checkEmailTitle).waitFor();
  });
});
