/**
 * `npm start` (scripts/dev.mjs) and `npm run reset-local` as a developer meets them: before
 * `npm install` one sentence says so, a busy port stops npm start at once with a way out, a local
 * `.dev.vars` wins over npm start's own defaults, the banner says what the Worker answered when it
 * could not check the demo password, and reset-local refuses while npm start runs. The scripts run
 * from a temporary copy of the repository's layout, so a real `.dev.vars` or `.wrangler/state` in
 * the checkout is never touched; where npm start must get as far as its banner, a small stand-in
 * for wrangler answers the few requests it makes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findFreePort, ROOT } from "../support/wrangler-dev.ts";

let copy: string;
const started: ChildProcess[] = [];

beforeEach(async () => {
  copy = await mkdtemp(join(tmpdir(), "resetkit-dev-script-"));
  await mkdir(join(copy, "scripts"));
  for (const script of ["dev.mjs", "dev-server-note.mjs", "reset-local.mjs"]) await copyFile(join(ROOT, "scripts", script), join(copy, "scripts", script));
});
afterEach(async () => {
  for (const child of started.splice(0)) await stopProcess(child);
  await rm(copy, { recursive: true, force: true });
});

/**
 * Stands in for `node_modules/wrangler/bin/wrangler.js`: `d1 migrations apply` has nothing to
 * apply, and `dev` serves what npm start asks for, the demo sign-in answering STAND_IN_SIGN_IN_STATUS.
 */
const WRANGLER_STAND_IN = `
const { createServer } = require("node:http");
const args = process.argv.slice(2);
if (args[0] !== "dev") process.exit(0);
const signInStatus = Number(process.env.STAND_IN_SIGN_IN_STATUS || 200);
const problem = { title: "Service Unavailable", status: 503, code: "unavailable", detail: "The service is temporarily unavailable. Please try again in a moment." };
const server = createServer((request, response) => {
  const send = (status, body, type = "application/json") => {
    response.writeHead(status, { "content-type": type });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  if (request.url === "/healthz") return send(200, "ok");
  if (request.url === "/dev/accounts") return send(201, {});
  if (request.url === "/api/v1/sessions") return signInStatus === 200 ? send(200, { token: "t" }) : send(signInStatus, { ...problem, status: signInStatus }, "application/problem+json");
  if (request.url === "/api/v1/sessions/current") return send(204);
  send(404, {});
});
server.listen(Number(args[args.indexOf("--port") + 1]), "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
`;

/** Puts the wrangler stand-in where npm start looks for the installed one. */
async function installWranglerStandIn(): Promise<void> {
  await mkdir(join(copy, "node_modules/wrangler/bin"), { recursive: true });
  await writeFile(join(copy, "node_modules/wrangler/bin/wrangler.js"), WRANGLER_STAND_IN);
}

