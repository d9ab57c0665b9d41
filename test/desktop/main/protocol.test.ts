import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeepLink } from "../../../shared/deep-link.ts";
import {
  readDeepLinkFromArgv,
  readDeepLinkFromUrl,
  startDeepLinkProtocol,
} from "../../../desktop/src/main/protocol.ts";
import { StandInElectronApp } from "../support/stand-in-electron-app.ts";

const SCHEME = "resetkit";
const TOKEN = randomBytes(32).toString("base64url");
const OTHER_TOKEN = randomBytes(32).toString("base64url");
const LINK = `resetkit://reset-password?token=${TOKEN}`;
const LINUX_EXE = "/opt/ResetKit/resetkit";
const WINDOWS_EXE = "C:\\Program Files\\ResetKit\\ResetKit.exe";

/** Every way a link can be wrong; each must be dropped. */
const MALFORMED_LINKS: [string, unknown][] = [
  ["another host", `resetkit://evil.example?token=${TOKEN}`],
  ["the host in capitals", `resetkit://RESET-PASSWORD?token=${TOKEN}`],
  ["a path after the host", `resetkit://reset-password/extra?token=${TOKEN}`],
  ["a path instead of the host", `resetkit:///reset-password?token=${TOKEN}`],
  ["no slashes after the scheme", `resetkit:reset-password?token=${TOKEN}`],
  ["an extra query parameter", `resetkit://reset-password?token=${TOKEN}&next=https://evil.example`],
  ["the token given twice", `resetkit://reset-password?token=${TOKEN}&token=${OTHER_TOKEN}`],
  ["a trailing ampersand", `resetkit://reset-password?token=${TOKEN}&`],
  ["the parameter name in capitals", `resetkit://reset-password?TOKEN=${TOKEN}`],
  ["a fragment", `resetkit://reset-password?token=${TOKEN}#fragment`],
  ["an empty fragment", `resetkit://reset-password?token=${TOKEN}#`],
  ["credentials", `resetkit://user:pass@reset-password?token=${TOKEN}`],
  ["a user name only", `resetkit://user@reset-password?token=${TOKEN}`],
  ["a port", `resetkit://reset-password:8443?token=${TOKEN}`],
  ["no query at all", "resetkit://reset-password"],
  ["an empty token", "resetkit://reset-password?token="],
  ["a token one character short", `resetkit://reset-password?token=${TOKEN.slice(1)}`],
  ["a token one character long", `resetkit://reset-password?token=${TOKEN}A`],
  ["a token with a '+' from standard base64", `resetkit://reset-password?token=${TOKEN.slice(1)}+`],
  ["a token with a '.'", `resetkit://reset-password?token=${TOKEN.slice(1)}.`],
  ["a percent-encoded token", `resetkit://reset-password?token=${[...TOKEN].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("")}`],
  ["an https link", `https://reset-password?token=${TOKEN}`],
  ["another scheme", `otherapp://reset-password?token=${TOKEN}`],
  ["a scheme that only starts like ours", `resetkitx://reset-password?token=${TOKEN}`],
  ["a link longer than any real one", `resetkit://reset-password/${"a".repeat(600)}?token=${TOKEN}`],
  ["a leading space", ` ${LINK}`],
  ["a newline inside the host", `resetkit://reset-pass\nword?token=${TOKEN}`],
  ["a tab inside the token", `resetkit://reset-password?token=${TOKEN.slice(0, 20)}\t${TOKEN.slice(20)}`],
  ["a NUL byte after the token", `resetkit://reset-password?token=${TOKEN}%00`],
  ["an empty string", ""],
  ["not a URL", "reset my password please"],
  ["a number instead of a string", 42],
  ["nothing", undefined],
];

