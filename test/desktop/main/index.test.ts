import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { INVOKE_CHANNELS, IpcChannel } from "../../../desktop/src/ipc/channels.ts";
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
    expect(record.registeredSchemes).toEqual([["resetkit"]]);
    expect(record.permissionHandlers).toBe(2);
    expect(record.windows).toHaveLength(1);
    const window = record.windows[0];
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window?.options.webPreferences.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(PRELOAD_BUNDLE)).toBe(true);
    expect(window?.loaded).toEqual({ file: RENDERER_HTML });
    expect(existsSync(RENDERER_HTML)).toBe(true);
    expect(record.ipcChannels.sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it("hands a cold-start link to the page once it subscribes, and prints nothing", async () => {
    const { record, output } = await runBuiltMain([LINK], [{ type: "ready" }, { type: "subscribe" }]);
    expect(record.subscribeResult).toEqual({ ok: true, value: null });
    expect(record.sent).toEqual([[IpcChannel.DeepLink, { kind: "reset-password", token: TOKEN }]]);
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
    expect(record.sent).toEqual([[IpcChannel.DeepLink, { kind: "reset-password", token: LATER_TOKEN }]]);
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

  it("refuses to start with a Worker URL that is not http or https, saying why", async () => {
    const { record, output } = await runBuiltMain([], [{ type: "ready" }], { RESETKIT_API_URL: "ftp://reset.example.com" });
    expect(record.exitCode).toBe(1);
    expect(record.windows).toEqual([]);
    expect(output).toContain("RESETKIT_API_URL must start with https:// or http://");
  });

  it("uses the profile folder given in RESETKIT_USER_DATA_DIR", async () => {
    const { record } = await runBuiltMain([], [], { RESETKIT_USER_DATA_DIR: "/tmp/resetkit-profile" });
    expect(record.userDataPath).toBe("/tmp/resetkit-profile");
  });
});
