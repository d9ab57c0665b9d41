/**
 * The real preload `createApi`, bundled for a plain Chromium page. It stands where
 * desktop/src/preload/index.ts stands in the app, with one difference: instead of Electron's
 * ipcRenderer it gets a stand-in that forwards `invoke` to the test process (through a
 * Playwright binding) and receives main's messages from it. Everything between the page and
 * the main process's handlers is therefore the shipped code, including the preload's check of
 * what main sends.
 */
import { createApi, type IpcRendererLike } from "../../../desktop/src/preload/api.ts";

type Listener = (event: unknown, ...args: unknown[]) => void;

interface PreloadWindow {
  api: ReturnType<typeof createApi>;
  /** Exposed by the test process: runs main's handler for `channel` with `args`. */
  __resetkitIpcInvoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Called by the test process: main sends `payload` on `channel`, as webContents.send would. */
  __resetkitIpcSend(channel: string, payload: unknown): void;
}

const win = window as unknown as PreloadWindow;
const listeners = new Map<string, Set<Listener>>();

const ipcRenderer: IpcRendererLike = {
  invoke: (channel, ...args) => win.__resetkitIpcInvoke(channel, args),
  on(channel, listener) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
    return ipcRenderer;
  },
  removeListener(channel, listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

win.__resetkitIpcSend = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: "main" }, payload);
};
// contextBridge.exposeInMainWorld("api", api), without a second world to bridge.
win.api = Object.freeze(createApi(ipcRenderer));
