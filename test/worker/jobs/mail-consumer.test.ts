import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findDeliveryRecord } from "../../../worker/src/mail/delivery-records.ts";
import type { MailJob } from "../../../worker/src/jobs/mail-jobs.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { verifyPasswordResetToken } from "../../../worker/src/reset/password-reset.ts";
import { readMailTo, registerAccount } from "../reset/reset-fixtures.ts";
import { runMailJobs } from "./mail-queue-fixtures.ts";

const MINUTE = 60_000;
const DEAD_LETTER_QUEUE = "resetkit-dev-mail-dead-letter";

const mailchannelsEnv = {
  ...env,
  MAIL_TRANSPORT: "mailchannels",
  MAILCHANNELS_API_URL: "https://mail.test/tx/v1/send",
  MAILCHANNELS_API_KEY: "test-api-key-0123456789",
} as Env;

afterEach(() => {
  vi.restoreAllMocks();
});

function resetRequest(email: string): MailJob {
  return { kind: "password_reset_request", id: crypto.randomUUID(), email, client: "web", requestedAt: clock.now() };
}

/** Answers MailChannels requests with the given statuses in turn and keeps the text bodies sent. */
function stubMailChannels(statuses: number[]): { texts: string[] } {
  const texts: string[] = [];
  let calls = 0;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (_input, init) => {
    const status = statuses[Math.min(calls, statuses.length - 1)]!;
    calls += 1;
    const payload = JSON.parse(String(init?.body)) as { content: Array<{ value: string }> };
    if (status === 202) texts.push(payload.content[0]!.value);
    return new Response(null, { status });
  });
  return { texts };
}

function tokenIn(text: string | undefined): string {
  const token = /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text ?? "")?.[1];
  if (!token) throw new Error("no reset link in the email");
  return token;
}

