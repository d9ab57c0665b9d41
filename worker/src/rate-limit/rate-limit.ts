/**
 * Rate limits stored in D1, shared by the JSON API and the web forms. Each rule is a sliding
 * window: a hit is admitted only if fewer than `limit` admitted hits fall in the `windowMs`
 * before it, so no span of that length, wherever it starts, ever admits more than the limit
 * (fixed clock windows let twice the limit through across a boundary). Each admitted hit is one
 * row; the check and the insert are one `INSERT ... SELECT ... WHERE (count) < limit`, so
 * concurrent requests cannot both slip under the limit. A refused hit is not recorded, so
 * Retry-After is exactly when the oldest counted hit leaves the window.
 *
 * Rules keyed by a client IP count its network (one IPv4 address or one IPv6 /64, see
 * network.ts). Subjects are stored as HMAC-SHA-256 under `HMAC_KEY`: a plain hash of an IPv4
 * address or an email address is reversed by hashing every candidate, a keyed one is not
 * without the Worker's secret.
 *
 * @example
 * const limit = await consumeRateLimit(env, "reset-per-network", readClientIp(request));
 * if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds);
 */
import { readConfig } from "../config.ts";
import { computeKeyedHash } from "../crypto/keyed-hash.ts";
import { clock } from "../platform/clock.ts";
import { networkOf } from "./network.ts";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
  /** "network": the subject is a client IP, counted per network; "value": counted as given. */
  per: "network" | "value";
}

const MINUTE = 60_000;

/** Every limit in one table; adding a rule is one line. */
export const RATE_LIMIT_RULES = {
  /** Reset requests from one network: beyond this the API answers 429. */
  "reset-per-network": { limit: 10, windowMs: 15 * MINUTE, per: "network" },
  /**
   * Reset emails to one normalised address asked for from one network: beyond this requests are
   * accepted but send nothing. Per network, so nobody elsewhere can use up the owner's requests.
   */
  "reset-emails-per-address-network": { limit: 3, windowMs: 15 * MINUTE, per: "value" },
  /**
   * Reset emails to one normalised address from every network the address has not signed in from
   * lately: a ceiling against mail-bombing that an attacker can reach but the owner's own network
   * is not held by.
   */
  "reset-emails-per-address": { limit: 10, windowMs: 60 * MINUTE, per: "value" },
  /** Failed sign-ins from one network: beyond this every sign-in from it answers 429. */
  "sign-in-failures-per-network": { limit: 20, windowMs: 15 * MINUTE, per: "network" },
  /** Reset-code redeem attempts from one network: beyond this the API answers 429. */
  "redeem-code-per-network": { limit: 10, windowMs: 15 * MINUTE, per: "network" },
  /** Sign-ups from one network: beyond this the API answers 429. */
  "sign-up-per-network": { limit: 10, windowMs: 60 * MINUTE, per: "network" },
  /** Sign-up emails to one normalised address: beyond this sign-ups are accepted but send nothing (no mail-bombing). */
  "sign-up-per-email": { limit: 3, windowMs: 60 * MINUTE, per: "value" },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitRuleName = keyof typeof RATE_LIMIT_RULES;

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** One admitted hit, which `refundRateLimitHit` can take back; null when limits are off. */
export type RateLimitHit = { id: number } | null;

export type RateLimitReservation = { allowed: true; hit: RateLimitHit } | { allowed: false; retryAfterSeconds: number };

export const RATE_LIMIT_QUERIES = {
  insertIfUnderLimit: `INSERT INTO rate_limits (bucket, hit_at, expires_at)
     SELECT ?1, ?2, ?3 WHERE (SELECT COUNT(*) FROM rate_limits WHERE bucket = ?1 AND hit_at > ?4) < ?5
     RETURNING id`,
  findBlockingHit: "SELECT hit_at FROM rate_limits WHERE bucket = ?1 AND hit_at > ?2 ORDER BY hit_at DESC LIMIT 1 OFFSET ?3",
  deleteById: "DELETE FROM rate_limits WHERE id = ?",
} as const;

/** Counts one hit against `rule` for `subject` and says whether it is within the limit. */
export async function consumeRateLimit(env: Env, rule: RateLimitRuleName, subject: string): Promise<RateLimitResult> {
  const reservation = await reserveRateLimit(env, rule, subject);
  return reservation.allowed ? { allowed: true } : reservation;
}

/**
 * Counts one hit like `consumeRateLimit` and returns it, for limits that count only failures:
 * the attempt holds its place while it runs, so concurrent attempts cannot overrun the limit,
 * and a success gives it back with `refundRateLimitHit`.
 */
export async function reserveRateLimit(env: Env, rule: RateLimitRuleName, subject: string): Promise<RateLimitReservation> {
  if (!readConfig(env).rateLimitsEnabled) return { allowed: true, hit: null };
  const { limit, windowMs, per } = RATE_LIMIT_RULES[rule] as RateLimitRule;
  const now = clock.now();
  const bucket = `${rule}:${await computeKeyedHash(env, "rate-limit", per === "network" ? networkOf(subject) : subject)}`;
  const inserted = await env.DB.prepare(RATE_LIMIT_QUERIES.insertIfUnderLimit)
    .bind(bucket, now, now + windowMs, now - windowMs, limit)
    .first<{ id: number }>();
  if (inserted) return { allowed: true, hit: { id: inserted.id } };
  // Refused: the next slot opens when the limit-th newest counted hit leaves the window.
  const blocking = await env.DB.prepare(RATE_LIMIT_QUERIES.findBlockingHit)
    .bind(bucket, now - windowMs, limit - 1)
    .first<{ hit_at: number }>();
  const hitAt = blocking?.hit_at ?? now;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((hitAt + windowMs - now) / 1000)) };
}

/** Takes back a hit from `reserveRateLimit`, as if it had never been counted. */
export async function refundRateLimitHit(env: Env, hit: RateLimitHit): Promise<void> {
  if (!hit) return;
  await env.DB.prepare(RATE_LIMIT_QUERIES.deleteById).bind(hit.id).run();
}
