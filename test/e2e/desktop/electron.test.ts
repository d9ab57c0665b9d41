import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { _electron, type ElectronApplication, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { RENDERER_CONTENT_SECURITY_POLICY } from "../../../desktop/src/renderer/content-security-policy.ts";
import { ROOT, startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";
import { ELECTRON_SKIP_REASON, findElectronBinary } from "./electron-binary.ts";
import { createAccount, readDeepLinkFromMail, readVerifyEmailLinkFromMail } from "./renderer-fixtures.ts";

const ELECTRON = findElectronBinary();
if (!ELECTRON) console.info(`Electron end-to-end tests ${ELECTRON_SKIP_REASON}`);

// Chromium refuses to start its sandbox as root (containers, CI); the app's own renderer
// sandbox (webPreferences.sandbox) stays on either way.
const CHROMIUM_FLAGS = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
const ORIGINAL_PASSWORD = "an original passphrase 1";
const NEW_PASSWORD = "a lighthouse keeper's lantern";
const { t } = translatorFor("en");

describe.skipIf(!ELECTRON)(`the packaged Electron app (${ELECTRON ? "Electron binary found" : ELECTRON_SKIP_REASON})`, () => {
  let worker: RunningWorker;
  let userDataDir: string;
  let app: ElectronApplication | undefined;

  beforeAll(async () => {
    // The app was built once for the run (test/support/desktop-build.global.ts); an unpackaged
    // app takes its Worker URL from RESETKIT_API_URL at launch.
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.stop();
  });
  beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), "resetkit-electron-"));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await rm(userDataDir, { recursive: true, force: true });
  });

  const appEnv = () => ({ ...(process.env as Record<string, string>), RESETKIT_API_URL: worker.url, RESETKIT_USER_DATA_DIR: userDataDir });

  async function launch(extraArgs: string[] = []): Promise<Page> {
    app = await _electron.launch({ executablePath: ELECTRON ?? "", args: [...CHROMIUM_FLAGS, ROOT, ...extraArgs], env: appEnv() });
    return app.firstWindow();
  }

  /** Starts a second copy with `link`, as the OS does for a click while the app runs; resolves to its exit code. */
  function launchSecondCopy(link: string): Promise<number | null> {
    const second = spawn(ELECTRON ?? "", [...CHROMIUM_FLAGS, ROOT, link], { env: appEnv(), stdio: "ignore" });
    return new Promise((resolve) => second.on("exit", resolve));
  }

  /** Requests a reset as the desktop app would and returns the deep link from the email. */
  async function requestDeepLink(): Promise<{ email: string; link: string }> {
    const email = `electron-${randomBytes(4).toString("hex")}@example.com`;
    await createAccount(worker.url, email, ORIGINAL_PASSWORD);
    const response = await fetch(`${worker.url}/api/v1/password-resets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, client: "desktop" }),
    });
    expect(response.status).toBe(202);
    return { email, link: await readDeepLinkFromMail(worker.url, email) };
  }

  it("launches on the Sign in screen with no Node in the page and only the preload api exposed", async () => {
    const appWindow = await launch();
    await appWindow.getByRole("heading", { name: t("signIn.title") }).waitFor();
    // Served by the app's own privileged scheme, never from file://.
    expect(appWindow.url()).toBe("app://resetkit/index.html");
    const exposed = await appWindow.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      hasRequire: "require" in window,
      hasProcess: "process" in window,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
    }));
    expect(exposed).toEqual({
      api: [
        "changePassword",
        "confirmReset",
        "createAccount",
        "getLocale",
        "me",
        "onDeepLink",
        "onLocaleChange",
        "redeemResetCode",
        "requestReset",
        "signIn",
        "signOut",
        "signOutEverywhere",
        "verifyEmail",
        "verifyToken",
      ],
      hasRequire: false,
      hasProcess: false,
      csp: RENDERER_CONTENT_SECURITY_POLICY,
    });
  });

  it("opens the Reset screen for a deep link given at cold start", async () => {
    const { email, link } = await requestDeepLink();
    const appWindow = await launch([link]);
    await appWindow.getByRole("heading", { name: t("resetPassword.title") }).waitFor();
    expect(await appWindow.locator(".masked-email").innerText()).toBe(maskEmail(email));
  });

  it("hands a deep link from a second launch to the running app, and the second copy quits", async () => {
    const appWindow = await launch();
    await appWindow.getByRole("heading", { name: t("signIn.title") }).waitFor();
    const { email, link } = await requestDeepLink();
    expect(await launchSecondCopy(link)).toBe(0);
    await appWindow.getByRole("heading", { name: t("resetPassword.title") }).waitFor();
    expect(await appWindow.locator(".masked-email").innerText()).toBe(maskEmail(email));
  });

  it("ignores malicious links at cold start and from a second launch", async () => {
    const token = randomBytes(32).toString("base64url");
    const appWindow = await launch([`resetkit://reset-password?token=${token}&next=https://evil.example`]);
    await appWindow.getByRole("heading", { name: t("signIn.title") }).waitFor();
    // A screen that any delivered link would replace.
    await appWindow.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await appWindow.getByRole("heading", { name: t("forgotPassword.title") }).waitFor();
    for (const evil of [`resetkit://evil.example?token=${token}`, `resetkit://reset-password/../?token=${token}#x`, "resetkit://sign-in?next=https://evil.example"]) {
      expect(await launchSecondCopy(evil)).toBe(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await appWindow.getByRole("heading", { name: t("forgotPassword.title") }).isVisible()).toBe(true);
    // The app still listens: a real link right after them gets through, asking first since the person is mid-flow.
    const { email, link } = await requestDeepLink();
    expect(await launchSecondCopy(link)).toBe(0);
    await appWindow.getByRole("alertdialog", { name: t("app.deepLink.openResetFor", { email: maskEmail(email).replace("***", "•••") }) }).waitFor();
    await appWindow.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await appWindow.getByRole("heading", { name: t("resetPassword.title") }).waitFor();
    expect(await appWindow.locator(".masked-email").innerText()).toBe(maskEmail(email));
  });

  it("opens Sign in for the 'password changed' page's sign-in link", async () => {
    const appWindow = await launch();
    await appWindow.getByRole("button", { name: t("signIn.forgotPassword") }).click();
    await appWindow.getByRole("heading", { name: t("forgotPassword.title") }).waitFor();
    expect(await launchSecondCopy("resetkit://sign-in")).toBe(0);
    await appWindow.getByRole("alertdialog", { name: t("app.deepLink.openSignIn") }).waitFor();
    await appWindow.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await appWindow.getByRole("heading", { name: t("signIn.title") }).waitFor();
  });

  it("resets the password in the real window and signs in with the new one", async () => {
    const { email, link } = await requestDeepLink();
    const appWindow = await launch([link]);
    await appWindow.getByRole("heading", { name: t("resetPassword.title") }).waitFor();
    await appWindow.getByLabel(t("resetPassword.passwordLabel"), { exact: true }).fill(NEW_PASSWORD);
    await appWindow.getByLabel(t("resetPassword.confirmationLabel")).fill(NEW_PASSWORD);
    await appWindow.getByRole("button", { name: t("resetPassword.submit") }).click();
    await appWindow.getByRole("heading", { name: t("resetOutcome.changedTitle") }).waitFor();

    await appWindow.getByRole("button", { name: t("signIn.submit") }).click();
    await appWindow.getByLabel(t("signIn.emailLabel")).fill(email);
    await appWindow.getByLabel(t("signIn.passwordLabel")).fill(ORIGINAL_PASSWORD);
    await appWindow.getByRole("button", { name: t("signIn.submit") }).click();
    await appWindow.getByText(t("signIn.invalidCredentials")).waitFor();
    await appWindow.getByLabel(t("signIn.passwordLabel")).fill(NEW_PASSWORD);
    await appWindow.getByRole("button", { name: t("signIn.submit") }).click();
    await appWindow.getByRole("heading", { name: t("app.signedIn.title") }).waitFor();
    expect(await appWindow.locator(".account-email").innerText()).toBe(email);
  });

  it("creates an account in the real window, confirms it through the emailed deep link and signs in", async () => {
    const email = `electron-${randomBytes(4).toString("hex")}@example.com`;
    const appWindow = await launch();
    await appWindow.getByRole("button", { name: t("signIn.createAccount") }).click();
    await appWindow.getByRole("heading", { name: t("signUp.title") }).waitFor();
    await appWindow.getByLabel(t("signUp.emailLabel")).fill(email);
    await appWindow.getByLabel(t("signUp.passwordLabel"), { exact: true }).fill(NEW_PASSWORD);
    await appWindow.getByLabel(t("signUp.confirmationLabel")).fill(NEW_PASSWORD);
    await appWindow.getByRole("button", { name: t("signUp.submit") }).click();
    await appWindow.getByRole("heading", { name: t("signUp.checkEmailTitle") }).waitFor();

    const link = await readVerifyEmailLinkFromMail(worker.url, email);
    expect(await launchSecondCopy(link)).toBe(0);
    await appWindow.getByRole("alertdialog", { name: t("app.deepLink.openVerifyEmail") }).waitFor();
    await appWindow.getByRole("button", { name: t("app.deepLink.open"), exact: true }).click();
    await appWindow.getByRole("heading", { name: t("verifyEmail.title") }).waitFor();
    await appWindow.getByLabel(t("verifyEmail.passwordLabel"), { exact: true }).fill(ORIGINAL_PASSWORD);
    await appWindow.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await appWindow.getByText(t("verifyEmail.wrongPassword")).first().waitFor();
    await appWindow.getByLabel(t("verifyEmail.passwordLabel"), { exact: true }).fill(NEW_PASSWORD);
    await appWindow.getByRole("button", { name: t("verifyEmail.submit") }).click();
    await appWindow.getByRole("heading", { name: t("verifyEmail.verifiedTitle") }).waitFor();

    await appWindow.getByRole("button", { name: t("signIn.submit") }).click();
    await appWindow.getByRole("heading", { name: t("signIn.title") }).waitFor();
    expect(await appWindow.getByLabel(t("signIn.emailLabel")).inputValue()).toBe(email);
    await appWindow.getByLabel(t("signIn.passwordLabel")).fill(NEW_PASSWORD);
    await appWindow.getByRole("button", { name: t("signIn.submit") }).click();
    await appWindow.getByRole("heading", { name: t("app.signedIn.title") }).waitFor();
    expect(await appWindow.locator(".account-email").innerText()).toBe(email);
  });
});
