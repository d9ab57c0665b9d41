/**
 * The peer's Better Auth instance, configured the way Better Auth 1.7 recommends for
 * Cloudflare Workers: the D1 binding passed straight in as `database` (Better Auth detects it
 * and uses its Kysely D1 dialect), email and password enabled, and mail sent in the background
 * through `waitUntil`. Its own rate limiter is off for the bench, as ResetKit's is.
 */
import { betterAuth } from "better-auth";
import { waitUntil } from "cloudflare:workers";
import { recordResetMail } from "./reset-mail.ts";

export interface AuthSettings {
  db: D1Database;
  secret: string;
  /** The origin the peer is served from; `wrangler dev` picks the port at start. */
  baseURL: string;
}

/** Builds Better Auth over one D1 binding. */
export function createAuth({ db, secret, baseURL }: AuthSettings) {
  return betterAuth({
    baseURL,
    secret,
    database: db,
    emailAndPassword: {
      enabled: true,
      sendResetPassword: ({ user, url, token }) => recordResetMail(db, { email: user.email, url, token }),
    },
    rateLimit: { enabled: false },
    advanced: { backgroundTasks: { handler: waitUntil } },
    telemetry: { enabled: false },
  });
}

export type PeerAuth = ReturnType<typeof createAuth>;
