/**
 * ResetKit's Worker entry point: the HTTP router, the mail-queue consumer and the scheduled purge.
 */
import { consumeMailBatch } from "./mail/mail-consumer.ts";
import { purgeExpiredRows } from "./maintenance/purge.ts";
import { clock } from "./platform/clock.ts";
import { createRouter } from "./router.ts";

const router = createRouter();

export default {
  fetch(request, env, ctx): Promise<Response> {
    return router.fetch(request, env, ctx);
  },

  /** The mail queue and its dead-letter queue (wrangler.toml `[[queues.consumers]]`): every email is sent here. */
  async queue(batch, env): Promise<void> {
    await consumeMailBatch(batch, env);
  },

  /** The cron trigger (wrangler.toml `[triggers]`): deletes expired tokens, sessions and counters. */
  async scheduled(_controller, env): Promise<void> {
    const counts = await purgeExpiredRows(env, clock.now());
    console.info("purged expired rows", JSON.stringify(counts));
  },
} satisfies ExportedHandler<Env>;
