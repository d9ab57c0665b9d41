/**
 * What the desktop renderer suite needs to run the real React app in Chromium without
 * Electron: a build of the renderer, a tiny static server for it, and a test bridge that stands
 * where the preload would. The bridge defines `window.api` with the preload's shape and sends
 * each call to the main process's own IPC handlers, API client and deep-link inbox, running
 * here in Node against the live `wrangler dev` Worker.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { createReadStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";
import { rendererConfig } from "../../../desktop/electron.vite.config.ts";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { createApiClient } from "../../../desktop/src/main/api-client.ts";
import { createDeepLinkInbox, type DeepLinkInbox } from "../../../desktop/src/main/deep-link-inbox.ts";
import { createIpcHandlers, type IpcSenderEvent } from "../../../desktop/src/main/ipc.ts";
import { createSessionStore } from "../../../desktop/src/main/session-store.ts";
import { ROOT } from "../../support/wrangler-dev.ts";

export const RENDERER_DIR = join(ROOT, "desktop/out/renderer");
export const SCREENSHOT_DIR = join(ROOT, "test-results/screenshots/desktop");

/** Builds the renderer exactly as electron-vite does, into desktop/out/renderer. */
export async function buildRenderer(): Promise<void> {
  await build({ ...rendererConfig, configFile: false, logLevel: "warn", mode: "production" });
}

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
}

/**
 * Installs `window.api` in `page` before its scripts run. `rendererUrl` is the page the
 * handlers trust, exactly as main trusts the bundled index.html.
 */
export async function installTestBridge(page: Page, options: { apiBaseUrl: string; rendererUrl: string }): Promise<TestBridge> {
  const inbox = createDeepLinkInbox();
  const invokedChannels: string[] = [];
  const handlers = createIpcHandlers<IpcSenderEvent>({
    client: createApiClient({ baseUrl: options.apiBaseUrl }),
    sessions: createSessionStore(),
    trustedRendererUrl: options.rendererUrl,
    subscribeDeepLinks: () =>
      inbox.subscribe((link) => {
        void page.evaluate((sent) => (window as unknown as TestWindow).__resetkitSendDeepLink(sent), link);
      }),
  });

  await page.exposeBinding("__resetkitInvoke", async (source, channel: string, payload: unknown) => {
    invokedChannels.push(channel);
    const handler = handlers[channel as keyof typeof handlers];
    if (!handler) throw new Error(`the page invoked an unknown channel: ${channel}`);
    // The sender is the real frame that called, so the handlers' sender check runs for real.
    return handler({ senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() } }, payload);
  });
  await page.addInitScript((channels: typeof IpcChannel) => {
    const win = window as unknown as TestWindow;
    const listeners = new Set<(link: unknown) => void>();
    const invoke = (channel: string, payload?: unknown) => win.__resetkitInvoke(channel, payload);
    win.__resetkitSendDeepLink = (link) => listeners.forEach((listener) => listener(link));
    win.api = {
      requestReset: (request: unknown) => invoke(channels.RequestReset, request),
      verifyToken: (request: unknown) => invoke(channels.VerifyToken, request),
      confirmReset: (request: unknown) => invoke(channels.ConfirmReset, request),
      redeemResetCode: (request: unknown) => invoke(channels.RedeemResetCode, request),
      signIn: (request: unknown) => invoke(channels.SignIn, request),
      signOut: () => invoke(channels.SignOut),
      me: () => invoke(channels.Me),
      onDeepLink(callback: (link: unknown) => void) {
        listeners.add(callback);
        void invoke(channels.SubscribeDeepLinks);
        return () => listeners.delete(callback);
      },
    };
  }, IpcChannel);
  return { inbox, invokedChannels };
}

interface TestWindow {
  api: unknown;
  __resetkitInvoke(channel: string, payload?: unknown): Promise<unknown>;
  __resetkitSendDeepLink(link: unknown): void;
}

interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** Waits for the newest email to `email` carrying a desktop deep link, and returns the link. */
export async function readDeepLinkFromMail(baseUrl: string, email: string, notBefore = 0, timeoutMs = 15_000): Promise<string> {
  const pattern = /resetkit:\/\/reset-password\?token=[\w-]{43}/;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/dev/mailbox.json?to=${encodeURIComponent(email)}`);
    const { messages } = (await response.json()) as { messages: MailboxMessage[] };
    if (messages.length > notBefore) {
      const match = pattern.exec(messages[0]?.text ?? "");
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no email with a desktop deep link reached ${email}`);
}

/** How many emails the dev mailbox holds for an address. */
export async function countMail(baseUrl: string, email: string): Promise<number> {
  const response = await fetch(`${baseUrl}/dev/mailbox.json?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: unknown[] }).messages.length;
}

/** Registers an account through the public API. */
export async function createAccount(baseUrl: string, email: string, password: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`creating ${email} answered ${response.status}`);
}

/** Saves a screenshot of the window-sized page under test-results/screenshots/desktop/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Runs axe (WCAG 2 A and AA) and returns its violations in a readable form. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

/** What has keyboard focus, as "TAG text". */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName} ${element.textContent?.trim() ?? ""}`.trim() : "";
  });
}
