/**
 * Where the Electron binary is, if it is installed. This is the path `require("electron")`
 * returns, found without requiring it: requiring it on a machine without the binary starts a
 * download, and a machine without internet would wait for it to fail.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The Electron executable, or null when the package was installed without its binary. */
export function findElectronBinary(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  const pathFile = join(packageDir, "path.txt");
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, "utf8").trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, "dist");
  const executable = join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

export const ELECTRON_SKIP_REASON =
  "skipped: the Electron binary is not installed (Electron downloads it lazily; `node node_modules/electron/install.js` needs network access)";
