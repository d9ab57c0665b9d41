/**
 * The preload script. It runs sandboxed and exposes exactly one object, `window.api`, through
 * `contextBridge`; the page never sees `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from "electron";
import { createApi } from "./api.ts";

const api = createApi(ipcRenderer);

contextBridge.exposeInMainWorld("api", api);
