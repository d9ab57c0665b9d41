/**
 * What the desktop renderer suites need to run the real React app in Chromium without
 * Electron: a Worker, a Chromium and a tiny static server for the renderer the global setup built
 * (`useRendererSuite`, test/support/desktop-build.global.ts), and a bridge in place of Electron's IPC. The page gets the real preload `createApi` (bundled from
 * desktop/src/preload/api.ts) over a stand-in ipcRenderer; each invoke crosses to this Node
 * process, where the main process's own `registerIpcHandlers`, IPC handlers, API client and
 * deep-link inbox run against the live `wrangler dev` Worker. The bridge speaks a language as
 * main does: it answers `getLocale`, sends `Accept-Language` with every call, and can announce a
 * change the way the Language menu does.
 */
import { createReadStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach } from "vitest";
import { build, type Rollup } from "vite";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { createApiClient } from "../../../desktop/src/main/api-client.ts";
import { createDeepLinkInbox, type DeepLinkInbox } from "../../../desktop/src/main/deep-link-inbox.ts";
import { createIpcHandlers, registerIpcHandlers, type IpcSenderEvent } from "../../../desktop/src/main/ipc.ts";
import { createSessionStore, type SessionStore } from "../../../desktop/src/main/session-store.ts";
import type { Locale } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { useWorkerAndBrowser, type WorkerAndBrowser } from "../../support/browser-page.ts";
import { readNewestMailMatching } from "../../support/dev-mailbox.ts";
import { ROOT, type StartWorkerOptions } from "../../support/wrangler-dev.ts";

export { findAxeViolations } from "../../support/browser-page.ts";
export { countMail, createAccount, readMailWithSubject } from "../../support/dev-mailbox.ts";

export const RENDERER_DIR = join(ROOT, "desktop/out/renderer");
export const SCREENSHOT_DIR = join(ROOT, "test-results/screenshots/desktop");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on a free loopback port; only files inside it, nothing listed. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    const info = file.startsWith(dir + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface TestBridge {
  /** The main process's inbox: deliver a parsed link here, as protocol.ts would. */
  inbox: DeepLinkInbox;
  /** Every channel the page invoked, in order (payloads left out: they hold passwords). */
  invokedChannels: string[];
  /** Sends a raw message from "main" to the page, as webContents.send would. */
  sendFromMain(channel: string, payload: unknown): Promise<void>;
  /** Switches main's language and tells the page, as choosing it in the Language menu does. */
  chooseLocale(locale: Locale): Promise<void>;
}

let preloadBundle: Promise<string> | undefined;

/** Bundles test/e2e/desktop/preload-in-page.ts (the real createApi) into one classic script. */
function bundlePreloadForPage(): Promise<string> {
  preloadBundle ??= build({
    configFile: false,
    logLevel: "warn",
    mode: "production",
    build: {
      write: false,
      minify: false,
      lib: { entry: join(ROOT, "test/e2e/desktop/preload-in-page.ts"), formats: ["iife"], name: "ResetKitPreload" },
    },
  }).then((result) => {
    const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
    const chunk = output.output.find((item) => item.type === "chunk");
    if (!chunk) throw new Error("bundling the preload for the page produced no script");
    return chunk.code;
  });
  return preloadBundle;
}

/**
 * Installs the real preload `api` in `page` before its scripts run. `rendererUrl` is the page
 * the handlers trust, exactly as main trusts app://resetkit/index.html. `sessions` is main's
 * session store; give one over a folder to play a relaunch of the app. `locale` is the language
 * main starts in (English by default), as if the system or the menu had chosen it.
 */
export async function installTestBridge(
  page: Page,
  options: { apiBaseUrl: string; rendererUrl: string; sessions?: SessionStore; locale?: Locale },
): Promise<TestBridge> {
  let locale: Locale = options.locale ?? "en";
  const inbox = createDeepLinkInbox();
  const invokedChannels: string[] = [];
  const sendFromMain = async (channel: string, payload: unknown) => {
    await page.evaluate(([name, sent]) => (window as unknown as PageWindow).__resetkitIpcSend(name as string, sent), [channel, payload]);
  };
  const handlers = createIpcHandlers<IpcSenderEvent>({
    client: createApiClient({ baseUrl: options.apiBaseUrl, locale: () => locale }),
    locale: () => locale,
    sessions: options.sessions ?? createSessionStore(),
    trustedRendererUrl: options.rendererUrl,
    subscribeDeepLinks: () => inbox.subscribe((link) => void sendFromMain(IpcChannel.DeepLink, link)),
  });
  // main's own registration, on a stand-in ipcMain that keeps the listeners for the binding.
  const ipcMainListeners = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => unknown>();
  registerIpcHandlers<IpcSenderEvent>({ handle: (channel, listener) => ipcMainListeners.set(channel, listener) }, handlers);

  await page.exposeBinding("__resetkitIpcInvoke", async (source, channel: string, args: unknown[]) => {
    invokedChannels.push(channel);
    const listener = ipcMainListeners.get(channel);
    // Electron answers an invoke on a channel without a handler with a rejected promise.
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    // The sender is the real frame that called, so the handlers' sender check runs for real.
    return listener({ senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() } }, ...args);
  });
  await page.addInitScript({ content: await bundlePreloadForPage() });
  const chooseLocale = async (next: Locale) => {
    locale = next;
    await sendFromMain(IpcChannel.LocaleChanged, next);
  };
  return { inbox, invokedChannels, sendFromMain, chooseLocale };
}

