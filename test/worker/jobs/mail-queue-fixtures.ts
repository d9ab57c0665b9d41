/**
 * What the tests share for the mail queue. Requests made through `trackMailJobs(env).env` still
 * go onto the real local queue, whose consumer (the Worker's `queue()` handler) runs on its own
 * in workerd; the wrapper only notes each job's id so a test can wait until that job has
 * settled. `runMailJobs` instead hands jobs straight to the consumer with `createMessageBatch`,
 * for tests that need to control the consumer's environment or a message's attempt count.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, type QueueResult } from "cloudflare:test";
import worker from "../../../worker/src/index.ts";
import type { MailJob } from "../../../worker/src/jobs/mail-jobs.ts";

/** An env whose mail queue notes the id of every job sent to it (and still sends it). */
export function trackMailJobs(base: Env = env): { env: Env; ids: string[]; jobs: MailJob[] } {
  const ids: string[] = [];
  const jobs: MailJob[] = [];
  const queue = base.MAIL_QUEUE;
  const tracked = {
    send(body: MailJob, options?: QueueSendOptions) {
      ids.push(body.id);
      jobs.push(body);
      return queue.send(body, options);
    },
    sendBatch(messages: Iterable<MessageSendRequest<MailJob>>, options?: QueueSendBatchOptions) {
      const list = [...messages];
      for (const message of list) {
        ids.push(message.body.id);
        jobs.push(message.body);
      }
      return queue.sendBatch(list, options);
    },
  } as unknown as Queue;
  return { env: { ...base, MAIL_QUEUE: tracked }, ids, jobs };
}

/** An env whose mail queue keeps the jobs instead of sending them, for `runMailJobs`. */
export function captureMailJobs(base: Env = env): { env: Env; jobs: MailJob[] } {
  const jobs: MailJob[] = [];
  const captured = {
    send: async (body: MailJob) => void jobs.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<MailJob>>) => {
      for (const message of messages) jobs.push(message.body);
    },
  } as unknown as Queue;
  return { env: { ...base, MAIL_QUEUE: captured }, jobs };
}

/**
 * Waits until every job in `ids` has settled: its email was sent or failed for good, or (in
 * development) it was noted as skipped. A job with no email and no note (a deleted account's
 * "password changed" notice) never settles; tests do not wait for those.
 */
export async function waitForMailJobs(ids: readonly string[], timeoutMs = 10_000): Promise<void> {
  if (ids.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  const placeholders = ids.map(() => "?").join(", ");
  const query = env.DB.prepare(
    `SELECT COUNT(*) AS settled FROM (
       SELECT id FROM mail_deliveries WHERE id IN (${placeholders}) AND status IN ('sent', 'failed')
       UNION SELECT id FROM mail_skipped WHERE id IN (${placeholders}))`,
  ).bind(...ids, ...ids);
  for (;;) {
    const row = await query.first<{ settled: number }>();
    if ((row?.settled ?? 0) >= new Set(ids).size) return;
    if (Date.now() > deadline) throw new Error(`mail jobs still unsettled after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Runs jobs through the Worker's `queue()` handler as one batch and returns what it did with
 * each. `retryDelays` adds the delay each retried message asked for, which the plugin's
 * `getQueueResult` does not report.
 */
export function runMailJobs(
  jobs: readonly MailJob[],
  options: { env?: Env; attempts?: number; queue?: string } = {},
): Promise<QueueResult & { retryDelays: Record<string, number | undefined> }> {
  return runQueueMessages(
    options.queue ?? "resetkit-dev-mail",
    jobs.map((job) => ({ id: `message-${job.id}`, body: job })),
    options,
  );
}

/** Runs any queue's messages through the Worker's `queue()` handler as one batch, as `runMailJobs` does. */
export async function runQueueMessages<Body>(
  queueName: string,
  messages: ReadonlyArray<{ id: string; body: Body }>,
  options: { env?: Env; attempts?: number } = {},
): Promise<QueueResult & { retryDelays: Record<string, number | undefined> }> {
  const batch = createMessageBatch<Body>(
    queueName,
    messages.map(({ id, body }) => ({ id, timestamp: new Date(), attempts: options.attempts ?? 1, body })),
  );
  const retryDelays: Record<string, number | undefined> = {};
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    Object.defineProperty(message, "retry", {
      value: (retryOptions?: QueueRetryOptions) => {
        retryDelays[message.id] = retryOptions?.delaySeconds;
        retry(retryOptions);
      },
    });
  }
  const ctx = createExecutionContext();
  const queue = worker.queue as ExportedHandlerQueueHandler<Env>;
  await queue(batch as MessageBatch, options.env ?? env, ctx);
  return { ...(await getQueueResult(batch as MessageBatch, ctx)), retryDelays };
}
