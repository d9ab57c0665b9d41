import { createScheduledController, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../worker/src/index.ts";
import { MAIL_RETENTION_MS } from "../../../worker/src/maintenance/purge.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { createSession, SESSION_TTL_MS } from "../../../worker/src/sessions/session.ts";
import { postJson, readResetTokensSentTo, registerAccount, requestReset } from "../reset/reset-fixtures.ts";

const MINUTE = 60_000;

afterEach(() => {
  vi.restoreAllMocks();
});

async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS count FROM ${table}`).first<{ count: number }>();
  return row?.count ?? 0;
}

/** Runs the cron trigger the way Cloudflare does, at the clock's current time. */
async function runCron(): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime: new Date(clock.now()), cron: "*/15 * * * *" }), env);
}

describe("the scheduled purge", () => {
  it("deletes expired links, alerts, sessions, rate-limit hits and sign-in failures and week-old mail, and keeps live ones", async () => {
    const start = Date.UTC(2026, 0, 1);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    const old = await registerAccount("old@example.com");
    await requestReset("old@example.com");
    // A used link, a "password changed" email and its "this wasn't me" alert token.
    const [token] = await readResetTokensSentTo("old@example.com");
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);
    await createSession(env, old.id);
    await requestReset("old@example.com");
    expect((await postJson("/api/v1/sessions", { email: "old@example.com", password: "a wrong guess" })).status).toBe(401);
    // A request for an address without an account, noted (in development) as skipped.
    await requestReset("no-account-old@example.com");

    // Thirty days later the old session has just expired; these rows are fresh.
    const later = start + SESSION_TTL_MS;
    at.mockReturnValue(later);
    const fresh = await registerAccount("fresh@example.com");
    await requestReset("fresh@example.com");
    await createSession(env, fresh.id);
    expect((await postJson("/api/v1/sessions", { email: "fresh@example.com", password: "a wrong guess" })).status).toBe(401);
    expect(await countRows("sign_in_failures")).toBe(2);
    expect(await countRows("password_reset_tokens")).toBe(2);
    expect(await countRows("account_alerts")).toBe(1);
    expect(await countRows("sessions")).toBe(2);
    expect(await countRows("mail_outbox")).toBe(4);
    expect(await countRows("mail_deliveries")).toBe(4);
    expect(await countRows("mail_skipped")).toBe(1);
    const rateLimitRowsBefore = await countRows("rate_limits");

    at.mockReturnValue(later + MINUTE);
    await runCron();

    const tokens = await env.DB.prepare("SELECT account_id FROM password_reset_tokens").all<{ account_id: string }>();
    expect(tokens.results).toEqual([{ account_id: fresh.id }]);
    expect(await countRows("account_alerts")).toBe(0);
    const sessions = await env.DB.prepare("SELECT account_id FROM sessions").all<{ account_id: string }>();
    expect(sessions.results).toEqual([{ account_id: fresh.id }]);
    const expiredWindows = await env.DB.prepare("SELECT COUNT(*) AS count FROM rate_limits WHERE expires_at <= ?")
      .bind(later + MINUTE)
      .first<{ count: number }>();
    expect(expiredWindows?.count).toBe(0);
    const rateLimitRowsAfter = await countRows("rate_limits");
    expect(rateLimitRowsAfter).toBeGreaterThan(0);
    expect(rateLimitRowsAfter).toBeLessThan(rateLimitRowsBefore);
    // The month-old failed sign-in is forgotten; the minute-old one is kept.
    expect(await countRows("sign_in_failures")).toBe(1);
    // Mail is kept for a week: the first three messages are 30 days old, the last a minute.
    const outbox = await env.DB.prepare("SELECT to_address FROM mail_outbox").all<{ to_address: string }>();
    expect(outbox.results).toEqual([{ to_address: "fresh@example.com" }]);
    const deliveries = await env.DB.prepare("SELECT to_address FROM mail_deliveries").all<{ to_address: string }>();
    expect(deliveries.results).toEqual([{ to_address: "fresh@example.com" }]);
    expect(await countRows("mail_skipped")).toBe(0);
    expect(MAIL_RETENTION_MS).toBeLessThan(SESSION_TTL_MS);
  });

  it("keeps a live reset link and deletes a used one once it has expired", async () => {
    const start = Date.UTC(2026, 1, 1);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("keeper@example.com");
    await requestReset("keeper@example.com");
    await env.DB.prepare(
      "INSERT INTO password_reset_tokens (token_hash, account_id, client, created_at, expires_at, used_at) SELECT 'used-hash', id, 'web', ?, ?, ? FROM accounts WHERE email = 'keeper@example.com'",
    )
      .bind(start - 40 * MINUTE, start - 10 * MINUTE, start - 35 * MINUTE)
      .run();

    await runCron();

    const { results } = await env.DB.prepare(
      "SELECT t.token_hash FROM password_reset_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.email = 'keeper@example.com'",
    ).all<{ token_hash: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]?.token_hash).not.toBe("used-hash");
    at.mockReturnValue(start + 30 * MINUTE);
    await runCron();
    expect(await countRows("password_reset_tokens")).toBe(0);
  });
});
