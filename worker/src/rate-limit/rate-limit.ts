/**
 * Rate limits stored in D1, shared by the JSON API and the web forms. Each rule is a fixed
 * window: the first hit in a window inserts a counter row, later hits increment it, all in one
 * `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`, so concurrent requests cannot both slip
 * under the limit. Subjects are stored only as SHA-256 hashes, so the table never holds raw
 * email or IP addresses.
 *
 * @example
 * const limit = await consumeRateLimit(env, "reset-per-ip", readClientIp(request));
 * if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds);
 */
import { readConfig } from "../config.ts";
import { hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * Every limit in one table. Subjects: the client IP for "reset-per-ip", the normalised email
 * for "reset-per-email", and `signInSubject(email, ip)` for "sign-in-per-email-ip".
 */
export const RATE_LIMIT_RULES = {
  /** Reset requests from one IP: beyond this the API answers 429. */
  "reset-per-ip": { limit: 10, windowMs: 15 * MINUTE },
  /** Reset emails to one address: beyond this requests are still accepted but send nothing. */
  "reset-per-email": { limit: 3, windowMs: 15 * MINUTE },
  /** Sign-in attempts for one address from one IP: beyond this the API answers 429. */
  "sign-in-per-email-ip": { limit: 10, windowMs: 15 * MINUTE },
  /** Reset-code redeem attempts from one network: beyond this the API answers 429. */
  "redeem-code-per-network": { limit: 10, windowMs: 15 * MINUTE },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitRuleName = keyof typeof RATE_LIMIT_RULES;

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one hit against `rule` for `subject` and says whether it is within the limit. */
export async function consumeRateLimit(env: Env, rule: RateLimitRuleName, subject: string): Promise<RateLimitResult> {
  if (!readConfig(env).rateLimitsEnabled) return { allowed: true };
  const { limit, windowMs } = RATE_LIMIT_RULES[rule];
  const now = clock.now();
  const windowStart = now - (now % windowMs);
  const windowEnd = windowStart + windowMs;
  const bucket = `${rule}:${await hashToken(subject)}`;
  const row = await env.DB.prepare(
    `INSERT INTO rate_limits (bucket, window_start, hits, expires_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1
     RETURNING hits`,
  )
    .bind(bucket, windowStart, windowEnd)
    .first<{ hits: number }>();
  const hits = row?.hits ?? 1;
  if (hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
}

/** The subject for the sign-in limit: one counter per address and IP pair. */
export function signInSubject(emailNormalized: string, ip: string): string {
  return `${emailNormalized}\n${ip}`;
}
