/**
 * The Better Auth peer's Worker: Better Auth's handler under `/api/auth/*`, a bare `/healthz`,
 * and the bench-only `/bench/*` routes. Every D1 statement Better Auth sends goes through the
 * counting wrapper, so the bench can report statements per request, and every background task
 * it starts is tracked, so the bench can wait until that work is done.
 */
import { waitUntil } from "cloudflare:workers";
import { createBackgroundWork, trackPromise } from "../../../instrumentation/background-work.ts";
import { countD1Statements, createD1Tally } from "../../../instrumentation/counting-d1.ts";
import { createAuth, type PasswordHashChoice, type PeerAuth } from "./auth.ts";
import { handleBenchRequest } from "./bench-routes.ts";

interface PeerEnv {
  DB: D1Database;
  BETTER_AUTH_SECRET: string;
  /** "default" (Better Auth's own scrypt) or "resetkit-scrypt" (ResetKit's work factor). */
  PASSWORD_HASH: string;
}

const tally = createD1Tally();
const work = createBackgroundWork();
// One Better Auth instance per isolate and origin, as a long-lived deployment would keep it.
let cached: { origin: string; auth: PeerAuth } | undefined;

function findAuth(env: PeerEnv, origin: string): PeerAuth {
  if (cached?.origin !== origin) {
    const db = countD1Statements(env.DB, tally);
    const passwordHash: PasswordHashChoice = env.PASSWORD_HASH === "resetkit-scrypt" ? "resetkit-scrypt" : "default";
    const background = (promise: Promise<unknown>) => waitUntil(trackPromise(work, promise));
    cached = { origin, auth: createAuth({ db, secret: env.BETTER_AUTH_SECRET, baseURL: origin, passwordHash, background }) };
  }
  return cached.auth;
}

export default {
  async fetch(request, env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
    const auth = findAuth(env, url.origin);
    if (url.pathname.startsWith("/bench/")) return handleBenchRequest(request, { rawDb: env.DB, tally, work, auth });
    if (url.pathname.startsWith("/api/auth/")) return auth.handler(request);
    return new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<PeerEnv>;