interface PageWindow {
  __resetkitIpcSend(channel: string, payload: unknown): void;
}

export interface OpenAppOptions {
  /** Where main keeps a sign-in; by default the bridge's own, empty. */
  sessions?: SessionStore;
  /** The heading of the screen the app opens on; Sign in by default. */
  firstScreen?: string;
  /** The language main speaks, as the system or the Language menu chose it. */
  locale?: Locale;
  /** Puts the page's timers on Playwright's clock, for cooldowns. */
  fakeClock?: boolean;
}

export interface RendererSuite extends WorkerAndBrowser {
  /** Opens the app in a window-sized page with the test bridge in place of the preload; the page closes after the test. */
  openApp(options?: OpenAppOptions): Promise<{ page: Page; bridge: TestBridge }>;
}

/**
 * What every renderer suite starts: a `wrangler dev` (with `options`), a Chromium and a server
 * for the built renderer, side by side before the suite, stopped after it.
 */
export function useRendererSuite(options?: StartWorkerOptions): RendererSuite {
  let renderer: StaticServer | undefined;
  let opened: Page | undefined;
  // The app was built once for the run (test/support/desktop-build.global.ts).
  const suite = useWorkerAndBrowser(options, async () => {
    renderer = await serveStatic(RENDERER_DIR);
  });
  afterEach(async () => {
    await opened?.context().close();
    opened = undefined;
  });
  afterAll(async () => {
    await renderer?.close();
  });
  return {
    get worker() {
      return suite.worker;
    },
    get browser() {
      return suite.browser;
    },
    async openApp({ sessions, firstScreen, locale = "en", fakeClock = false } = {}) {
      if (!renderer) throw new Error("the renderer is not served yet: open the app inside a test");
      const context = await suite.browser.newContext({ viewport: { width: 480, height: 720 } });
      const page = await context.newPage();
      opened = page;
      if (fakeClock) await page.clock.install();
      const rendererUrl = `${renderer.url}/index.html`;
      const bridge = await installTestBridge(page, { apiBaseUrl: suite.worker.url, rendererUrl, locale, ...(sessions ? { sessions } : {}) });
      await page.goto(rendererUrl);
      await page.getByRole("heading", { name: firstScreen ?? translatorFor(locale).t("signIn.title") }).waitFor();
      return { page, bridge };
    },
  };
}

/** Waits for the newest email to `email` carrying a desktop reset link, and returns the link. */
export function readDeepLinkFromMail(baseUrl: string, email: string, notBefore = 0, timeoutMs = 15_000): Promise<string> {
  return readNewestMailMatching(baseUrl, email, /resetkit:\/\/reset-password\?token=[\w-]{43}/, notBefore, timeoutMs);
}

/** Waits for the email confirming a sign-up made in the app, and returns its `verify-email` deep link. */
export function readVerifyEmailLinkFromMail(baseUrl: string, email: string, timeoutMs = 15_000): Promise<string> {
  return readNewestMailMatching(baseUrl, email, /resetkit:\/\/verify-email\?token=[\w-]{43}/, 0, timeoutMs);
}

/** Saves a screenshot of the window-sized page under test-results/screenshots/desktop/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** What has keyboard focus, as "TAG text". */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName} ${element.textContent?.trim() ?? ""}`.trim() : "";
  });
}

/** Where a heading's words sit in the card: how far they are from its left and right inner edges, in pixels. */
export function measureHeadingInCard(page: Page): Promise<{ fromLeft: number; fromRight: number }> {
  return page.evaluate(() => {
    const heading = document.querySelector(".card h1");
    const card = document.querySelector(".card");
    if (!heading || !card) throw new Error("no heading in the card");
    // The words, not the block: a heading's box spans the card whichever way its text runs.
    const range = document.createRange();
    range.selectNodeContents(heading);
    const words = range.getBoundingClientRect();
    const box = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    return {
      fromLeft: Math.round(words.left - (box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth))),
      fromRight: Math.round(box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) - words.right),
    };
  });
}

/**
 * The words a person meets on the page that are still plain ASCII (no accented pseudo-locale
 * letter), once the values that are meant to stay as they are (`allowed`: addresses, codes, the
 * app's name) are taken out. Visible text, and the names read out (aria-label) and shown in
 * empty fields (placeholder).
 */
export async function findPlainAsciiWords(page: Page, allowed: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate(() => [
    document.body.innerText,
    ...[...document.querySelectorAll("[aria-label], [placeholder]")].flatMap((element) => [
      element.getAttribute("aria-label") ?? "",
      element.getAttribute("placeholder") ?? "",
    ]),
  ]);
  let text = texts.join("\n");
  for (const value of allowed) text = text.split(value).join(" ");
  return text.match(/[A-Za-z]+/g) ?? [];
}
