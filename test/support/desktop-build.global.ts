/**
 * The Node suites' global setup: builds the desktop app once for the run, exactly as
 * `npm run desktop:build` does, into desktop/out, with a Worker URL baked in as a release
 * build would have. Every desktop suite reads that one build: the main-process tests run its
 * bundle, the preload tests load its script, and the renderer suites serve its page. A second
 * main bundle, built without a URL, goes to its own folder for the test of an app that must
 * refuse to start. Building per suite would repeat the same seconds of work, and one suite's
 * build would empty a folder another suite is serving.
 */
import { build, type InlineConfig } from "electron-vite";
import { join } from "node:path";
import { BUILT_API_URL, WITHOUT_URL_OUT_DIR } from "../desktop/support/built-desktop-app.ts";
import { ROOT } from "./wrangler-dev.ts";

/** Runs an electron-vite build with `RESETKIT_API_URL` set to `apiUrl` ("" for none). */
async function buildWithApiUrl(apiUrl: string, config: InlineConfig): Promise<void> {
  const previous = process.env.RESETKIT_API_URL;
  process.env.RESETKIT_API_URL = apiUrl;
  try {
    await build(config);
  } finally {
    if (previous === undefined) delete process.env.RESETKIT_API_URL;
    else process.env.RESETKIT_API_URL = previous;
  }
}

export default async function buildDesktopApp(): Promise<void> {
  await buildWithApiUrl(BUILT_API_URL, { configFile: join(ROOT, "desktop/electron.vite.config.ts"), logLevel: "warn" });
  // electron-vite warns that this config has no preload and no renderer, which is the point.
  await buildWithApiUrl("", {
    configFile: join(ROOT, "test/desktop/support/main-only.electron.vite.config.ts"),
    build: { outDir: WITHOUT_URL_OUT_DIR },
    logLevel: "error",
  });
}
