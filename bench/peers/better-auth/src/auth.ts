/**
 * The peer's Better Auth instance, configured the way Better Auth 1.7 recommends for
 * Cloudflare Workers: the D1 binding passed straight in as `database` (Better Auth detects it
 * and uses its Kysely D1 dialect), email and password enabled, and mail sent in the background
 * through `waitUntil` (passed in as `background`). Its own rate limiter is off for the bench, as ResetKit's is. With
 * `passwordHash: "resetkit-scrypt"` it hashes at ResetKit's work factor instead of its default.
 */
import { betterAuth } from "better-auth";
import { recordResetMail } from "./reset-mail.ts";
import { hashWithResetKitScrypt, verifyWithResetKitScrypt } from "./resetkit-scrypt.ts";

export type PasswordHashChoice = "default" | "resetkit-scrypt";

export interface AuthSettings {
  db: D1Database;
  secret: string;
  /** The origin the peer is served from; `wrangler dev` picks the port at start. */
  baseURL: string;
  passwordHash: PasswordHashChoice;
  /** Runs background work; the bench passes `waitUntil` wrapped so it can tell when it is done. */
  background: (promise: Promise<unknown>) => void;
}

/** Builds Better Auth over one D1 binding. */
export function createAuth({ db, secret, baseURL, passwordHash, background }: AuthSettings) {
  return betterAuth({
    baseURL,
    secret,
    database: db,
    emailAndPassword: {
      enabled: true,
      sendResetPassword: ({ user, url, token }) => recordResetMail(db, { email: user.email, url, token }),
      ...(passwordHash === "resetkit-scrypt" ? { password: { hash: hashWithResetKitScrypt, verify: verifyWithResetKitScrypt } } : {}),
    },
    rateLimit: { enabled: false },
    advanced: { backgroundTasks: { handler: background } },
    telemetry: { enabled: false },
  });
}

export type PeerAuth = ReturnType<typeof createAuth>;
