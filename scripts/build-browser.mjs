#!/usr/bin/env node
/**
 * Bundles the pages' two small scripts (worker/browser/*.ts) into worker/public/, where the Worker
 * serves them as static assets. The live password feedback imports the shared policy, so the web
 * page checks exactly what the server and the desktop app check, with no hand-copied rules.
 * wrangler runs this before `wrangler dev` and `wrangler deploy` (`[build]` in wrangler.toml).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: ROOT,
  entryPoints: ["worker/browser/password-feedback.ts", "worker/browser/submit-once.ts"],
  outdir: "worker/public",
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
});
