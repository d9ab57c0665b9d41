import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { INVOKE_CHANNELS, IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { RENDERER_CONTENT_SECURITY_POLICY } from "../../../desktop/src/renderer/content-security-policy.ts";
import { buildDesktopApp, PRELOAD_BUNDLE, RENDERER_HTML, runBuiltMain } from "../support/built-desktop-app.ts";

const TOKEN = randomBytes(32).toString("base64url");
const LATER_TOKEN = randomBytes(32).toString("base64url");
const LINK = `resetkit://reset-password?token=${TOKEN}`;

describe("the built main process, run on an Electron stand-in", () => {
  beforeAll(async () => {
    await buildDesktopApp();
  });

  it("registers the scheme, opens one guarded window on the bundled page and every IPC channel", async () => {
    const { record } = await runBuiltMain([], [{ type: "ready" }]);
    expect(record.privilegedSchemes).toEqual([{ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(record.handledSchemes).toEqual(["app"]);
    expect(record.registeredSchemes).toEqual([["resetkit"]]);
    expect(record.permissionHandlers).toBe(2);
    expect(record.windows).toHaveLength(1);
    const window = record.windows[0];
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window?.options.webPreferences.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(PRELOAD_BUNDLE)).toBe(true);
    expect(window?.loaded).toEqual({ url: "app://resetkit/index.html" });
    expect(existsSync(RENDERER_HTML)).toBe(true);
    expect(record.ipcChannels.sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it("serves the bundled page over app://resetkit with its CSP, and nothing outside the bundle", async () => {
    const { record } = await runBuiltMain(
      [],
      [
        { type: "ready" },
        { type: "fetch", url: "app://resetkit/index.html" },
        { type: "fetch", url: "app://resetkit/../main/index.js" },
        { type: "fetch", url: "app://resetkit/%2e%2e/preload/index.cjs" },
      ],
    );
    const [page, mainBundle, preloadBundle] = record.fetched ?? [];
    expect(page).toMatchObject({ status: 200, contentType: "text/html; charset=utf-8", csp: RENDERER_CONTENT_SECURITY_POLICY });
    expect(page?.body).toBe(readFileSync(RENDERER_HTML, "utf8"));
    expect(mainBundle?.status).toBe(404);
    expect(preloadBundle?.status).toBe(404);
  });

  it("opens a sign-in link from a second launch on the page", async () => {
    const { record } = await runBuiltMain(
      [],
      [{ type: "ready" }, { type: "subscribe" }, { type: "second-instance", argv: ["/opt/ResetKit/resetkit", "resetkit://sign-in"] }],
    );
    expect(record.sent).toEqual([[IpcChannel.DeepLink, { link: { kind: "sign-in" }, atLaunch: false }]]);
  });

  it("opens an email confirmation link from a second launch on the page", async () => {
    const { record } = await runBuiltMain(
      [],
      [{ type: "ready" }, { type: "subscribe" }, { type: "second-instance", argv: ["/opt/ResetKit/resetkit", `resetkit://verify-email?token=${TOKEN}`] }],
    );
    expect(record.sent).toEqual([[IpcChannel.DeepLink, { link: { kind: "verify-email", token: TOKEN }, atLaunch: false }]]);
  });

  it("hands a cold-start link to the page once it subscribes, marked as the launch link, and prints nothing", async () => {
    const { record, output } = await runBuiltMain([LINK], [{ type: "ready" }, { type: "subscribe" }]);
    expect(record.subscribeResult).toEqual({ ok: true, value: null });
    expect(record.sent).toEqual([[IpcChannel.DeepLink, { link: { kind: "reset-password", token: TOKEN }, atLaunch: true }]]);
    expect(output).toBe("");
  });

  it("passes a second launch's link straight to the listening page and focuses the window", async () => {
    const { record } = await runBuiltMain(
      [],
      [
        { type: "ready" },
        { type: "subscribe" },
        { type: "second-instance", argv: ["C:\\ResetKit\\ResetKit.exe", "--allow-file-access-from-files", `resetkit://reset-password/?token=${LATER_TOKEN}`] },
      ],
    );
    // A link that reaches the running app is not the launch link: the page asks before it opens it.
    expect(record.sent).toEqual([[IpcChannel.DeepLink, { link: { kind: "reset-password", token: LATER_TOKEN }, atLaunch: false }]]);
    expect(record.focused).toBeGreaterThanOrEqual(1);
  });

  it("drops a malformed macOS open-url without sending anything", async () => {
    const { record, output } = await runBuiltMain(
      [],
      [{ type: "ready" }, { type: "subscribe" }, { type: "open-url", url: `${LINK}&next=https://evil.example` }],
    );
    expect(record.sent).toEqual([]);
    expect(output).toBe("");
  });

  it("denies window.open and sends an https link to the system browser", async () => {
    const { record } = await runBuiltMain([], [{ type: "ready" }, { type: "window-open", url: "https://example.com/help" }]);
    expect(record.windowOpenAnswer).toEqual({ action: "deny" });
    expect(record.openedExternally).toEqual(["https://example.com/help"]);
  });

  it("quits at once when another copy holds the lock", async () => {
    const { record } = await runBuiltMain([LINK], [{ type: "ready" }], { STAND_IN_LOCK: "taken" });
    expect(record.quit).toBe(true);
    expect(record.windows).toEqual([]);
    expect(record.registeredSchemes).toEqual([]);
  });

  it("refuses, in a development run, a Worker URL in plain http off loopback, saying why", async () => {
    const { record, output } = await runBuiltMain([], [{ type: "ready" }], {
      STAND_IN_PACKAGED: "false",
      RESETKIT_API_URL: "http://reset.example.com",
    });
    expect(record.exitCode).toBe(1);
    expect(record.windows).toEqual([]);
    expect(output).toContain("RESETKIT_API_URL must be https://, or http:// only on 127.0.0.1, localhost or [::1].");
    // A development run reports in its terminal only.
    expect(record.errorBoxes).toEqual([]);
  });

  it("uses the profile folder given in RESETKIT_USER_DATA_DIR", async () => {
    const { record } = await runBuiltMain([], [], { RESETKIT_USER_DATA_DIR: "/tmp/resetkit-profile" });
    expect(record.userDataPath).toBe("/tmp/resetkit-profile");
  });
});

describe("an installed app built without a Worker URL", () => {
  beforeAll(async () => {
    await buildDesktopApp("");
  });

  it("refuses to start rather than talk to a local development Worker", async () => {
    const { record, output } = await runBuiltMain([], [{ type: "ready" }], { RESETKIT_API_URL: "http://127.0.0.1:8787" });
    expect(record.exitCode).toBe(1);
    expect(record.windows).toEqual([]);
    expect(output).toContain("This build of ResetKit has no Worker URL; build it again with RESETKIT_API_URL set.");
    expect(record.errorBoxes).toEqual([
      ["ResetKit cannot start", "This build of ResetKit has no Worker URL; build it again with RESETKIT_API_URL set."],
    ]);
  });
});