describe("the mail queue consumer", () => {
  it("sends the reset email for a queued request and acknowledges the message", async () => {
    await registerAccount("queued@example.com");
    const job = resetRequest("queued@example.com");

    const result = await runMailJobs([job]);

    expect(result.explicitAcks).toEqual([`message-${job.id}`]);
    expect(result.retryMessages).toEqual([]);
    expect(await readMailTo("queued@example.com")).toHaveLength(1);
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({ status: "sent", attempts: 1, kind: "password_reset" });
  });

  it("sends no second email when a message that was already sent is delivered again", async () => {
    await registerAccount("redelivered@example.com");
    const job = resetRequest("redelivered@example.com");
    await runMailJobs([job]);

    const again = await runMailJobs([job], { attempts: 2 });

    expect(again.explicitAcks).toEqual([`message-${job.id}`]);
    expect(await readMailTo("redelivered@example.com")).toHaveLength(1);
  });

  it("retries a 503 with the first delay of the schedule and records the attempt", async () => {
    await registerAccount("outage@example.com");
    stubMailChannels([503]);
    const job = resetRequest("outage@example.com");

    const result = await runMailJobs([job], { env: mailchannelsEnv });

    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: `message-${job.id}` }]);
    expect(result.retryDelays).toEqual({ [`message-${job.id}`]: 30 });
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({ status: "retrying", attempts: 1, lastError: "HTTP 503" });
  });

  it("waits longer after each failed attempt, as MAIL_RETRY_DELAYS_SECONDS lists", async () => {
    await registerAccount("growing@example.com");
    stubMailChannels([500]);
    const job = resetRequest("growing@example.com");
    const delays: Array<number | undefined> = [];
    for (let attempts = 1; attempts <= 8; attempts += 1) {
      const result = await runMailJobs([job], { env: mailchannelsEnv, attempts });
      delays.push(result.retryDelays[`message-${job.id}`]);
    }
    expect(delays).toEqual([30, 60, 120, 300, 600, 900, 1800, 1800]);
  });

  it("delivers after an outage a link that lives its full lifetime from the moment it was sent", async () => {
    await registerAccount("after-outage@example.com");
    const { texts } = stubMailChannels([503, 503, 202]);
    const requestedAt = clock.now();
    const at = vi.spyOn(clock, "now").mockReturnValue(requestedAt);
    const job = resetRequest("after-outage@example.com");

    await runMailJobs([job], { env: mailchannelsEnv, attempts: 1 });
    at.mockReturnValue(requestedAt + 20 * MINUTE);
    await runMailJobs([job], { env: mailchannelsEnv, attempts: 2 });
    const sentAt = requestedAt + 55 * MINUTE;
    at.mockReturnValue(sentAt);
    const last = await runMailJobs([job], { env: mailchannelsEnv, attempts: 3 });

    expect(last.explicitAcks).toEqual([`message-${job.id}`]);
    expect(texts).toHaveLength(1);
    const token = tokenIn(texts[0]);
    at.mockReturnValue(sentAt + 30 * MINUTE - 1);
    expect(await verifyPasswordResetToken(env, token)).toMatchObject({ expiresAt: sentAt + 30 * MINUTE });
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("fails a permanent refusal at once: acknowledged, recorded failed with the reason", async () => {
    await registerAccount("refused@example.com");
    stubMailChannels([400]);
    const job = resetRequest("refused@example.com");

    const result = await runMailJobs([job], { env: mailchannelsEnv });

    expect(result.explicitAcks).toEqual([`message-${job.id}`]);
    expect(result.retryMessages).toEqual([]);
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({ status: "failed", attempts: 1, lastError: "HTTP 400" });
  });

  it("records a message that reached the dead-letter queue as failed, with the last error", async () => {
    await registerAccount("dead@example.com");
    stubMailChannels([503]);
    const job = resetRequest("dead@example.com");
    await runMailJobs([job], { env: mailchannelsEnv, attempts: 8 });

    const result = await runMailJobs([job], { queue: DEAD_LETTER_QUEUE });

    expect(result.explicitAcks).toEqual([`message-${job.id}`]);
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({
      status: "failed",
      attempts: 8,
      lastError: "gave up after 8 attempt(s): HTTP 503",
    });
  });

  it("counts the per-address limit once per request, not once per attempt", async () => {
    await registerAccount("limited@example.com");
    stubMailChannels([503]);
    const retried = resetRequest("limited@example.com");
    for (let attempts = 1; attempts <= 4; attempts += 1) await runMailJobs([retried], { env: mailchannelsEnv, attempts });
    vi.restoreAllMocks();

    // The retried request took one of the three; two more get through, the fourth does not.
    for (let index = 0; index < 3; index += 1) await runMailJobs([resetRequest("limited@example.com")]);

    expect(await readMailTo("limited@example.com")).toHaveLength(2);
  });

  it("records a retried email as failed when its account is deleted before the next attempt", async () => {
    const account = await registerAccount("deleted-meanwhile@example.com");
    stubMailChannels([503]);
    const job = resetRequest("deleted-meanwhile@example.com");
    await runMailJobs([job], { env: mailchannelsEnv });
    await env.DB.prepare("DELETE FROM accounts WHERE id = ?").bind(account.id).run();

    const result = await runMailJobs([job], { env: mailchannelsEnv, attempts: 2 });

    expect(result.explicitAcks).toEqual([`message-${job.id}`]);
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({ status: "failed", lastError: "not sent: no_account" });
  });

  it("notes skipped requests and their reason in development only", async () => {
    await registerAccount("noted@example.com");
    const unknown = resetRequest("nobody-here@example.com");
    const production = resetRequest("nobody-in-production@example.com");
    const overLimit = [1, 2, 3, 4].map(() => resetRequest("noted@example.com"));

    await runMailJobs([unknown]);
    for (const job of overLimit) await runMailJobs([job]);
    await runMailJobs([production], { env: { ...env, ENVIRONMENT: "production" } as Env });

    const { results } = await env.DB.prepare("SELECT id, to_address, reason FROM mail_skipped ORDER BY seq").all();
    expect(results).toContainEqual({ id: unknown.id, to_address: "nobody-here@example.com", reason: "no_account" });
    expect(results.filter((row) => row.to_address === "noted@example.com")).toEqual([
      { id: overLimit[3]!.id, to_address: "noted@example.com", reason: "address_limit" },
    ]);
    expect(JSON.stringify(results)).not.toContain("nobody-in-production");
  });

  it("sends the password changed notice and the fresh link after 'this wasn't me' from their own jobs", async () => {
    const account = await registerAccount("kinds@example.com");
    await runMailJobs([
      { kind: "password_changed", id: crypto.randomUUID(), accountId: account.id, changedAt: clock.now() },
      { kind: "account_alert_reset", id: crypto.randomUUID(), accountId: account.id, requestedAt: clock.now() },
    ]);

    const subjects = (await readMailTo("kinds@example.com")).map((message) => message.subject).sort();
    expect(subjects).toEqual(["Reset your ResetKit password", "Your ResetKit password was changed"]);
  });

  it("drops a message that is not a mail job without sending anything", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const bogus = { kind: "password_reset_request", id: "bogus", email: "x@example.com", token: 42 } as unknown as MailJob;

    const result = await runMailJobs([bogus]);

    expect(result.explicitAcks).toEqual(["message-bogus"]);
    expect(error).toHaveBeenCalled();
    expect(await readMailTo("x@example.com")).toHaveLength(0);
  });
});
