/**
 * Receiving the app's deep links (`resetkit://reset-password?token=…`, `resetkit://verify-email?token=…`
 * and `resetkit://sign-in`, all spelled in shared/deep-link.ts) from the operating system. The app takes
 * the single-instance lock so a link clicked while it runs reaches the running copy, registers
 * itself for the scheme, and reads links from three places: argv at a cold start, the argv of a
 * second launch (Windows and Linux), and `open-url` (macOS). Each link is parsed strictly with
 * the shared parser; anything else is dropped without a trace, and the token is never logged.
 *
 * @example
 * const started = startDeepLinkProtocol({ app, process, scheme: "resetkit", onDeepLink, onSecondInstance });
 * if (!started.primary) return; // another copy runs and got our argv
 */
import { resolve } from "node:path";
import { findDeepLinkInArgv, parseDeepLink, type DeepLink } from "../../../shared/deep-link.ts";

/** The slice of Electron's `app` this module uses, so tests can pass a stand-in. */
export interface ProtocolApp {
  requestSingleInstanceLock(): boolean;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  whenReady(): Promise<unknown>;
  quit(): void;
  on(event: "second-instance", listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: "open-url", listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

/** The slice of `process` that matters: argv, and whether we run as `electron .` (defaultApp). */
export interface ProtocolProcess {
  argv: readonly string[];
  execPath: string;
  defaultApp?: boolean;
}

export interface DeepLinkProtocolOptions {
  app: ProtocolApp;
  process: ProtocolProcess;
  scheme: string;
  /** Called after `ready` with each valid link, in arrival order; `atLaunch` for the one on a cold start's command line. */
  onDeepLink(link: DeepLink, arrival: { atLaunch: boolean }): void;
  /** Called after `ready` whenever a second copy was launched, link or not, to bring the window forward. */
  onSecondInstance(): void;
}

/** Reads the first valid deep link from command-line arguments, or null. */
export function readDeepLinkFromArgv(argv: readonly unknown[], scheme: string): DeepLink | null {
  if (!Array.isArray(argv)) return null;
  const strings = argv.filter((arg): arg is string => typeof arg === "string");
  return findDeepLinkInArgv(strings, scheme);
}

/** Reads a deep link handed over by macOS `open-url`, or null. */
export function readDeepLinkFromUrl(url: unknown, scheme: string): DeepLink | null {
  return parseDeepLink(url, scheme);
}

/**
 * Registers the app as the handler for `scheme`. Run as `electron .` (process.defaultApp), the
 * OS must launch Electron with our app path as its first argument, or it would open a bare
 * Electron instead of ResetKit. The app path is the first argument that is not a flag, since
 * tools such as debuggers put flags before it.
 */
export function registerResetScheme(app: ProtocolApp, proc: ProtocolProcess, scheme: string): boolean {
  if (proc.defaultApp) {
    const appPath = proc.argv.slice(1).find((arg) => !arg.startsWith("-"));
    if (appPath === undefined) return false;
    return app.setAsDefaultProtocolClient(scheme, proc.execPath, [resolve(appPath)]);
  }
  return app.setAsDefaultProtocolClient(scheme);
}

/**
 * Takes the single-instance lock and starts listening for links. Returns `primary: false` (and
 * quits) when another copy already holds the lock; that copy receives our argv instead.
 */
export function startDeepLinkProtocol(options: DeepLinkProtocolOptions): { primary: boolean } {
  const { app, process: proc, scheme } = options;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false };
  }
  registerResetScheme(app, proc, scheme);

  // Links can arrive before `ready` (macOS sends open-url during launch); each delivery waits
  // for it, and promise callbacks keep the arrival order.
  const ready = app.whenReady();
  const deliverWhenReady = (link: DeepLink | null, atLaunch: boolean) => {
    if (link) void ready.then(() => options.onDeepLink(link, { atLaunch }));
  };

  // macOS hands even a launch link over by open-url; it counts as "at launch" until `ready`.
  let launching = true;
  void ready.then(() => (launching = false));
  app.on("open-url", (event, url) => {
    event.preventDefault();
    deliverWhenReady(readDeepLinkFromUrl(url, scheme), launching);
  });
  app.on("second-instance", (_event, argv) => {
    void ready.then(() => options.onSecondInstance());
    deliverWhenReady(readDeepLinkFromArgv(argv, scheme), false);
  });
  deliverWhenReady(readDeepLinkFromArgv(proc.argv, scheme), true);
  return { primary: true };
}
