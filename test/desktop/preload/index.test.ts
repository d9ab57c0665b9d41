import { readFile } from "node:fs/promises";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { PRELOAD_BUNDLE } from "../support/built-desktop-app.ts";

// What a sandboxed preload may require, per Electron's sandbox documentation.
const SANDBOX_MODULES = new Set(["electron", "events", "timers", "url"]);

describe("the built preload script", () => {
  let source: string;

  beforeAll(async () => {
    source = await readFile(PRELOAD_BUNDLE, "utf8");
  });

  /** Runs the bundle as Electron's sandbox would: CommonJS, with only the sandbox's modules. */
  function runSandboxed() {
    const required: string[] = [];
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (!SANDBOX_MODULES.has(name)) throw new Error(`a sandboxed preload cannot require ${name}`);
      return name === "electron" ? electron : {};
    };
    const module = { exports: {} };
    runInNewContext(source, { require: sandboxRequire, module, exports: module.exports });
    return { required, exposed, invoked };
  }

  it("is one CommonJS file that needs nothing outside the sandbox", () => {
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(runSandboxed().required).toEqual(["electron"]);
  });

  it("exposes exactly one object, `api`, with the fourteen documented functions", () => {
    const { exposed } = runSandboxed();
    expect(Object.keys(exposed)).toEqual(["api"]);
    expect(Object.keys(exposed.api ?? {}).sort()).toEqual(
      [
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
      ].sort(),
    );
  });

  it("sends each call on its IPC channel", async () => {
    const { exposed, invoked } = runSandboxed();
    await (exposed.api?.me as () => Promise<unknown>)();
    expect(invoked).toEqual([[IpcChannel.Me]]);
  });
});
