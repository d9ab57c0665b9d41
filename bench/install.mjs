#!/usr/bin/env node
/**
 * Installs the bench's own dependencies (bench/package.json: the Better Auth peer and
 * autocannon) on first use, so the project's test install never carries them. Runs
 * `npm ci --prefix bench` when bench/node_modules is missing or older than the lockfile.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BENCH = fileURLToPath(new URL(".", import.meta.url));
const modifiedAt = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

const installedAt = modifiedAt(`${BENCH}node_modules/.package-lock.json`);
const lockedAt = modifiedAt(`${BENCH}package-lock.json`);
if (installedAt === undefined || (lockedAt !== undefined && installedAt < lockedAt)) {
  console.log("bench: installing the bench's own dependencies (npm ci --prefix bench)");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--prefix", BENCH, "--no-audit", "--no-fund"], { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
