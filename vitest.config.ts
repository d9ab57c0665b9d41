/**
 * Two test projects: `worker` runs inside workerd with a real D1 through the Cloudflare
 * Vitest plugin; `node` runs the suites that drive `wrangler dev`, Chromium and the desktop
 * main-process code from Node.
 *
 * The Worker suites see exactly wrangler.toml's `[env.dev.vars]`, whatever a developer's
 * `.dev.vars` holds: every variable it defines is passed again as a binding, every secret the
 * example file names is blanked, and the stand-ins started by the global setup replace the
 * services a test must not reach over the internet.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";
import LongestFirstSequencer from "./test/support/longest-first-sequencer.ts";

const migrations = await readD1Migrations(new URL("./worker/migrations", import.meta.url).pathname);
const developmentVars = unstable_readConfig({ config: "wrangler.toml", env: "dev" }).vars as Record<string, string>;
/** Every name `.dev.vars.example` mentions, so a local value for one of them never reaches a test. */
const localSettingNames = [...readFileSync(new URL("./.dev.vars.example", import.meta.url), "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
  ([, name]) => name as string,
);

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // Vitest's default is one worker fewer than the cores, a single one on a 2-core machine. No two
    // files share state (a Worker file has its workerd's D1 emptied for it, a Node file its own
    // wrangler dev on a free port), so they run side by side, Worker and Node suites mixed. Many
    // files wait (on a browser, a queue, a retry), so one worker more than the cores fills those waits.
    maxWorkers: availableParallelism() + 1,
    // Longest files first, Worker and Node suites in one queue, so neither worker is left running
    // a long file alone at the end (test/support/longest-first-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml", environment: "dev" },
            miniflare: {
              bindings: {
                ...Object.fromEntries(localSettingNames.map((name) => [name, ""])),
                ...developmentVars,
                PWNED_PASSWORDS_API_URL: inject("pwnedPasswordsRangeUrl"),
                TEST_MIGRATIONS: migrations,
              },
              // The mail queue as in wrangler.toml [env.dev], but a batch starts at once instead of
              // after up to a second, so tests waiting for an email do not idle.
              queueConsumers: {
                "resetkit-dev-mail": { maxBatchSize: 10, maxBatchTimeout: 0, maxRetries: 7, deadLetterQueue: "resetkit-dev-mail-dead-letter" },
                "resetkit-dev-mail-dead-letter": { maxBatchSize: 10, maxBatchTimeout: 0 },
                "resetkit-dev-webhooks": { maxBatchSize: 10, maxBatchTimeout: 0, maxRetries: 7, deadLetterQueue: "resetkit-dev-webhooks-dead-letter" },
                "resetkit-dev-webhooks-dead-letter": { maxBatchSize: 10, maxBatchTimeout: 0 },
              },
            },
          })),
        ],
        test: {
          name: "worker",
          // Each Vitest worker keeps one workerd process and one D1 for all the files it runs,
          // instead of starting both again per file, which took 40% of this project's time. The
          // setup file gives every file an empty database with the current schema instead.
          isolate: false,
          include: ["test/worker/**/*.test.ts", "test/shared/**/*.test.ts"],
          globalSetup: ["test/support/worker-stand-ins.global.ts"],
          setupFiles: ["test/worker/apply-migrations.ts", "test/worker/contract-check.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/desktop/**/*.test.ts", "test/i18n/**/*.test.ts", "test/docs/**/*.test.ts", "test/e2e/**/*.test.ts", "test/reliability/**/*.test.ts"],
          globalSetup: ["test/support/desktop-build.global.ts"],
          setupFiles: ["test/e2e/contract-check.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
