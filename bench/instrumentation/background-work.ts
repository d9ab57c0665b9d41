/**
 * Knows when a bench build has finished the work its requests left behind: promises handed to
 * `ctx.waitUntil` still running, Queue messages sent but not yet delivered to the consumer, and
 * consumer batches still running. The timing oracle waits for that between samples, so one
 * sample's background work (a reset email, a consumer batch) never lands on the next sample and
 * biases it; the load runs wait for it between rounds. Bench builds only; it only watches.
 *
 * @example
 * const ctxSeen = trackExecutionContext(ctx, work);
 * const envSeen = trackQueueProducers(env, work);
 * isSettled(work); // true once everything they started is done
 */

/** What is still running or waiting, per isolate. */
export interface BackgroundWork {
  /** `waitUntil` promises not yet settled. */
  pending: number;
  /** Messages sent to any Queue binding. */
  queued: number;
  /** Messages delivered to the consumer (a retried message counts again). */
  delivered: number;
  /** Messages sent whose first delivery has not begun, by the job id in their body. */
  waiting: number;
  /** Consumer batches still running. */
  batches: number;
}

/**
 * The job ids sent and not yet delivered, per record. Counting by id rather than comparing totals
 * means a retried or dead-lettered message, delivered twice, can never make a later message look
 * consumed before its batch has even started.
 */
const waitingIds = new WeakMap<BackgroundWork, Set<string>>();

/** A fresh, empty record. */
export function createBackgroundWork(): BackgroundWork {
  const work = { pending: 0, queued: 0, delivered: 0, waiting: 0, batches: 0 };
  waitingIds.set(work, new Set());
  return work;
}

/** Whether everything started so far has finished. */
export function isSettled(work: BackgroundWork): boolean {
  return work.pending === 0 && work.batches === 0 && work.waiting === 0;
}

function jobIdOf(body: unknown): string | undefined {
  const id = typeof body === "object" && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}

function markWaiting(work: BackgroundWork, bodies: unknown[], waiting: boolean): void {
  const ids = waitingIds.get(work);
  if (!ids) return;
  for (const body of bodies) {
    const id = jobIdOf(body);
    if (id === undefined) continue;
    if (waiting) ids.add(id);
    else ids.delete(id);
  }
  work.waiting = ids.size;
}

/** Counts `promise` as pending until it settles, and returns it. */
export function trackPromise<T>(work: BackgroundWork, promise: Promise<T>): Promise<T> {
  work.pending += 1;
  const done = () => {
    work.pending -= 1;
  };
  promise.then(done, done);
  return promise;
}

/**
 * The same context with `waitUntil` counted. A Proxy, because the context's own methods must be
 * called on the real object.
 */
export function trackExecutionContext(ctx: ExecutionContext, work: BackgroundWork): ExecutionContext {
  return new Proxy(ctx, {
    get(target, property) {
      if (property === "waitUntil") return (promise: Promise<unknown>) => target.waitUntil(trackPromise(work, promise));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Whether a binding is a Queue producer (service bindings answer any property, so exclude them). */
function isQueueProducer(value: unknown): value is Queue {
  if (typeof value !== "object" || value === null) return false;
  const binding = value as Record<string, unknown>;
  return typeof binding.send === "function" && typeof binding.sendBatch === "function" && typeof binding.fetch !== "function";
}

/** `env` with every Queue producer binding counting the messages it sends. */
export function trackQueueProducers<E extends object>(env: E, work: BackgroundWork): E {
  const tracked = { ...env } as Record<string, unknown>;
  for (const [name, binding] of Object.entries(tracked)) {
    if (!isQueueProducer(binding)) continue;
    tracked[name] = new Proxy(binding, {
      get(target, property) {
        if (property === "send") {
          return (body: unknown, options?: QueueSendOptions) => countSent(work, [body], target.send(body, options));
        }
        if (property === "sendBatch") {
          return (messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) => {
            const list = [...messages];
            return countSent(work, list.map((message) => message.body), target.sendBatch(list, options));
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
  return tracked as E;
}

/**
 * Counts messages as queued and waiting from the moment they are sent, so the consumer can never
 * be seen ahead of the producer; a send that fails takes them back.
 */
async function countSent<T>(work: BackgroundWork, bodies: unknown[], sending: Promise<T>): Promise<T> {
  work.queued += bodies.length;
  markWaiting(work, bodies, true);
  try {
    return await sending;
  } catch (error) {
    work.queued -= bodies.length;
    markWaiting(work, bodies, false);
    throw error;
  }
}

/** Runs one consumer batch, counted as running until it returns and its messages as delivered. */
export async function trackConsumerBatch(work: BackgroundWork, bodies: unknown[], run: () => Promise<void>): Promise<void> {
  work.batches += 1;
  markWaiting(work, bodies, false);
  try {
    await run();
  } finally {
    work.batches -= 1;
    work.delivered += bodies.length;
  }
}
