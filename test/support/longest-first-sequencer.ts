/**
 * The order the files start in: longest first, across both projects, so the two Vitest workers
 * finish together instead of one running a long file alone at the end. A file's length is its
 * duration in Vitest's cache of the last run when there is one. A clean clone (CI) has no cache,
 * so the few files whose length their size does not show (a small file that races 200 password
 * hashes, or fuzzes the API 10,000 times) carry the seconds they took here (docs/testing.md);
 * every other file counts by its size, as in Vitest's own order. The order never changes which
 * tests run, only when.
 */
import { stat } from "node:fs/promises";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Seconds each of the longest files took in a clean-clone run on a 2-core machine. */
const KNOWN_SECONDS: Record<string, number> = {
  "test/e2e/desktop/renderer-flow.test.ts": 80,
  "test/reliability/concurrent-confirm.test.ts": 80,
  "test/e2e/web/reset-pages.test.ts": 67,
  "test/worker/openapi/fuzz.test.ts": 60,
  "test/e2e/mail/mailchannels-delivery.test.ts": 30,
  "test/reliability/reset-load.test.ts": 28,
  "test/e2e/desktop/sign-up-flow.test.ts": 26,
  "test/reliability/fuzz.test.ts": 24,
  "test/e2e/web/reset-code-page.test.ts": 22,
  "test/e2e/web/account-pages.test.ts": 20,
  "test/worker/sessions/sign-in-limits.test.ts": 20,
  "test/e2e/desktop/reset-code-flow.test.ts": 17,
};

/** How many seconds a byte of an unlisted test file stands for: only their order among themselves matters. */
const SECONDS_PER_BYTE = 1e-4;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = new Map<TestSpecification, number>();
    for (const file of files) seconds.set(file, await this.expectedSeconds(file));
    return [...files].sort((a, b) => (seconds.get(b) ?? 0) - (seconds.get(a) ?? 0));
  }

  private async expectedSeconds(file: TestSpecification): Promise<number> {
    const cached = this.ctx.cache.getTestSpecificationResult(file);
    if (cached) return cached.duration / 1000;
    const known = KNOWN_SECONDS[relative(this.ctx.config.root, file.moduleId).replaceAll("\\", "/")];
    if (known !== undefined) return known;
    return (await stat(file.moduleId)).size * SECONDS_PER_BYTE;
  }
}
