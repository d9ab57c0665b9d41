import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "electron-vite";
import { _electron, type ElectronApplication, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maskEmail } from "../../../shared/email-address.ts";
import { RENDERER_CONTENT_SECURITY_POLICY } from "../../../desktop/src/renderer/content-security-policy.ts";
import { ROOT, startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";
import { ELECTRON_SKIP_REASON, findElectronBinary } from "./electron-binary.ts";
import { createAccount, readDeepLinkFromMail } from "./renderer-fixtures.ts";

const ELECTRON = findElectronBinary();
if (!ELECTRON) console.info(`Electron end-to-end tests ${ELECTRON_SKIP_REASON}`);

// Chromium refuses to start its sandbox as root (containers, CI); the app's own renderer
// sandbox (webPreferences.sandbox) stays on either way.
const CHROMIUM_FLAGS = process.getuid?.() === 0 ? ["--no-sandbox"] : [];

describe.skipIf(!ELECTRON)(`the packaged Electron app (${ELECTRON ? "Electron binary found" : ELECTRON_SKIP_REASON})`, () => {
  let worker: RunningWorker;
  let userDataDir: string;
  let app: ElectronApplication | undefined;

  beforeAll(async () => {
    [worker] = await Promise.all([
      startWorker(),
      build({ configFile: join(ROOT, "desktop/electron.vite.config.ts"), logLevel: "warn" }),
    ]);
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

  /** Requests a reset as the desktop app would and returns the deep link from the email. */
  async function requestDeepLink(): Promise<{ email: string; link: string }> {
    const email = `electron-${Date.now()}@example.com`;
    await createAccount(worker.url, email, "an original passphrase 1");
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
    await appWindow.getByRole("heading", { name: "Sign in" }).waitFor();
    const exposed = await appWindow.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      hasRequire: "require" in window,
      hasProcess: "process" in window,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
    }));
    expect(exposed).toEqual({
      api: ["confirmReset", "me", "onDeepLink", "requestReset", "signIn", "signOut", "verifyToken"],
      hasRequire: false,
      hasProcess: false,
      csp: RENDERER_CONTENT_SECURITY_POLICY,
    });
  });

  it("opens the Reset screen for a deep link given at cold start", async () => {
    const { email, link } = await requestDeepLink();
    const appWindow = await launch([link]);
    await appWindow.getByRole("heading", { name: "Choose a new password" }).waitFor();
    expect(await appWindow.locator(".masked-email").innerText()).toBe(maskEmail(email));
  });

  it("hands a deep link from a second launch to the running app, and the second copy quits", async () => {
    const appWindow = await launch();
    await appWindow.getByRole("heading", { name: "Sign in" }).waitFor();
    const { email, link } = await requestDeepLink();
    const second = spawn(ELECTRON ?? "", [...CHROMIUM_FLAGS, ROOT, link], { env: appEnv(), stdio: "ignore" });
    const exitCode = await new Promise<number | null>((resolve) => second.on("exit", resolve));
    expect(exitCode).toBe(0);
    await appWindow.getByRole("heading", { name: "Choose a new password" }).waitFor();
    expect(await appWindow.locator(".masked-email").innerText()).toBe(maskEmail(email));
  });
});
