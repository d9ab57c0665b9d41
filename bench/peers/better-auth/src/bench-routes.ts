/**
 * Routes that exist only in the bench build of the peer, under `/bench/`: the reset tokens
 * its mail table holds, the D1 statement tally, and a password-hash timing hook. The bench
 * reads tokens through the raw binding so that reading them is never counted as peer work, and
 * asks `/bench/settled` whether the background work requests left behind has finished.
 */
import type { BackgroundWork } from "../../../instrumentation/background-work.ts";
import { isSettled } from "../../../instrumentation/background-work.ts";
import type { D1Tally } from "../../../instrumentation/counting-d1.ts";
import { resetD1Tally } from "../../../instrumentation/counting-d1.ts";
import type { PeerAuth } from "./auth.ts";
import { findResetTokens, listResetMail } from "./reset-mail.ts";

export interface BenchContext {
  rawDb: D1Database;
  tally: D1Tally;
  work: BackgroundWork;
  auth: PeerAuth;
}

/** Answers a `/bench/*` request, or 404 for any other bench path. */
export async function handleBenchRequest(request: Request, bench: BenchContext): Promise<Response> {
  const url = new URL(request.url);
  switch (`${request.method} ${url.pathname}`) {
    case "GET /bench/reset-tokens": {
      const email = url.searchParams.get("to");
      const tokens = email ? await findResetTokens(bench.rawDb, email) : [];
      return Response.json({ tokens });
    }
    case "GET /bench/reset-mail":
      return Response.json({ messages: await listResetMail(bench.rawDb) });
    case "GET /bench/settled":
      return Response.json({ ...bench.work, settled: isSettled(bench.work) });
    case "GET /bench/d1-tally":
      return Response.json(bench.tally);
    case "POST /bench/d1-tally/reset":
      resetD1Tally(bench.tally);
      return Response.json(bench.tally);
    case "POST /bench/hash-password": {
      // Timed from outside: workerd's clock does not move during pure CPU work.
      const count = Math.min(Number(url.searchParams.get("count") ?? "1") || 0, 100);
      const context = await bench.auth.$context;
      for (let i = 0; i < count; i += 1) await context.password.hash(`bench password number ${i}`);
      return Response.json({ hashed: count });
    }
    default:
      return new Response("Not found", { status: 404 });
  }
}
