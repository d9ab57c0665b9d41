/**
 * ResetKit's bench entry point: the real Worker, called with its D1 binding wrapped by the
 * statement counter and its background work (waitUntil, Queue messages, consumer batches)
 * tracked, plus bench-only `/bench/*` routes to read and reset the tally, to ask whether that
 * background work has finished, to time the password hash, and a bare "ok" that skips the
 * Worker's router (the /healthz comparison). Nothing here changes what the Worker does; it only
 * watches, with one exception the load runs ask for by name: `POST /bench/consumer/hold` makes
 * consumer batches wait until `POST /bench/consumer/release`. In production the consumer is an
 * invocation of its own; locally it shares workerd's threads with the requests, so a load run
 * that measures what the request path costs holds it, then releases it and times the drain.
 */
import { createBackgroundWork, isSettled, trackConsumerBatch, trackExecutionContext, trackQueueProducers } from "../instrumentation/background-work.ts";
import { countD1Statements, createD1Tally, resetD1Tally } from "../instrumentation/counting-d1.ts";
import worker from "../../worker/src/index.ts";
import { hashPassword } from "../../worker/src/crypto/password-hash.ts";

const tally = createD1Tally();
const work = createBackgroundWork();
/** Set while the consumer is held: batches wait for it to resolve. */
let consumerHeld: { released: Promise<void>; release: () => void } | undefined;

function holdConsumer(): void {
  if (consumerHeld) return;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  consumerHeld = { released, release };
}

function releaseConsumer(): void {
  consumerHeld?.release();
  consumerHeld = undefined;
}
// The wrapper is built once per binding, as the Worker would see one binding per isolate.
let counted: { raw: D1Database; db: D1Database } | undefined;

function countedDb(raw: D1Database): D1Database {
  if (counted?.raw !== raw) counted = { raw, db: countD1Statements(raw, tally) };
  return counted.db;
}

// The env the bench build hands on, built once per env object the runtime gives it.
const watchedEnvs = new WeakMap<Env, Env>();

/** The Worker's env as the bench build hands it on: D1 counted, Queue producers tracked. */
function watchedEnv(env: Env): Env {
  let watched = watchedEnvs.get(env);
  if (!watched) {
    watched = trackQueueProducers({ ...env, DB: countedDb(env.DB) }, work);
    watchedEnvs.set(env, watched);
  }
  return watched;
}

/** What the Worker's /healthz answers, without the Worker's router in front of it. */
function answerOk(): Response {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Answers the bench-only routes. */
async function handleBenchRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  switch (`${request.method} ${url.pathname}`) {
    case "GET /bench/d1-tally":
      return Response.json(tally);
    case "POST /bench/d1-tally/reset":
      resetD1Tally(tally);
      return Response.json(tally);
    case "GET /bench/settled":
      return Response.json({ ...work, settled: isSettled(work), held: consumerHeld !== undefined });
    case "POST /bench/consumer/hold":
      holdConsumer();
      return Response.json({ held: true });
    case "POST /bench/consumer/release":
      releaseConsumer();
      return Response.json({ held: false });
    case "POST /bench/hash-password": {
      // Timed from outside: workerd's clock does not move during pure CPU work.
      const count = Math.min(Number(url.searchParams.get("count") ?? "1") || 0, 100);
      for (let i = 0; i < count; i += 1) await hashPassword(`bench password number ${i}`);
      return Response.json({ hashed: count });
    }
    default:
      return new Response("Not found", { status: 404 });
  }
}

const handler = worker as ExportedHandler<Env>;

export default {
  async fetch(request, env, ctx): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/bench/") && pathname !== "/bench/ok") return handleBenchRequest(request);
    const watched = watchedEnv(env);
    const watchedCtx = trackExecutionContext(ctx, work);
    // `/bench/ok` pays for everything `/healthz` does except the Worker itself (its router and
    // middleware), so the two side by side show what those cost.
    if (pathname === "/bench/ok") return answerOk();
    return handler.fetch!(request, watched, watchedCtx);
  },
  async scheduled(controller, env, ctx): Promise<void> {
    await handler.scheduled?.(controller, watchedEnv(env), trackExecutionContext(ctx, work));
  },
  // The mail-queue consumer: forwarded, and counted until each batch is done; a held batch
  // waits for the release first.
  async queue(batch, env, ctx): Promise<void> {
    await trackConsumerBatch(work, batch.messages.map((message) => message.body), async () => {
      if (consumerHeld) await consumerHeld.released;
      await handler.queue?.(batch, watchedEnv(env), trackExecutionContext(ctx, work));
    });
  },
} satisfies ExportedHandler<Env>;
