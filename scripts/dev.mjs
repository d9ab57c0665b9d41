#!/usr/bin/env node
/**
 * `npm start`: applies the D1 migrations to the local database, starts `wrangler dev --env dev`
 * on http://127.0.0.1:8787 and makes sure the demo account exists. Needs no network and no
 * Cloudflare account.
 *
 * Options: `--port N` (or `PORT=N`), `--fresh` (wipe local state first, like
 * `npm run reset-local`), `--verbose` (wrangler's own output, unfiltered) and `--dry-run` (print
 * the wrangler commands and exit).
 *
 * A developer's `.dev.vars` wins: npm start passes a `--var` only for what that file leaves
 * unset, because `--var` would override it.
 *
 * While it runs it leaves a note in .wrangler/ (dev-server-note.mjs), so `npm run reset-local`
 * and a second `npm start` from this checkout refuse instead of wiping the state under it. It
 * imports only Node's own modules, so before `npm install` it can say so in one sentence.
 *
 * @example
 * npm start -- --port 8788
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findRunningDevServer, removeDevServerNote, writeDevServerNote } from "./dev-server-note.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const LOCAL_STATE = join(ROOT, ".wrangler/state");
const DEFAULT_PORT = 8787;

/** The demo account's address and the password the seed gives it. */
const DEMO = { email: "demo@example.com", password: "correct horse battery staple" };

/**
 * Wrangler's network calls that fail harmlessly offline: usage metrics, the version check behind
 * its banner (we print our own) and the `Request.cf` download (the Worker gets a placeholder).
 */
const QUIET_WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  NO_COLOR: "1",
};

/** Start-up lines of `wrangler dev` that our banner replaces; anything else is shown. */
const REPLACED_BY_BANNER = [
  /^\s*$/,
  /^Your Worker has access to the following bindings:/,
  /^Binding\s+Resource\s+Mode/,
  /^env\.\S+ /,
  /Scheduled Workers are not automatically triggered during local development/,
  /^\s+To manually trigger a scheduled event, run:/,
  /^\s+curl "http:\/\/[^"]+\/cdn-cgi\/local\/scheduled"/,
  /^\s+For more details, see https:\/\/developers\.cloudflare\.com/,
  /^\[custom build\] Running: node scripts\/build-browser\.mjs$/,
  /^\[custom build\]\s*$/,
  /Starting local server\.\.\./,
  /Parsed \d+ valid header rules?\./,
  /Ready on http:\/\//,
  /Connection status updated/,
];

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) fail(`ResetKit needs Node.js 22.12 or newer (.nvmrc says 24); this is ${process.version}.`);

