/**
 * The desktop app as the Node suites' global setup built it (test/support/desktop-build.global.ts,
 * with electron-vite, no Electron binary needed), and a runner for its main bundle under plain
 * Node on the Electron stand-in, for tests of the wiring in index.ts.
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../support/wrangler-dev.ts";

export const MAIN_BUNDLE = join(ROOT, "desktop/out/main/index.js");
export const PRELOAD_BUNDLE = join(ROOT, "desktop/out/preload/index.cjs");
export const RENDERER_HTML = join(ROOT, "desktop/out/renderer/index.html");

/** The Worker URL the test build bakes in, as a release build would. */
export const BUILT_API_URL = "https://resetkit.example.com";

/** Where the second main bundle, built without a Worker URL, goes. */
export const WITHOUT_URL_OUT_DIR = join(ROOT, "node_modules/.cache/resetkit-desktop-without-url");
export const WITHOUT_URL_MAIN_BUNDLE = join(WITHOUT_URL_OUT_DIR, "main/index.js");

export type RunStep =
  | { type: "ready" }
  | { type: "subscribe" }
  | { type: "second-instance"; argv: string[] }
  | { type: "open-url"; url: string }
  | { type: "window-open"; url: string }
  | { type: "fetch"; url: string }
  /** The page invokes `channel` without a payload; the answer goes to `invoked`. */
  | { type: "invoke"; channel: string }
  /** A click on the menu item labelled `label`, one level down (such as a language). */
  | { type: "choose-menu-item"; label: string };

/** A menu item as the stand-in recorded it: what Electron would draw, without its click handler. */
export interface MenuItemRecord {
  label?: string;
  role?: string;
  type?: string;
  checked?: boolean;
  submenu?: MenuItemRecord[];
}

export interface MainRunRecord {
  registeredSchemes: unknown[][];
  windows: { options: { webPreferences: Record<string, unknown> }; loaded: { file?: string; url?: string } | null }[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  handledSchemes: string[];
  errorBoxes: [string, string][];
  fetched?: { url: string; status: number; contentType: string | null; csp: string | null; body: string }[];
  sent: [string, unknown][];
  openedExternally: string[];
  permissionHandlers: number;
  focused: number;
  quit: boolean;
  exitCode: number | null;
  userDataPath: string | null;
  ipcChannels: string[];
  subscribeResult?: unknown;
  windowOpenAnswer?: unknown;
  /** Every application menu set, in order. */
  menus: MenuItemRecord[][];
  invoked?: unknown[];
}

export interface MainRun {
  record: MainRunRecord;
  /** Everything the process wrote to stdout and stderr. */
  output: string;
}

/** Runs the built main process (`bundle`) with `args` and `env`, playing `steps`. */
export function runBuiltMain(args: string[], steps: RunStep[], env: Record<string, string> = {}, bundle = MAIN_BUNDLE): Promise<MainRun> {
  const runner = join(ROOT, "test/desktop/support/electron-stand-in/run-main.mjs");
  const child = fork(runner, [bundle, ...args], {
    env: { ...process.env, ...env, RUN_STEPS: JSON.stringify(steps) },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    let record: MainRunRecord | null = null;
    child.on("message", (message) => (record = message as MainRunRecord));
    child.on("exit", (code) => {
      if (record) resolve({ record, output });
      else reject(new Error(`the main process exited (${code}) without a record:\n${output}`));
    });
  });
}
