/**
 * Starts a real `wrangler dev` for end-to-end suites: a fresh local D1 in its own folder with
 * the migrations applied (copied from one migrated once, `provideMigratedDatabase`), the given
 * `[vars]` overrides, and a free loopback port. A developer's `.dev.vars` never reaches it, and
 * new passwords are checked against a local Pwned Passwords stand-in instead of the internet. Everything the Worker logs is kept, so suites can assert on it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startPwnedPasswordsStandIn, type PwnedPasswordsStandIn } from "./pwned-passwords-stand-in.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");

export interface StartWorkerOptions {
  /** `[vars]` overrides, passed as `--var NAME:VALUE`. */
  vars?: Record<string, string>;
  /** Wrangler config file, relative to the repository root. */
  config?: string;
  /**
   * The wrangler environment of the repository's wrangler.toml: "dev" (the default, as `npm
   * start`) or null for the production top level, exactly what `wrangler deploy` would ship.
   */
  env?: string | null;
  /** Reads the developer's `.dev.vars` after all; by default an empty `--env-file` keeps it out, so only wrangler.toml and `vars` count. */
  useLocalVars?: boolean;
  /** The /healthz status that means "started": 200, or 503 for a deliberately misconfigured Worker. */
  readyStatus?: number;
  /** How long to wait for `/healthz`. */
  startupTimeoutMs?: number;
  /** Runs after the migrations and before `wrangler dev` starts, e.g. to load seed data. */
  seed?: (persistDir: string) => Promise<void>;
}

export interface RunningWorker {
  url: string;
  /** The Pwned Passwords stand-in this Worker checks new passwords against, unless `vars` named another. */
  pwnedPasswords: PwnedPasswordsStandIn;
  persistDir: string;
  /** Everything the Worker and wrangler printed so far. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The origins of the Workers started here and still running, so the end-to-end contract check
 * (test/e2e/contract-check.ts) knows which answers are the Worker's and not a stand-in's.
 */
export const runningWorkerOrigins = new Set<string>();

/** Finds a free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The `-c` arguments for a wrangler config. The repository's own wrangler.toml is production at
 * its top level, so the suites select its development environment, as `npm start` does, unless
 * `env` is null.
 */
export function configArgs(config: string, env: string | null = "dev"): string[] {
  return config === "wrangler.toml" && env !== null ? ["-c", config, "--env", env] : ["-c", config];
}

function runWrangler(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Applies the D1 migrations to the local database kept in `persistDir`. */
export async function applyMigrations(persistDir: string, config = "wrangler.toml"): Promise<void> {
  const child = runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir, ...configArgs(config)], {});
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`wrangler d1 migrations apply failed (${code}):\n${output}`);
}

/**
 * Fills `persistDir` with a local D1 that has every migration applied. Applying the migrations
 * takes wrangler about 9 seconds, and most suites start a Worker of their own, so the result is
 * kept once per set of migrations and config, under node_modules/.cache, and copied from there:
 * each Worker still gets its own database. A changed migration or config makes a new key.
 */
async function provideMigratedDatabase(persistDir: string, config = "wrangler.toml"): Promise<void> {
  const migrationsDir = join(ROOT, "worker/migrations");
  const hash = createHash("sha256").update(await readFile(join(ROOT, config)));
  for (const name of (await readdir(migrationsDir)).sort()) hash.update(name).update(await readFile(join(migrationsDir, name)));
  const cacheRoot = join(ROOT, "node_modules/.cache/resetkit-migrated-d1");
  const template = join(cacheRoot, hash.digest("hex").slice(0, 16));
  if (!existsSync(template)) {
    await mkdir(cacheRoot, { recursive: true });
    const building = await mkdtemp(join(cacheRoot, "building-"));
    await applyMigrations(building, config);
    // A rename is atomic, so a suite never copies a half-migrated database.
    await rename(building, template).catch(async () => rm(building, { recursive: true, force: true }));
  }
  await cp(template, persistDir, { recursive: true });
}

/** Starts `wrangler dev` on a free port and waits until it answers `/healthz`. */
export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const config = options.config ?? "wrangler.toml";
  const environment = options.env === undefined ? "dev" : options.env;
  const readyStatus = options.readyStatus ?? 200;
  const persistDir = await mkdtemp(join(tmpdir(), "resetkit-d1-"));
  await provideMigratedDatabase(persistDir, config);
  await options.seed?.(persistDir);
  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const pwnedPasswords = await startPwnedPasswordsStandIn();
  const vars = { PWNED_PASSWORDS_API_URL: pwnedPasswords.rangeUrl, ...options.vars };
  const varArgs = Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  if (!options.useLocalVars) {
    // Given an --env-file, wrangler reads neither .dev.vars nor .env.
    const emptyEnvFile = join(persistDir, "empty.env");
    await writeFile(emptyEnvFile, "");
    varArgs.push("--env-file", emptyEnvFile);
  }
  const child = runWrangler(
    [
      "dev",
      ...configArgs(config, environment),
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--inspector-port", String(inspectorPort),
      "--persist-to", persistDir,
      "--show-interactive-dev-session=false",
      ...varArgs,
    ],
    {},
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    runningWorkerOrigins.delete(url);
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await pwnedPasswords.close();
    await rm(persistDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/healthz`);
      await response.body?.cancel();
      if (response.status === readyStatus) {
        runningWorkerOrigins.add(url);
        return { url, persistDir, pwnedPasswords, logs: () => output, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not become ready on ${url}:\n${output}`);
}
