import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, ROOT } from "../../support/wrangler-dev.ts";

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "resetkit-desktop-script-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A loopback port nothing listens on: a download from it fails at once, as offline. */
async function closedPort(): Promise<number> {
  const port = await findFreePort();
  await new Promise<void>((resolve, reject) => {
    const probe = createServer().once("error", reject).listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
  return port;
}

function runScript(env: Record<string, string>, script = join(ROOT, "scripts/desktop.mjs")): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run desktop without the Electron binary", () => {
  it("tries Electron's own download and, when it cannot, says in one sentence how to fix it", async () => {
    const port = await closedPort();
    const result = await runScript({
      // An empty folder stands for the missing binary even where it is installed.
      ELECTRON_OVERRIDE_DIST_PATH: join(scratch, "no-electron"),
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: join(scratch, "cache"),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("desktop: downloading the Electron binary (once)…\n");
    expect(result.stderr).toBe(
      "The Electron binary is not installed and could not be downloaded: with network access run `node node_modules/electron/install.js`, then `npm run desktop` again.\n",
    );
  });
});

describe("npm run desktop before npm install", () => {
  it("says in one sentence to run npm install first, instead of a MODULE_NOT_FOUND stack", async () => {
    // A copy of the script outside the checkout finds no node_modules above it.
    const checkout = join(scratch, "fresh-checkout");
    await mkdir(join(checkout, "scripts"), { recursive: true });
    await copyFile(join(ROOT, "scripts/desktop.mjs"), join(checkout, "scripts/desktop.mjs"));

    const result = await runScript({ NODE_PATH: "" }, join(checkout, "scripts/desktop.mjs"));

    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Run npm install first.\n");
    expect(result.stdout).toBe("");
  });
});
