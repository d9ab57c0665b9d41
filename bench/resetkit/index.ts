/**
 * ResetKit's bench entry point: the real Worker, called with its D1 binding wrapped by the
 * statement counter, plus bench-only `/bench/*` routes to read and reset the tally and to time
 * the password hash. Nothing here changes what the Worker does; it only watches.
 */
import { countD1Statements, createD1Tally, resetD1Tally } from "../instrumentation/counting-d1.ts";
import worker from "../../worker/src/index.ts";
import { hashPassword } from "../../worker/src/crypto/password-hash.ts";

const tally = createD1Tally();
// The wrapper is built once per binding, as the Worker would see one binding per isolate.
let counted: { raw: D1Database; db: D1Database } | undefined;

function countedDb(raw: D1Database): D1Database {
  if (counted?.raw !== raw) counted = { raw, db: countD1Statements(raw, tally) };
  return counted.db;
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

export default {
  async fetch(request, env, ctx): Promise<Response> {
    if (new URL(request.url).pathname.startsWith("/bench/")) return handleBenchRequest(request);
    return worker.fetch(request, { ...env, DB: countedDb(env.DB) }, ctx);
  },
  async queue(batch, env, ctx): Promise<void> {
    const queue = (worker as ExportedHandler<Env>).queue;
    await queue?.(batch, { ...env, DB: countedDb(env.DB) }, ctx);
  },
  async scheduled(controller, env, ctx): Promise<void> {
    const scheduled = (worker as ExportedHandler<Env>).scheduled;
    await scheduled?.(controller, { ...env, DB: countedDb(env.DB) }, ctx);
  },
} satisfies ExportedHandler<Env>;