describe("reading a reset link", () => {
  it("reads the token from a well-formed link", () => {
    expect(readDeepLinkFromUrl(LINK, SCHEME)).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("reads the sign-in link the Worker's 'password changed' page offers", () => {
    expect(readDeepLinkFromUrl("resetkit://sign-in", SCHEME)).toEqual({ kind: "sign-in" });
    expect(readDeepLinkFromArgv([WINDOWS_EXE, "--secondary", "resetkit://sign-in/"], SCHEME)).toEqual({ kind: "sign-in" });
  });

  it.each([
    ["a query", `resetkit://sign-in?token=${TOKEN}`],
    ["an empty query", "resetkit://sign-in?"],
    ["a path", "resetkit://sign-in/evil"],
    ["a fragment", "resetkit://sign-in#next"],
    ["credentials", "resetkit://user@sign-in"],
  ])("drops a sign-in link with %s", (_case, link) => {
    expect(readDeepLinkFromUrl(link, SCHEME)).toBeNull();
  });

  it("accepts the trailing slash Windows adds after the host", () => {
    expect(readDeepLinkFromUrl(`resetkit://reset-password/?token=${TOKEN}`, SCHEME)).toEqual({
      kind: "reset-password",
      token: TOKEN,
    });
  });

  it.each(MALFORMED_LINKS)("drops a link with %s", (_case, link) => {
    expect(readDeepLinkFromUrl(link, SCHEME)).toBeNull();
    expect(readDeepLinkFromArgv([LINUX_EXE, link], SCHEME)).toBeNull();
  });

  it("finds the link in a Windows argv full of Chromium flags", () => {
    const argv = [
      WINDOWS_EXE,
      "--allow-file-access-from-files",
      "--original-process-start-time=13379876543210987",
      "--secondary",
      `resetkit://reset-password/?token=${TOKEN}`,
    ];
    expect(readDeepLinkFromArgv(argv, SCHEME)).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("finds the link when run in development as `electron . <link>`", () => {
    expect(readDeepLinkFromArgv(["/repo/node_modules/electron/dist/electron", ".", LINK], SCHEME)).toEqual({
      kind: "reset-password",
      token: TOKEN,
    });
  });

  it("skips a malformed link and takes the valid one after it", () => {
    const argv = [LINUX_EXE, `resetkit://evil.example?token=${OTHER_TOKEN}`, LINK];
    expect(readDeepLinkFromArgv(argv, SCHEME)).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("finds nothing in an ordinary launch", () => {
    expect(readDeepLinkFromArgv([LINUX_EXE, "--enable-logging"], SCHEME)).toBeNull();
  });

  it("honours a custom scheme and refuses the default one then", () => {
    expect(readDeepLinkFromArgv([LINUX_EXE, `acme-reset://reset-password?token=${TOKEN}`], "acme-reset")).toEqual({
      kind: "reset-password",
      token: TOKEN,
    });
    expect(readDeepLinkFromArgv([LINUX_EXE, LINK], "acme-reset")).toBeNull();
  });
});

describe("starting the deep-link protocol", () => {
  let app: StandInElectronApp;
  let delivered: DeepLink[];
  let arrivals: boolean[];
  let secondInstances: number;
  const logSpies: ReturnType<typeof vi.spyOn>[] = [];

  const start = (argv: string[], options: { defaultApp?: boolean; execPath?: string } = {}) =>
    startDeepLinkProtocol({
      app,
      process: { argv, execPath: options.execPath ?? LINUX_EXE, defaultApp: options.defaultApp ?? false },
      scheme: SCHEME,
      onDeepLink: (link, { atLaunch }) => {
        delivered.push(link);
        arrivals.push(atLaunch);
      },
      onSecondInstance: () => (secondInstances += 1),
    });

  beforeEach(() => {
    app = new StandInElectronApp();
    delivered = [];
    arrivals = [];
    secondInstances = 0;
    for (const method of ["log", "info", "warn", "error", "debug"] as const) logSpies.push(vi.spyOn(console, method));
  });

  afterEach(() => {
    // Nothing in the link handling writes anything anywhere, so the token cannot leak into a log.
    for (const spy of logSpies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    logSpies.length = 0;
  });

  it("registers the packaged app as the handler of the scheme", () => {
    expect(start([LINUX_EXE])).toEqual({ primary: true });
    expect(app.registeredSchemes).toEqual([{ protocol: SCHEME }]);
  });

  it("registers `electron <app path>` as the handler when run in development", () => {
    const electron = "/repo/node_modules/electron/dist/electron";
    start([electron, "."], { defaultApp: true, execPath: electron });
    expect(app.registeredSchemes).toEqual([{ protocol: SCHEME, path: electron, args: [resolve(".")] }]);
  });

  it("skips flags such as --inspect to find the app path in development", () => {
    const electron = "/repo/node_modules/electron/dist/electron";
    start([electron, "--inspect=0", "--remote-debugging-port=0", "/repo", LINK], { defaultApp: true, execPath: electron });
    expect(app.registeredSchemes).toEqual([{ protocol: SCHEME, path: electron, args: ["/repo"] }]);
  });

  it("quits without registering or delivering anything when another copy holds the lock", async () => {
    app = new StandInElectronApp(false);
    expect(start([LINUX_EXE, LINK])).toEqual({ primary: false });
    await app.becomeReady();
    expect(app.quitCalled).toBe(true);
    expect(app.registeredSchemes).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it("delivers a cold-start link only once the app is ready", async () => {
    start([LINUX_EXE, LINK]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toEqual([]);
    await app.becomeReady();
    expect(delivered).toEqual([{ kind: "reset-password", token: TOKEN }]);
  });

  it("delivers a link from a second launch and brings the window forward", async () => {
    start([LINUX_EXE]);
    await app.becomeReady();
    await app.launchSecondInstance([WINDOWS_EXE, "--allow-file-access-from-files", `resetkit://reset-password/?token=${OTHER_TOKEN}`]);
    expect(secondInstances).toBe(1);
    expect(delivered).toEqual([{ kind: "reset-password", token: OTHER_TOKEN }]);
  });

  it("brings the window forward but delivers nothing when a second launch carries a bad link", async () => {
    start([LINUX_EXE]);
    await app.becomeReady();
    await app.launchSecondInstance([LINUX_EXE, `resetkit://reset-password?token=${TOKEN}#x`]);
    expect(secondInstances).toBe(1);
    expect(delivered).toEqual([]);
  });

  it("takes over a macOS open-url before ready and delivers it after", async () => {
    start([LINUX_EXE]);
    expect(await app.openUrl(LINK)).toBe(true);
    expect(delivered).toEqual([]);
    await app.becomeReady();
    expect(delivered).toEqual([{ kind: "reset-password", token: TOKEN }]);
  });

  it("delivers a sign-in link from a second launch", async () => {
    start([LINUX_EXE]);
    await app.becomeReady();
    await app.launchSecondInstance([LINUX_EXE, "resetkit://sign-in"]);
    expect(delivered).toEqual([{ kind: "sign-in" }]);
  });

  it("drops a malformed macOS open-url silently", async () => {
    start([LINUX_EXE]);
    await app.becomeReady();
    expect(await app.openUrl(`resetkit://reset-password?token=${TOKEN}&next=https://evil.example`)).toBe(true);
    expect(delivered).toEqual([]);
  });

  it("marks the links of the launch itself (argv, and macOS open-url before ready) as at launch, and later ones not", async () => {
    start([LINUX_EXE, LINK]);
    await app.openUrl(`resetkit://reset-password?token=${OTHER_TOKEN}`);
    await app.becomeReady();
    await app.openUrl(LINK);
    await app.launchSecondInstance([LINUX_EXE, `resetkit://reset-password?token=${OTHER_TOKEN}`]);
    expect(arrivals).toEqual([true, true, false, false]);
  });

  it("keeps the arrival order of links that come in before ready", async () => {
    start([LINUX_EXE, LINK]);
    await app.openUrl(`resetkit://reset-password?token=${OTHER_TOKEN}`);
    await app.becomeReady();
    expect(delivered).toEqual([
      { kind: "reset-password", token: TOKEN },
      { kind: "reset-password", token: OTHER_TOKEN },
    ]);
  });
});
