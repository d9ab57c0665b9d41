/**
 * What the reliability suites share: JSON calls from a chosen client address (so per-IP limits
 * apply where a suite wants them and stay out of the way where it does not), accounts, reset
 * links read from the dev outbox, and read-only queries against the Worker's local D1.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
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

/** Registers a verified account with ACCOUNT_PASSWORD (`POST /dev/accounts`), failing the test if the Worker refuses. */
export async function createAccount(worker: RunningWorker, email: string): Promise<void> {
  const response = await postJson(worker, "/dev/accounts", { email, password: ACCOUNT_PASSWORD });
  if (response.status !== 201) throw new Error(`creating ${email} answered ${response.status}: ${await response.text()}`);
}

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** The messages the dev outbox holds for `email`, newest first. */
export async function readMailbox(worker: RunningWorker, email: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${worker.url}/dev/mailbox.json?to=${encodeURIComponent(email)}`);
  const body = (await response.json()) as { messages: OutboxMessage[] };
  return body.messages;
}

/** Asks for a reset link for `email` and returns the token from the email it receives. */
export async function requestResetToken(worker: RunningWorker, email: string, timeoutMs = 20_000): Promise<string> {
  const before = (await readMailbox(worker, email)).length;
  const response = await postJson(worker, "/api/v1/password-resets", { email });
  if (response.status !== 202) throw new Error(`reset request answered ${response.status}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const messages = await readMailbox(worker, email);
    const token = messages.length > before ? TOKEN_IN_LINK.exec(messages[0]?.text ?? "")?.[1] : undefined;
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no reset email reached ${email} within ${timeoutMs} ms`);
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
