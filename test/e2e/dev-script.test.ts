/**
 * `npm start` (scripts/dev.mjs) as a developer meets it: a busy port stops it at once with a way
 * out, and a local `.dev.vars` wins over npm start's own defaults. The script runs from a temporary
 * copy of the repository's layout, so a real `.dev.vars` in the checkout is never touched.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../support/wrangler-dev.ts";

let copy: string;

beforeEach(async () => {
  copy = await mkdtemp(join(tmpdir(), "resetkit-dev-script-"));
  await mkdir(join(copy, "scripts"));
  await copyFile(join(ROOT, "scripts/dev.mjs"), join(copy, "scripts/dev.mjs"));
});
afterEach(async () => {
  await rm(copy, { recursive: true, force: true });
});

function runDevScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(copy, "scripts/dev.mjs"), ...args], {
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
  it("stops at once when the port is taken and says how to choose another", async () => {
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
