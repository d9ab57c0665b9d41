/**
 * Runs `wrangler d1 execute` against a local persisted D1, to load generated seed SQL before a
 * Worker starts and to read rows back after a run.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = fileURLToPath(new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url));

function runWrangler(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`wrangler ${args.slice(0, 3).join(" ")} failed (${code}):\n${stderr || stdout}`));
    });
  });
}

/** Executes a SQL file against the local D1 named DB in `persistDir`. */
export async function executeSqlFile(persistDir, config, file) {
  await runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistDir, "-c", config, "--file", file]);
}

/** Runs one read-only query and returns its rows. */
export async function queryRows(persistDir, config, sql) {
  const output = await runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistDir, "-c", config, "--json", "--command", sql]);
  const parsed = JSON.parse(output);
  return parsed[0]?.results ?? [];
}
