#!/usr/bin/env node
/**
 * `npm run desktop`: makes sure the Electron binary is installed, then builds the app and starts
 * it with electron-vite. Electron 45 has no install script: `npm ci` leaves the binary out and
 * `require("electron")` downloads it on first use. electron-vite never requires it, it reads
 * electron/path.txt and fails with a bare "Electron uninstall" when the file is missing. So this
 * script runs Electron's own installer first and, when that fails (no network), says in one
 * sentence what fixes it. Before `npm install` there is no Electron at all, and one sentence says
 * that too, instead of a MODULE_NOT_FOUND stack.
 *
 * Arguments after `--` reach Electron, e.g. a deep link:
 *   npm run desktop -- 'resetkit://reset-password?token=<token>'
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const ELECTRON_DIR = findInstalledPackage("electron");
const ELECTRON_VITE = join(findInstalledPackage("electron-vite"), "bin/electron-vite.js");
const CONFIG = join(ROOT, "desktop/electron.vite.config.ts");

const DOWNLOAD_FAILED =
  "The Electron binary is not installed and could not be downloaded: with network access run `node node_modules/electron/install.js`, then `npm run desktop` again.";

/** The folder of an installed package; without one, the sentence that fixes it, and exit. */
function findInstalledPackage(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    if (error?.code !== "MODULE_NOT_FOUND") throw error;
    console.error("Run npm install first.");
    process.exit(1);
  }
}

/** True when the executable that electron/path.txt names is there (in ELECTRON_OVERRIDE_DIST_PATH if set). */
function isElectronInstalled(env = process.env) {
  const pathFile = join(ELECTRON_DIR, "path.txt");
  if (!existsSync(pathFile)) return false;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(ELECTRON_DIR, "dist");
  return existsSync(join(distDir, readFileSync(pathFile, "utf8").trim()));
}

/** Runs Electron's installer; true when the binary is there afterwards. */
function installElectron() {
  console.info("desktop: downloading the Electron binary (once)…");
  // The installer's own output is a stack trace on failure; the sentence below replaces it.
  const result = spawnSync(process.execPath, [join(ELECTRON_DIR, "install.js")], { stdio: ["ignore", "inherit", "ignore"] });
  return result.status === 0 && isElectronInstalled();
}

if (!isElectronInstalled() && !installElectron()) {
  console.error(DOWNLOAD_FAILED);
  process.exit(1);
}

const electronArgs = process.argv.slice(2);
const child = spawn(
  process.execPath,
  [ELECTRON_VITE, "preview", "-c", CONFIG, ...(electronArgs.length > 0 ? ["--", ...electronArgs] : [])],
  { cwd: ROOT, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