const options = readOptions(process.argv.slice(2), process.env);
if (options.error) fail(options.error);
const baseUrl = `http://127.0.0.1:${options.port}`;
const devVars = readDevVars(ROOT);
const migrateArgs = [WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--env", "dev"];
const devArgs = [
  WRANGLER, "dev", "--env", "dev", "--ip", "127.0.0.1", "--port", String(options.port),
  "--show-interactive-dev-session=false",
  ...chooseVarOverrides(devVars.names, { PUBLIC_BASE_URL: baseUrl }).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
];

for (const name of devVars.empty) {
  // A copy of .dev.vars.example leaves names empty, and an empty value still wins over [env.dev].
  console.warn(`Note: .dev.vars sets ${name} to an empty value, which replaces the development default; delete the line to keep it.`);
}

if (options.dryRun) {
  console.log(`.dev.vars: ${devVars.file ?? "none"}`);
  console.log(`wrangler ${migrateArgs.slice(1).join(" ")}`);
  console.log(`wrangler ${devArgs.slice(1).join(" ")}`);
  process.exit(0);
}
if (!existsSync(WRANGLER)) fail("Run npm install first.");
const running = findRunningDevServer(ROOT);
if (running) fail(`npm start is already running from this checkout (${running.url}, process ${running.pid}); use that one, or stop it first.`);
if (!(await isPortFree(options.port))) {
  fail(
    `Port ${options.port} is already in use (is another \`npm start\` running?). ` +
      `Choose another with \`PORT=${options.port + 1} npm start\` or \`npm start -- --port ${options.port + 1}\`.`,
  );
}
writeDevServerNote(ROOT, { pid: process.pid, workerPid: null, url: baseUrl });
process.on("exit", () => removeDevServerNote(ROOT, process.pid));
if (options.fresh) resetLocalState();
await applyMigrations();
startWorker();

/** Reads `--port N`, `--fresh`, `--verbose` and `--dry-run`; PORT is the port's fallback. */
function readOptions(args, env) {
  const result = { port: DEFAULT_PORT, fresh: false, verbose: false, dryRun: false, error: null };
  let rawPort = env.PORT;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--fresh") result.fresh = true;
    else if (arg === "--verbose") result.verbose = true;
    else if (arg === "--dry-run") result.dryRun = true;
    else if (arg === "--port") rawPort = args[(index += 1)];
    else if (arg.startsWith("--port=")) rawPort = arg.slice("--port=".length);
    else return { ...result, error: `Unknown option ${arg}. Options: --port N, --fresh, --verbose, --dry-run.` };
  }
  if (rawPort !== undefined && rawPort !== "") {
    const port = Number(rawPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { ...result, error: `"${rawPort}" is not a port number (1-65535).` };
    result.port = port;
  }
  return result;
}

/**
 * The variables a local `.dev.vars` sets (wrangler reads `.dev.vars.dev` instead when it exists,
 * since we select `--env dev`). Only names matter here: wrangler itself loads the values.
 */
function readDevVars(root) {
  const file = [".dev.vars.dev", ".dev.vars"].map((name) => join(root, name)).find((path) => existsSync(path));
  if (!file) return { file: null, names: new Set(), empty: [] };
  const names = new Set();
  const empty = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    names.add(match[1]);
    if (/^(?:""|''|#.*)?$/.test(match[2].trim())) empty.push(match[1]);
  }
  return { file, names, empty };
}

/** npm start's own defaults, minus every name the developer set in `.dev.vars`. */
function chooseVarOverrides(setByDeveloper, defaults) {
  return Object.entries(defaults).filter(([name]) => !setByDeveloper.has(name));
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Deletes the local D1 database (accounts, outbox, limits); the next start migrates afresh. */
function resetLocalState() {
  rmSync(LOCAL_STATE, { recursive: true, force: true });
  console.log("Local state wiped (.wrangler/state).");
}

/** Runs wrangler's migration apply quietly and prints one line per migration it applied. */
async function applyMigrations() {
  console.log("Migrating the local database (.wrangler/state)…");
  const { code, output } = await runCaptured(migrateArgs, { CI: "true" });
  if (code !== 0) {
    console.error(output.trim());
    fail("The migrations failed; wrangler's output is above.");
  }
  const applied = readPendingMigrations(output);
  if (applied.length === 0) console.log("  up to date");
  for (const name of applied) console.log(`  applied ${name}`);
}

/** The names in wrangler's "Migrations to be applied" table, in order. */
function readPendingMigrations(output) {
  const start = output.indexOf("Migrations to be applied");
  if (start < 0) return [];
  const names = [];
  for (const line of output.slice(start).split("\n")) {
    const match = /^│\s*(\S+\.sql)\s*│$/.exec(line.trim());
    if (match) names.push(match[1]);
    if (line.startsWith("└")) break;
  }
  return names;
}

function runCaptured(args, extraEnv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...QUIET_WRANGLER_ENV, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Starts `wrangler dev`, shows its output minus the start-up noise, then seeds and prints the banner. */
function startWorker() {
  const dev = spawn(process.execPath, devArgs, {
    cwd: ROOT,
    env: { ...process.env, ...QUIET_WRANGLER_ENV },
    stdio: ["inherit", "pipe", "pipe"],
  });
  // wrangler would outlive a `kill -9` of this script: the note names it too.
  writeDevServerNote(ROOT, { pid: process.pid, workerPid: dev.pid ?? null, url: baseUrl });
  let exited = false;
  let seeding = true;
  const forwardLines = (from, to) => {
    let pending = "";
    from.setEncoding("utf8");
    from.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (options.verbose || !isStartupNoise(line, seeding)) to.write(`${line}\n`);
    });
  };
  forwardLines(dev.stdout, process.stdout);
  forwardLines(dev.stderr, process.stderr);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
  dev.on("exit", (code) => {
    exited = true;
    process.exit(code ?? 0);
  });
  void waitForWorker(() => exited).then(async (ready) => {
    if (!ready) return;
    const seeded = await seedDemoAccount(baseUrl, DEMO);
    printBanner(seeded === "failed" ? { state: "missing" } : await checkSignIn(baseUrl, DEMO));
    // wrangler logs a request after answering it; let the seed's last log line arrive first.
    setTimeout(() => (seeding = false), 1_000);
  });
}

/** True for wrangler's start-up lines and, while seeding, the seed's own request log lines. */
function isStartupNoise(rawLine, seeding) {
  // eslint-disable-next-line no-control-regex
  const line = rawLine.replace(/\u001b\[[0-9;]*m/g, "");
  if (seeding && /^\[wrangler:info\] [A-Z]+ \/\S* \d{3}/.test(line)) return true;
  return REPLACED_BY_BANNER.some((pattern) => pattern.test(line));
}

async function waitForWorker(hasExited) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !hasExited()) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return true;
    } catch {
      // wrangler is still starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!hasExited()) console.error(`The Worker did not answer ${baseUrl}/healthz within two minutes.`);
  return false;
}

/**
 * Creates the demo account, verified and ready to sign in, through the development-only
 * `POST /dev/accounts` (the public sign-up answers 202 and waits for an emailed confirmation).
 * Returns "created" (201), "exists" (200: already there with the demo password, or 409: there
 * with a password changed since, which checkSignIn then reports) or "failed".
 */
async function seedDemoAccount(url, account) {
  const response = await fetch(`${url}/dev/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (response.status === 201) return "created";
  if (response.status === 200 || response.status === 409) return "exists";
  console.error(`Could not create the demo account: ${await describeAnswer(response)}.`);
  return "failed";
}

/**
 * Whether the demo password still signs in. Someone may have reset it through the very flow this
 * project demonstrates, and the banner must not print a password that no longer works. The
 * probe's session is signed out at once. Returns the state "works", "refused" (401: the
 * password is not the demo one), "unchecked" (the sign-in limit answered 429, as it may after many
 * restarts) or "failed" with what the Worker answered instead (a 503, say), which says nothing
 * about the password.
 */
async function checkSignIn(url, account) {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (response.status === 429) return { state: "unchecked" };
  if (response.status === 401) return { state: "refused" };
  if (!response.ok) return { state: "failed", answer: await describeAnswer(response) };
  const { token } = await response.json();
  await fetch(`${url}/api/v1/sessions/current`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
  return { state: "works" };
}

/** "the Worker answered 503: <the problem's detail>", the reason left out when the body has none. */
async function describeAnswer(response) {
  const body = await response.text();
  let reason;
  try {
    const problem = JSON.parse(body);
    reason = String(problem.detail ?? problem.title ?? "");
  } catch {
    reason = body.trim().slice(0, 200);
  }
  return `the Worker answered ${response.status}${reason ? `: ${reason.replace(/\.$/, "")}` : ""}`;
}

function printBanner(signIn) {
  const demo = {
    works: `${DEMO.email} / ${DEMO.password}`,
    refused: `${DEMO.email} (its password was changed here; \`npm run reset-local\` restores "${DEMO.password}")`,
    unchecked: `${DEMO.email} / ${DEMO.password} (not checked: the sign-in limit is used up for now)`,
    failed: `${DEMO.email} / ${DEMO.password} (could not check it: ${signIn.answer}; wrangler's log above may say more)`,
    missing: "not created (see the error above)",
  }[signIn.state];
  console.log(
    [
      "",
      `ResetKit is running at ${baseUrl}`,
      `  demo account:     ${demo}`,
      `  reset a password: ${baseUrl}/forgot-password`,
      `  captured email:   ${baseUrl}/dev/mailbox${devVars.names.has("MAIL_TRANSPORT") ? " (unless .dev.vars sends real mail)" : ""}`,
      `  run the cron:     curl ${baseUrl}/cdn-cgi/local/scheduled`,
      devVars.file ? `  local overrides:  ${devVars.file.slice(ROOT.length)}` : null,
      "",
    ]
      .filter((line) => line !== null)
      .join("\n"),
  );
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
