import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { INVOKE_CHANNELS, IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { LOCALE_NAMES, LOCALES, PSEUDO_LOCALE } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { RENDERER_CONTENT_SECURITY_POLICY } from "../../../desktop/src/renderer/content-security-policy.ts";
import { PRELOAD_BUNDLE, RENDERER_HTML, runBuiltMain, WITHOUT_URL_MAIN_BUNDLE, type MenuItemRecord } from "../support/built-desktop-app.ts";

const TOKEN = randomBytes(32).toString("base64url");
const LATER_TOKEN = randomBytes(32).toString("base64url");
const LINK = `resetkit://reset-password?token=${TOKEN}`;

describe("the built main process, run on an Electron stand-in", () => {
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

describe("the built main process's language", () => {
  let userDataDir: string;
  afterEach(() => {
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  /** A run with its own profile folder, on a system preferring `languages`. */
  const run = (steps: Parameters<typeof runBuiltMain>[1], languages: string[], env: Record<string, string> = {}) =>
    runBuiltMain([], steps, { RESETKIT_USER_DATA_DIR: userDataDir, STAND_IN_LANGUAGES: JSON.stringify(languages), ...env });
  const labels = (menu: MenuItemRecord[] | undefined) => (menu ?? []).map((item) => item.label);
  const languageItems = (menu: MenuItemRecord[] | undefined, language: string) =>
    (menu ?? []).find((item) => item.label === language)?.submenu?.map((item) => [item.label, item.checked]);

  it("starts in the system's language: the menu, and what the page is told", async () => {
    userDataDir = mkdtempSync(join(tmpdir(), "resetkit-main-language-"));
    const de = translatorFor("de");
    const { record } = await run([{ type: "ready" }, { type: "invoke", channel: IpcChannel.GetLocale }], ["de-AT", "en-US"]);
    expect(record.menus).toHaveLength(1);
    expect(labels(record.menus[0])).toContain(de.t("app.menu.language"));
    expect(languageItems(record.menus[0], de.t("app.menu.language"))).toEqual(LOCALES.map((locale) => [LOCALE_NAMES[locale], locale === "de"]));
    expect(record.invoked).toEqual([{ ok: true, value: "de" }]);
  });

  it("switches at once when a language is chosen in the menu, and starts in it at the next launch", async () => {
    userDataDir = mkdtempSync(join(tmpdir(), "resetkit-main-language-"));
    const ar = translatorFor("ar");
    const { record } = await run(
      [{ type: "ready" }, { type: "choose-menu-item", label: LOCALE_NAMES.ar }, { type: "invoke", channel: IpcChannel.GetLocale }],
      ["en-US"],
    );
    expect(record.sent).toEqual([[IpcChannel.LocaleChanged, "ar"]]);
    expect(record.menus).toHaveLength(2);
    expect(labels(record.menus[1])).toContain(ar.t("app.menu.language"));
    expect(record.invoked).toEqual([{ ok: true, value: "ar" }]);
    expect(JSON.parse(readFileSync(join(userDataDir, "settings.json"), "utf8"))).toEqual({ locale: "ar" });

    const relaunch = await run([{ type: "ready" }], ["en-US"]);
    expect(languageItems(relaunch.record.menus[0], ar.t("app.menu.language"))?.find(([, checked]) => checked)).toEqual([LOCALE_NAMES.ar, true]);
  });

  it("offers the pseudo-locale in a development run only", async () => {
    userDataDir = mkdtempSync(join(tmpdir(), "resetkit-main-language-"));
    const language = translatorFor("en").t("app.menu.language");
    const installed = await run([{ type: "ready" }], ["en-US"]);
    const development = await run([{ type: "ready" }], ["en-US"], { STAND_IN_PACKAGED: "false" });
    expect(languageItems(installed.record.menus[0], language)?.map(([label]) => label)).not.toContain(LOCALE_NAMES[PSEUDO_LOCALE]);
    expect(languageItems(development.record.menus[0], language)?.map(([label]) => label)).toContain(LOCALE_NAMES[PSEUDO_LOCALE]);
  });
});

describe("an installed app built without a Worker URL", () => {
  it("refuses to start rather than talk to a local development Worker", async () => {
    const { record, output } = await runBuiltMain([], [{ type: "ready" }], { RESETKIT_API_URL: "http://127.0.0.1:8787" }, WITHOUT_URL_MAIN_BUNDLE);
    expect(record.exitCode).toBe(1);
    expect(record.windows).toEqual([]);
    expect(output).toContain("This build of ResetKit has no Worker URL; build it again with RESETKIT_API_URL set.");
    expect(record.errorBoxes).toEqual([
      ["ResetKit cannot start", "This build of ResetKit has no Worker URL; build it again with RESETKIT_API_URL set."],
    ]);
  });
});
