/**
 * What the reliability suites share: JSON calls from a chosen client address (so per-IP limits
 * apply where a suite wants them and stay out of the way where it does not), accounts, reset
 * links read from the dev outbox, and read-only queries against the Worker's local D1.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createAccount as createDevAccount, readMailbox, waitForMail, type MailboxMessage } from "../support/dev-mailbox.ts";
import { configArgs, ROOT, type RunningWorker } from "../support/wrangler-dev.ts";

export const ACCOUNT_PASSWORD = "an original passphrase 4";
const TOKEN_IN_LINK = /\/reset-password\?token=([A-Za-z0-9_-]{43})/;
let addressCounter = 0;

/** A client address no other request in this process has used. */
export function freshClientIp(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** POSTs JSON as `ip` (a fresh address unless given). */
export function postJson(worker: RunningWorker, path: string, body: unknown, ip = freshClientIp()): Promise<Response> {
  return fetch(`${worker.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify(body),
  });
}

/** Registers a verified account with ACCOUNT_PASSWORD (`POST /dev/accounts`) from a fresh client address. */
export function createAccount(worker: RunningWorker, email: string): Promise<void> {
  return createDevAccount(worker.url, email, ACCOUNT_PASSWORD, freshClientIp());
}

/** Asks for a reset link for `email` and returns the token from the email it receives. */
export async function requestResetToken(worker: RunningWorker, email: string, timeoutMs = 20_000): Promise<string> {
  const before = (await readMailbox(worker.url, email)).length;
  const response = await postJson(worker, "/api/v1/password-resets", { email });
  if (response.status !== 202) throw new Error(`reset request answered ${response.status}`);
  const findToken = (messages: MailboxMessage[]) => (messages.length > before ? TOKEN_IN_LINK.exec(messages[0]?.text ?? "")?.[1] : undefined);
  return waitForMail(worker.url, email, findToken, "a new reset link", timeoutMs);
}

/** Runs one read-only SQL query against the Worker's local D1 and returns the rows. */
export function queryD1<Row>(worker: RunningWorker, sql: string, config = "wrangler.toml"): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "d1", "execute", "DB", "--local", "--persist-to", worker.persistDir, ...configArgs(config), "--json", "--command", sql],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrangler d1 execute failed (${code}): ${stderr || stdout}`));
      const parsed = JSON.parse(stdout) as Array<{ results: Row[] }>;
      resolve(parsed[0]?.results ?? []);
    });
  });
}
