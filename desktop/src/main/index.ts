/**
 * The main process: wires configuration, language, deep links, IPC and the window together. Each
 * concern lives in its own module (protocol.ts, renderer-protocol.ts, windows.ts, ipc.ts,
 * api-client.ts, language.ts, application-menu.ts); this file only connects them to Electron in
 * the order Electron requires.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type IpcMainInvokeEvent } from "electron";
import { fileURLToPath } from "node:url";
import { IpcChannel } from "../ipc/channels.ts";
import { createApiClient } from "./api-client.ts";
import { buildMenuTemplate } from "./application-menu.ts";
import { readDesktopConfig } from "./config.ts";
import { createDeepLinkInbox } from "./deep-link-inbox.ts";
import { createIpcHandlers, registerIpcHandlers } from "./ipc.ts";
import { createAppLanguage } from "./language.ts";
import { startDeepLinkProtocol } from "./protocol.ts";
import { createRendererHandler, registerRendererScheme, RENDERER_ENTRY_URL, RENDERER_SCHEME } from "./renderer-protocol.ts";
import { createSessionStore } from "./session-store.ts";
import { createMainWindow, focusWindow, hardenSession } from "./windows.ts";

const PRELOAD_PATH = fileURLToPath(new URL("../preload/index.cjs", import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL("../renderer/", import.meta.url));
// Baked in by electron.vite.config.ts; "" when a development build was made without one.
const BUILT_API_URL = typeof __RESETKIT_API_URL__ === "string" ? __RESETKIT_API_URL__ : "";

/** Starts the app; returns early when configuration is wrong or another copy is running. */
function startApp(): void {
  const configResult = readDesktopConfig(process.env, { packaged: app.isPackaged, builtApiUrl: BUILT_API_URL });
  if (!configResult.ok) {
    console.error(configResult.message);
    // An installed app has no terminal to print to; the person who opened it gets a dialog.
    if (app.isPackaged) dialog.showErrorBox("ResetKit cannot start", configResult.message);
    app.exit(1);
    return;
  }
  const { config } = configResult;
  // A separate profile lets end-to-end tests run their own single-instance group.
  const userDataDir = process.env.RESETKIT_USER_DATA_DIR;
  if (userDataDir) app.setPath("userData", userDataDir);
  const language = createAppLanguage({
    directory: app.getPath("userData"),
    systemLanguages: () => app.getPreferredSystemLanguages(),
    packaged: app.isPackaged,
  });

  // Privileged schemes can only be registered before `ready`. The policy and the page's handler
  // are registered first on `ready`, so they are in place before any callback opens a window.
  registerRendererScheme(protocol);
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(RENDERER_SCHEME, createRendererHandler(RENDERER_DIR));
  });

  const inbox = createDeepLinkInbox();
  let mainWindow: BrowserWindow | null = null;
  // Called only after `ready`. On macOS the app outlives its window, so a link may arrive with
  // no window open: it opens one rather than waiting for the dock icon to be clicked.
  const bringWindowForward = () => {
    if (!mainWindow || mainWindow.isDestroyed()) openMainWindow();
    else focusWindow(mainWindow);
  };

  const started = startDeepLinkProtocol({
    app,
    process,
    scheme: config.deepLinkScheme,
    onDeepLink(link, { atLaunch }) {
      inbox.deliver({ link, atLaunch });
      bringWindowForward();
    },
    onSecondInstance: bringWindowForward,
  });
  if (!started.primary) return;

  // The dev server URL is honoured only in development builds, never in a packaged app.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const handlers = createIpcHandlers<IpcMainInvokeEvent>({
    client: createApiClient({ baseUrl: config.apiBaseUrl, locale: language.current }),
    locale: language.current,
    // Read only once the renderer asks, after `ready`, when safeStorage can decrypt.
    sessions: createSessionStore({ directory: app.getPath("userData"), secrets: safeStorage }),
    trustedRendererUrl: devServerUrl ?? RENDERER_ENTRY_URL,
    subscribeDeepLinks(event) {
      const contents = event.sender;
      inbox.subscribe((arrival) => {
        if (!contents.isDestroyed()) contents.send(IpcChannel.DeepLink, arrival);
      });
    },
  });

  function openMainWindow(): void {
    const window = createMainWindow(
      { BrowserWindow, openExternal: (url) => shell.openExternal(url) },
      { preloadPath: PRELOAD_PATH, rendererUrl: devServerUrl ?? RENDERER_ENTRY_URL },
    );
    // A reload drops the page's listener; links wait in the inbox until the new page subscribes.
    window.webContents.on("did-start-loading", () => inbox.unsubscribe());
    window.webContents.on("render-process-gone", () => inbox.unsubscribe());
    window.on("closed", () => {
      inbox.unsubscribe();
      mainWindow = null;
    });
    mainWindow = window;
  }

  // Rebuilt in the new language at each choice; the page re-renders on `LocaleChanged`.
  const showMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          locale: language.current(),
          offered: language.offered,
          platform: process.platform,
          packaged: app.isPackaged,
          onChooseLocale: language.choose,
        }),
      ),
    );
  language.onChange((locale) => {
    showMenu();
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IpcChannel.LocaleChanged, locale);
  });

  registerIpcHandlers(ipcMain, handlers);
  void app.whenReady().then(() => {
    showMenu();
    // A cold-start link may already have opened the window (its callback runs first).
    if (!mainWindow) openMainWindow();
  });
  app.on("activate", () => {
    if (app.isReady() && !mainWindow) openMainWindow();
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
}

startApp();
