/**
 * ResetKit's Worker entry point: the HTTP router, the mail and webhook queue consumers, and the
 * scheduled purge and webhook sweep, all behind the configuration gate (`config-guard.ts`), so a
 * misconfigured production deployment does nothing.
 */
import { isRefusingWork, refuseWhenMisconfigured } from "./config-guard.ts";
import { consumeMailBatch } from "./jobs/mail-consumer.ts";
import { MAIL_JOB_HANDLERS } from "./job-handlers.ts";
import { purgeExpiredRows } from "./maintenance/purge.ts";
import { clock } from "./platform/clock.ts";
import { createRouter } from "./router.ts";
import { consumeWebhookBatch, isWebhookQueue } from "./webhooks/webhook-consumer.ts";
import { sweepPendingWebhookEvents } from "./webhooks/webhook-events.ts";

const router = createRouter();

export default {
  fetch(request, env, ctx): Promise<Response> {
    return refuseWhenMisconfigured(request, env, ctx) ?? router.fetch(request, env, ctx);
  },

  /**
   * The mail queue, the webhook queue and their dead-letter queues (wrangler.toml
   * `[[queues.consumers]]`): every email and every webhook event is sent here.
   */
  async queue(batch, env): Promise<void> {
    if (isRefusingWork(env)) {
      // Returning would acknowledge, and so lose, every message in the batch: keep them instead.
      console.error(`${batch.queue} batch held back: the Worker is misconfigured`);
      batch.retryAll({ delaySeconds: 300 });
      return;
    }
    if (isWebhookQueue(batch.queue)) await consumeWebhookBatch(batch, env);
    else await consumeMailBatch(batch, env, MAIL_JOB_HANDLERS);
  },

  /** The cron trigger (wrangler.toml `[triggers]`): deletes expired tokens, sessions and counters. */
  async scheduled(_controller, env): Promise<void> {
    if (isRefusingWork(env)) {
      console.error("scheduled purge skipped: the Worker is misconfigured");
      return;
    }
    const now = clock.now();
    const counts = await purgeExpiredRows(env, now);
    console.info("purged expired rows", JSON.stringify(counts));
    const swept = await sweepPendingWebhookEvents(env, now);
    if (swept > 0) console.info(`queued ${swept} webhook event(s) whose message had not gone out`);
  },
} satisfies ExportedHandler<Env>;
