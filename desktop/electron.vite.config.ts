/**
 * How electron-vite builds the app: the main process (ESM), the sandboxed preload (one
 * self-contained CommonJS file, since sandboxed preloads cannot load ES modules or packages)
 * and the React renderer, all into desktop/out/. The renderer's CSP is injected into
 * index.html from one constant, so the policy and its tests share a source.
 *
 * The Worker URL (`RESETKIT_API_URL`) is baked into the main bundle here. `--mode release`
 * (what `npm run desktop:dist` uses) refuses to build without an https URL, so no installer
 * can ship pointing at a development Worker.
 *
 * @example
 * RESETKIT_API_URL=https://resetkit.example.com npx electron-vite build -c desktop/electron.vite.config.ts --mode release
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";
import { fileURLToPath } from "node:url";
import type { Plugin, UserConfig } from "vite";
import { readBuildApiUrl } from "./src/main/config.ts";
import { RENDERER_CONTENT_SECURITY_POLICY } from "./src/renderer/content-security-policy.ts";

const desktopDir = fileURLToPath(new URL(".", import.meta.url));
const fromDesktop = (path: string) => `${desktopDir}${path}`;

const RELEASE_MODE = "release";

/** Adds the CSP meta tag right after the charset (the dev server needs inline scripts, so build only). */
function injectContentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  const meta = `<meta http-equiv="Content-Security-Policy" content="${RENDERER_CONTENT_SECURITY_POLICY}" />`;
  return {
    name: "resetkit:content-security-policy",
    apply: "build",
    transformIndexHtml(html) {
      // Fail the build rather than ship a page without its policy.
      if (!html.includes(charset)) throw new Error("index.html lost its charset meta tag; the CSP goes right after it");
      return html.replace(charset, `${charset}\n    ${meta}`);
    },
  };
}

/** The renderer's Vite config. */
const rendererConfig = {
  root: fromDesktop("src/renderer"),
  base: "./",
  plugins: [react(), injectContentSecurityPolicy()],
  build: {
    outDir: fromDesktop("out/renderer"),
    emptyOutDir: true,
    target: "es2023",
    minify: true,
    // The shared password policy bundles its list of common passwords, so the one chunk is large.
    chunkSizeWarningLimit: 1024,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: fromDesktop("src/renderer/index.html") },
  },
} satisfies UserConfig;

/** Reads the Worker URL to bake in, or stops the build with the one sentence that says why. */
function readApiUrlForBuild(mode: string): string {
  const result = readBuildApiUrl(process.env, mode === RELEASE_MODE);
  if (result.ok) return result.url;
  console.error(`desktop build: ${result.message}`);
  process.exit(1);
}

export default defineConfig(({ mode }) => ({
  main: {
    define: { __RESETKIT_API_URL__: JSON.stringify(readApiUrlForBuild(mode)) },
    build: {
      outDir: fromDesktop("out/main"),
      // Bundle zod and shared/ so the packaged app needs no node_modules.
      externalizeDeps: false,
      lib: { entry: fromDesktop("src/main/index.ts") },
    },
  },
  preload: {
    build: {
      outDir: fromDesktop("out/preload"),
      externalizeDeps: false,
      lib: { entry: fromDesktop("src/preload/index.ts"), formats: ["cjs"] },
      rolldownOptions: { output: { format: "cjs", entryFileNames: "[name].cjs" } },
    },
  },
  renderer: rendererConfig,
}));
