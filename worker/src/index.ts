/**
 * ResetKit's Worker entry point: the HTTP router, the mail-queue consumer and the scheduled purge,
 * all behind the configuration gate (`config-guard.ts`), so a misconfigured production
 * deployment does nothing.
 */
import { isRefusingWork, refuseWhenMisconfigured } from "./config-guard.ts";
import { consumeMailBatch } from "./jobs/mail-consumer.ts";
import { MAIL_JOB_HANDLERS } from "./job-handlers.ts";
import { purgeExpiredRows } from "./maintenance/purge.ts";
import { clock } from "./platform/clock.ts";
import { createRouter } from "./router.ts";

const router = createRouter();

export default {
  fetch(request, env, ctx): Promise<Response> {
    return refuseWhenMisconfigured(request, env, ctx) ?? router.fetch(request, env, ctx);
  },

  /** The mail queue and its dead-letter queue (wrangler.toml `[[queues.consumers]]`): every email is sent here. */
  async queue(batch, env): Promise<void> {
    if (isRefusingWork(env)) {
      // Returning would acknowledge, and so lose, every email in the batch: keep them instead.
      console.error("mail batch held back: the Worker is misconfigured");
      batch.retryAll({ delaySeconds: 300 });
      return;
    }
    await consumeMailBatch(batch, env, MAIL_JOB_HANDLERS);
  },

  /** The cron trigger (wrangler.toml `[triggers]`): deletes expired tokens, sessions and counters. */
  async scheduled(_controller, env): Promise<void> {
    if (isRefusingWork(env)) {
      console.error("scheduled purge skipped: the Worker is misconfigured");
      return;
    }
    const counts = await purgeExpiredRows(env, clock.now());
    console.info("purged expired rows", JSON.stringify(counts));
  },
} satisfies ExportedHandler<Env>;
