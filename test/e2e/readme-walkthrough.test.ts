/**
 * The README's curl walkthrough, exactly as written there, pasted into bash against a real
 * `wrangler dev`: every step answers what its comment promises, and pasting it a second time works
 * as well as the first (a fresh address each run, the mailbox polled until the queue delivered).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startWorker, type RunningWorker } from "../support/wrangler-dev.ts";

const run = promisify(execFile);

/** The shell block under "The whole flow with curl", with B pointed at `baseUrl`. */
function readWalkthrough(baseUrl: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### The whole flow with curl"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("the README has no curl walkthrough");
  return block.replace("B=http://127.0.0.1:8787", `B=${baseUrl}`);
}

/** The HTTP statuses the block's `curl -si` calls printed, in order. */
function readStatuses(output: string): number[] {
  return [...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map((match) => Number(match[1]));
}

describe("the README's curl walkthrough", () => {
  let worker: RunningWorker;

  beforeAll(async () => {
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it("answers every step as its comment says, pasted once and pasted again", async () => {
    const script = readWalkthrough(worker.url);
    // sign up, confirm, reset request, verify, confirm, new password, old password, old session, used link
    const expected = [202, 200, 202, 200, 204, 200, 401, 401, 410];
    for (const paste of [1, 2]) {
      const { stdout } = await run("bash", ["-c", script], { timeout: 60_000 });
      expect(readStatuses(stdout), `paste ${paste}`).toEqual(expected);
    }
  });
});
