/**
 * Installers for the ResetKit desktop app: `npm run desktop:dist` (a release electron-vite
 * build, then electron-builder) writes them to desktop/dist/. Each one registers the app's URL
 * scheme, imported from shared/deep-link.ts so the installers, the app and the Worker's links
 * share one spelling of it:
 *   - macOS: `protocols` becomes CFBundleURLTypes / CFBundleURLSchemes in Info.plist;
 *   - Windows: the NSIS installer writes the HKCU\Software\Classes\<scheme> keys;
 *   - Linux: the .desktop entry gets `MimeType=x-scheme-handler/<scheme>;` and `Exec=... %U`
 *     (generated from `protocols`; listing it under linux.mimeTypes too would duplicate it).
 *
 * The Electron fuses turn off what a shipped app never needs and an attacker could use: running
 * the binary as plain Node, NODE_OPTIONS, --inspect, and loading app code from outside the
 * integrity-checked app.asar.
 *
 * @example
 * RESETKIT_API_URL=https://resetkit.example.com npm run desktop:dist
 * npx electron-builder --config desktop/electron-builder.config.ts --linux
 */
import type { Configuration } from "electron-builder";
import { DEFAULT_DEEP_LINK_SCHEME } from "../shared/deep-link.ts";

const config: Configuration = {
  appId: "dev.resetkit.desktop",
  productName: "ResetKit",
  copyright: "Copyright © ResetKit contributors",
  directories: {
    output: "desktop/dist",
    buildResources: "desktop/build",
  },
  // electron-vite bundles main, preload and renderer (with zod and shared/) into desktop/out,
  // so the app needs nothing from node_modules at run time.
  files: ["package.json", "desktop/out/**/*", "!**/node_modules/**/*"],
  extraMetadata: {
    main: "desktop/out/main/index.js",
    // Electron's Linux app_id; it must match the .desktop file so the window joins its launcher entry.
    desktopName: "resetkit.desktop",
  },
  asar: true,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The page is served over app://, so file:// pages need none of their old extra reach.
    grantFileProtocolExtraPrivileges: false,
  },
  protocols: [{ name: "ResetKit link", schemes: [DEFAULT_DEEP_LINK_SCHEME], role: "Viewer" }],
  mac: {
    target: "dmg",
    category: "public.app-category.utilities",
    hardenedRuntime: true,
  },
  dmg: { title: "ResetKit ${version}" },
  win: { target: "nsis" },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  linux: {
    target: ["AppImage", "deb"],
    category: "Utility",
    executableName: "resetkit",
    synopsis: "Recover your ResetKit account",
    desktop: { entry: { StartupNotify: "true" } },
  },
  deb: { packageCategory: "utils" },
};

export default config;