function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(copy, "scripts", script), ...args], {
      env: { ...process.env, PORT: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function runDevScript(args: string[], env: Record<string, string> = {}) {
  return runScript("dev.mjs", args, env);
}

/** Starts npm start (with the wrangler stand-in) and waits for its banner. */
async function startDevServer(env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; banner: string }> {
  await installWranglerStandIn();
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(copy, "scripts/dev.mjs"), "--port", String(port)], {
    env: { ...process.env, PORT: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes("run the cron:")) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start printed no banner:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, port, banner: output };
}

/** Stops a process as Ctrl+C would and waits until it has gone. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

describe("npm start", () => {
  it("says in one sentence to run npm install first when nothing is installed", async () => {
    const result = await runDevScript([]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Run npm install first.\n");
    expect(result.stdout).toBe("");
  });

  it("stops at once when the port is taken and says how to choose another", async () => {
    await installWranglerStandIn();
    const { server, port } = await occupyPort();
    try {
      const started = Date.now();
      const result = await runDevScript(["--port", String(port)]);
      expect(result.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
      expect(result.stderr).toContain(`npm start -- --port ${port + 1}`);
      expect(result.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      server.close();
    }
  });

  it("refuses a port that is not a number", async () => {
    const result = await runDevScript([], { PORT: "eighty" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"eighty" is not a port number');
  });

  it("points links at the port it was given when .dev.vars says nothing", async () => {
    const result = await runDevScript(["--dry-run"], { PORT: "8799" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--env dev --ip 127.0.0.1 --port 8799");
    expect(result.stdout).toContain("--var PUBLIC_BASE_URL:http://127.0.0.1:8799");
  });

  it("lets .dev.vars win over its own PUBLIC_BASE_URL", async () => {
    await writeFile(join(copy, ".dev.vars"), "PUBLIC_BASE_URL=https://reset.example.test\nMAIL_TRANSPORT=mailchannels\nRATE_LIMITS=off\n");
    const result = await runDevScript(["--dry-run", "--port", "8799"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(".dev.vars");
    expect(result.stdout).not.toContain("--var");
  });

  it("warns about a name .dev.vars leaves empty, as a copy of .dev.vars.example does", async () => {
    await writeFile(join(copy, ".dev.vars"), "HMAC_KEY=\nRATE_LIMITS=off\n");
    const result = await runDevScript(["--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Note: .dev.vars sets HMAC_KEY to an empty value");
    expect(result.stderr).not.toContain("RATE_LIMITS");
  });
});

describe("npm start's banner", () => {
  it("shows the demo account when its password signs in", async () => {
    const { banner } = await startDevServer();

    expect(banner).toContain("demo account:     demo@example.com / correct horse battery staple\n");
  });

  it("says what the Worker answered when the sign-in check gets 503, and not that the password was changed", async () => {
    const { banner } = await startDevServer({ STAND_IN_SIGN_IN_STATUS: "503" });

    expect(banner).toContain(
      "demo account:     demo@example.com / correct horse battery staple (could not check it: the Worker answered 503: The service is temporarily unavailable. Please try again in a moment; wrangler's log above may say more)",
    );
    expect(banner).not.toContain("was changed");
  });

  it("says the password was changed only when the sign-in is refused", async () => {
    const { banner } = await startDevServer({ STAND_IN_SIGN_IN_STATUS: "401" });

    expect(banner).toContain('demo@example.com (its password was changed here; `npm run reset-local` restores "correct horse battery staple")');
  });
});

describe("npm run reset-local", () => {
  it("refuses while npm start runs from this checkout, and wipes the state once it has stopped", async () => {
    const { child, port } = await startDevServer();
    await mkdir(join(copy, ".wrangler/state/v3"), { recursive: true });
    await writeFile(join(copy, ".wrangler/state/v3/accounts.sqlite"), "");

    const refused = await runScript("reset-local.mjs", []);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `npm start is running from this checkout (http://127.0.0.1:${port}): stop it first (Ctrl+C in its terminal), then run npm run reset-local again.\n`,
    );
    expect(existsSync(join(copy, ".wrangler/state/v3/accounts.sqlite"))).toBe(true);

    await stopProcess(child);
    const wiped = await runScript("reset-local.mjs", []);
    expect(wiped.code).toBe(0);
    expect(wiped.stdout).toContain("Local state wiped (.wrangler/state).");
    expect(existsSync(join(copy, ".wrangler/state"))).toBe(false);
  });

  it("ignores the note of an npm start that was killed and is gone", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.once("exit", resolve));
    await mkdir(join(copy, ".wrangler/state"), { recursive: true });
    await writeFile(join(copy, ".wrangler/npm-start.json"), JSON.stringify({ pid: gone.pid, workerPid: gone.pid, url: "http://127.0.0.1:8787" }));

    const wiped = await runScript("reset-local.mjs", []);

    expect(wiped.code).toBe(0);
    expect(existsSync(join(copy, ".wrangler/state"))).toBe(false);
  });

  it("is not the only one to refuse: a second npm start from the same checkout does too, whatever its port", async () => {
    const { port } = await startDevServer();

    const second = await runDevScript(["--port", String(await findFreePort())]);

    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^npm start is already running from this checkout \\(http://127\\.0\\.0\\.1:${port}, process \\d+\\); use that one, or stop it first\\.\n$`));
    const note = JSON.parse(await readFile(join(copy, ".wrangler/npm-start.json"), "utf8")) as { url: string };
    expect(note.url).toBe(`http://127.0.0.1:${port}`);
  });
});
