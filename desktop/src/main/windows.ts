/**
 * The app's one window and its guard rails, following Electron's security checklist: an
 * isolated, sandboxed renderer without Node, no navigation away from the bundled page, no new
 * windows (https links open in the system browser instead), and every permission refused.
 * The decisions are plain functions so they can be tested without Electron.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebPreferences } from "electron";
import { APP_NAME } from "../app-name.ts";

export type OpenExternal = (url: string) => unknown;

/** The webPreferences of the main window; the values are the point, so they are spelled out. */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Returns the URL when it is an https link that may open in the system browser, else null. */
export function readExternalHttpsUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password) return null;
  return url.href;
}

/** `setWindowOpenHandler`: never opens an Electron window; https links go to the browser. */
export function decideWindowOpen(details: { url: string }, openExternal: OpenExternal): { action: "deny" } {
  const external = readExternalHttpsUrl(details.url);
  if (external) void openExternal(external);
  return { action: "deny" };
}

/** `will-navigate`: the page never leaves the bundle; an https link opens in the browser. */
export function preventNavigation(event: { preventDefault(): void }, url: string, openExternal: OpenExternal): void {
  event.preventDefault();
  const external = readExternalHttpsUrl(url);
  if (external) void openExternal(external);
}

/** Permission requests (camera, notifications, …) are refused: the app needs none. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Applies the permission policy to a session. */
export function hardenSession(session: Pick<Session, "setPermissionRequestHandler" | "setPermissionCheckHandler">): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(() => false);
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  openExternal: OpenExternal;
}

export interface MainWindowOptions {
  preloadPath: string;
  /** What to load: app://resetkit/index.html, or the dev server's URL. */
  rendererUrl: string;
}

/** Creates the main window with the guards installed before anything loads. */
export function createMainWindow(deps: MainWindowDeps, options: MainWindowOptions): BrowserWindow {
  const window = new deps.BrowserWindow({
    width: 480,
    height: 680,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: APP_NAME,
    autoHideMenuBar: true,
    webPreferences: buildWebPreferences(options.preloadPath),
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler((details) => decideWindowOpen(details, deps.openExternal));
  contents.on("will-navigate", (event, url) => preventNavigation(event, url, deps.openExternal));
  contents.on("will-attach-webview", (event) => event.preventDefault());
  window.once("ready-to-show", () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}

/** Brings the window to the front, restoring it if minimised (a link was just opened). */
export function focusWindow(window: Pick<BrowserWindow, "isMinimized" | "restore" | "show" | "focus">): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
