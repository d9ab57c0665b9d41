#!/usr/bin/env node
/**
 * `npm start`: applies the D1 migrations to the local database, starts `wrangler dev` on
 * http://127.0.0.1:8787 with the outbox mail transport, and makes sure the demo account exists.
 * Needs no network and no Cloudflare account.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WRANGLER = fileURLToPath(new URL("../node_modules/wrangler/bin/wrangler.js", import.meta.url));
const PORT = process.env.PORT ?? "8787";
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DEMO = { email: "demo@example.com", password: "correct horse battery staple" };
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };

const migrate = spawnSync(process.execPath, [WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--env", "dev"], {
  cwd: ROOT,
  env: { ...env, CI: "true" },
  stdio: "inherit",
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const dev = spawn(
  process.execPath,
  [WRANGLER, "dev", "--env", "dev", "--ip", "127.0.0.1", "--port", PORT, "--var", `PUBLIC_BASE_URL:${BASE_URL}`],
  { cwd: ROOT, env, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));

await seedDemoAccount();

/** Waits for the Worker, then creates the demo account unless it already exists. */
async function seedDemoAccount() {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      const health = await fetch(`${BASE_URL}/healthz`);
      if (health.ok) break;
    } catch {
      // wrangler is still starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const response = await fetch(`${BASE_URL}/api/v1/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO),
  });
  if (response.status !== 201 && response.status !== 409) {
    console.error(`Could not seed the demo account: HTTP ${response.status} ${await response.text()}`);
    return;
  }
  console.log(
    [
      "",
      `ResetKit is running at ${BASE_URL}`,
      `  demo account:   ${DEMO.email} / ${DEMO.password}`,
      `  reset a password: ${BASE_URL}/forgot-password`,
      `  captured email:   ${BASE_URL}/dev/mailbox`,
      "",
    ].join("\n"),
  );
}
