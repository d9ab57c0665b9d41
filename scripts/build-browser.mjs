#!/usr/bin/env node
/**
 * Bundles the pages' small scripts (worker/browser/*.ts) into worker/public/, where the Worker
 * serves them as static assets. They import the shared policy and code format, so the web page
 * checks and formats exactly as the server and the desktop app do, with no hand-copied rules.
 * wrangler runs this before `wrangler dev` and `wrangler deploy` (`[build]` in wrangler.toml).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: ROOT,
  entryPoints: ["worker/browser/password-feedback.ts", "worker/browser/reset-code-input.ts", "worker/browser/submit-once.ts"],
  outdir: "worker/public",
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
});
