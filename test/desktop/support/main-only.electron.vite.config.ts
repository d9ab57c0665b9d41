/**
 * The app's own electron-vite config with only its main process, for a second main bundle
 * built with other settings (see test/support/desktop-build.global.ts).
 */
import { defineConfig } from "electron-vite";
import appConfig from "../../../desktop/electron.vite.config.ts";

export default defineConfig((env) => ({ main: appConfig(env).main }));
