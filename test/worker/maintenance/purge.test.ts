import { createScheduledController, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../worker/src/index.ts";
import { MAIL_RETENTION_MS } from "../../../worker/src/maintenance/purge.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { createSession, SESSION_TTL_MS } from "../../../worker/src/sessions/session.ts";
import { requestSignUp } from "../../../worker/src/accounts/sign-up.ts";
import { CHOSEN_PASSWORD, readAccount, readLatestVerificationToken, signUp, verify } from "../accounts/sign-up-fixtures.ts";
import { captureMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { ORIGINAL_PASSWORD, postJson, readResetTokensSentTo, registerAccount, requestReset } from "../reset/reset-fixtures.ts";

/** A request that named no language, answered in the default one. */
const UNSTATED_ENGLISH = { locale: "en", stated: false } as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

afterEach(() => {
  vi.restoreAllMocks();
});

async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS count FROM ${table}`).first<{ count: number }>();
  return row?.count ?? 0;
}

/** Which of `emails` have an account, in order. */
/** The addresses of the sign-up test found in `table` (accounts or pending sign-ups), in order. */
async function listAddresses(table: "accounts" | "pending_sign_ups"): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT email FROM ${table} WHERE email IN (?, ?, ?, ?) ORDER BY email`)
    .bind("abandoned@example.com", "confirmed@example.com", "member@example.com", "recent@example.com")
    .all<{ email: string }>();
  return results.map((row) => row.email);
}

async function countStaged(email: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS count FROM sign_up_requests WHERE email = ?").bind(email).first<{ count: number }>();
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
    // Old's used link (kept until it expires, so opening it again says it was used), old's live one and fresh's.
    expect(await countRows("password_reset_tokens")).toBe(3);
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

  it("deletes unconfirmed sign-ups a day old with their links, expired links and leftover staged sign-ups, and keeps the rest", async () => {
    const start = Date.UTC(2026, 2, 1);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    await signUp("abandoned@example.com");
    await signUp("confirmed@example.com");
    expect((await verify(await readLatestVerificationToken("confirmed@example.com"), CHOSEN_PASSWORD)).status).toBe(200);
    const member = await registerAccount("member@example.com");
    // A sign-up the queue never got to: its staged row stays behind.
    expect(await requestSignUp(captureMailJobs().env, { email: "stuck@example.com", password: CHOSEN_PASSWORD, client: "web", ip: "192.0.2.7", language: UNSTATED_ENGLISH })).toEqual({
      ok: true,
    });

    // Just under a day later the link still works, so nothing goes.
    at.mockReturnValue(start + DAY - MINUTE);
    await signUp("recent@example.com");
    await runCron();
    expect(await listAddresses("accounts")).toEqual(["confirmed@example.com", "member@example.com"]);
    expect(await listAddresses("pending_sign_ups")).toEqual(["abandoned@example.com", "recent@example.com"]);
    expect(await countStaged("stuck@example.com")).toBe(1);

    // A day on, the abandoned sign-up's link has expired and the sign-up goes with it; the used link of the confirmed one too.
    at.mockReturnValue(start + DAY);
    await runCron();
    expect(await listAddresses("accounts")).toEqual(["confirmed@example.com", "member@example.com"]);
    expect((await readAccount("member@example.com")).id).toBe(member.id);
    expect(await listAddresses("pending_sign_ups")).toEqual(["recent@example.com"]);
    expect(await countStaged("stuck@example.com")).toBe(0);
    const links = await env.DB.prepare("SELECT p.email FROM email_verifications v JOIN pending_sign_ups p ON p.id = v.sign_up_id").all<{ email: string }>();
    expect(links.results).toEqual([{ email: "recent@example.com" }]);
    expect(await countRows("email_verifications")).toBe(1);
    // The abandoned address is free for a new sign-up, which starts afresh.
    await signUp("abandoned@example.com", "a fresh passphrase of mine");
    expect(await listAddresses("pending_sign_ups")).toEqual(["abandoned@example.com", "recent@example.com"]);
  });

  it("forgets a network and a device trusted for sign-in 30 days after their last successful sign-in", async () => {
    const start = Date.UTC(2026, 4, 1);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("trusting@example.com");
    expect((await postJson("/api/v1/sessions", { email: "trusting@example.com", password: ORIGINAL_PASSWORD })).status).toBe(200);
    // Whatever earlier tests left, months before, goes first.
    await runCron();
    const trusted = await countRows("trusted_sign_in_clients");
    // The network and the device token the sign-in handed out.
    expect(trusted).toBeGreaterThanOrEqual(2);

    at.mockReturnValue(start + 30 * DAY - MINUTE);
    await runCron();
    expect(await countRows("trusted_sign_in_clients")).toBe(trusted);
    at.mockReturnValue(start + 30 * DAY);
    await runCron();
    expect(await countRows("trusted_sign_in_clients")).toBe(0);
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
