import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../support/wrangler-dev.ts";

const ELECTRON_VITE = join(ROOT, "node_modules/electron-vite/bin/electron-vite.js");

/** Runs the release build as `npm run desktop:dist` does, with `apiUrl` (or none) in the environment. */
function runReleaseBuild(apiUrl: string | undefined): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env };
  delete env.RESETKIT_API_URL;
  if (apiUrl !== undefined) env.RESETKIT_API_URL = apiUrl;
  const child = spawn(process.execPath, [ELECTRON_VITE, "build", "-c", "desktop/electron.vite.config.ts", "--mode", "release"], { cwd: ROOT, env });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("a release build of the desktop app", () => {
  it("stops with one sentence when RESETKIT_API_URL is missing", async () => {
    expect(await runReleaseBuild(undefined)).toEqual({
      code: 1,
      output: "desktop build: A release build needs RESETKIT_API_URL set to the Worker's https:// URL.\n",
    });
  });

  it("stops with one sentence when RESETKIT_API_URL is plain http to another host", async () => {
    expect(await runReleaseBuild("http://resetkit.example.com")).toEqual({
      code: 1,
      output: "desktop build: RESETKIT_API_URL must be https://, or http:// only on 127.0.0.1, localhost or [::1].\n",
    });
  });
});
