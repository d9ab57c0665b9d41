/**
 * Two test projects: `worker` runs inside workerd with a real D1 through the Cloudflare
 * Vitest plugin; `node` runs the suites that drive `wrangler dev`, Chromium and the desktop
 * main-process code from Node.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(new URL("./worker/migrations", import.meta.url).pathname);

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml", environment: "dev" },
            miniflare: {
              bindings: { TEST_MIGRATIONS: migrations },
              // The mail queue as in wrangler.toml [env.dev], but a batch starts at once instead of
              // after up to a second, so tests waiting for an email do not idle.
              queueConsumers: {
                "resetkit-dev-mail": { maxBatchSize: 10, maxBatchTimeout: 0, maxRetries: 7, deadLetterQueue: "resetkit-dev-mail-dead-letter" },
                "resetkit-dev-mail-dead-letter": { maxBatchSize: 10, maxBatchTimeout: 0 },
              },
            },
          }),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts", "test/shared/**/*.test.ts"],
          setupFiles: ["test/worker/apply-migrations.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/desktop/**/*.test.ts", "test/e2e/**/*.test.ts", "test/reliability/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
