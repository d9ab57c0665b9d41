#!/usr/bin/env node
/**
 * `npm run reset-local`: deletes the local D1 database and everything else `wrangler dev` keeps
 * in .wrangler/state (accounts, captured email, rate limits), so the next `npm start` begins
 * from the migrations and a fresh demo account. Stop `npm start` first. `.dev.vars` is kept.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

rmSync(fileURLToPath(new URL("../.wrangler/state", import.meta.url)), { recursive: true, force: true });
console.log("Local state wiped (.wrangler/state). The next `npm start` migrates afresh and seeds the demo account.");
