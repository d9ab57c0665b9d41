#!/usr/bin/env node
/**
 * `npm run reset-local`: deletes the local D1 database and everything else `wrangler dev` keeps
 * in .wrangler/state (accounts, captured email, rate limits), so the next `npm start` begins
 * from the migrations and a fresh demo account. `.dev.vars` is kept. While `npm start` runs from
 * this checkout it refuses: that server keeps the database open and would answer 503
 * (SQLITE_CANTOPEN) once it is gone (dev-server-note.mjs).
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findRunningDevServer } from "./dev-server-note.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const running = findRunningDevServer(ROOT);
if (running) {
  console.error(`npm start is running from this checkout (${running.url}): stop it first (Ctrl+C in its terminal), then run npm run reset-local again.`);
  process.exit(1);
}
rmSync(fileURLToPath(new URL("../.wrangler/state", import.meta.url)), { recursive: true, force: true });
console.log("Local state wiped (.wrangler/state). The next `npm start` migrates afresh and seeds the demo account.");
