/**
 * Signed webhook events from the changes they report: each is stored by the batch that makes its
 * change, queued by id, and delivered with Standard Webhooks headers that the `standardwebhooks`
 * package verifies (the local receiver, test/support/webhook-receiver.ts). A refused delivery is
 * tried again with the same `webhook-id`; one that keeps failing is recorded "failed".
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import worker from "../../../worker/src/index.ts";
import { sweepPendingWebhookEvents, type WebhookMessage } from "../../../worker/src/webhooks/webhook-events.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { WEBHOOK_TEST_SECRET, type ReceivedDelivery } from "../../support/webhook-test-secret.ts";
import { CHOSEN_PASSWORD, readLatestVerificationToken } from "../accounts/sign-up-fixtures.ts";
import { runQueueMessages, trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { ORIGINAL_PASSWORD, readResetTokensSentTo, registerAccount } from "../reset/reset-fixtures.ts";

const NEW_PASSWORD = "a brand new passphrase 2";
let tagCounter = 0;

/** An env that sends events to the receiver under a fresh tag, and keeps the queue's messages for the test to run. */
function webhookEnv(options: { flaky?: boolean; url?: string } = {}) {
  tagCounter += 1;
  const tag = `w${tagCounter}-${crypto.randomUUID().slice(0, 8)}`;
  const messages: WebhookMessage[] = [];
  const queue = {
    send: async (body: WebhookMessage) => void messages.push(body),
    sendBatch: async (batch: Iterable<MessageSendRequest<WebhookMessage>>) => {
      for (const message of batch) messages.push(message.body);
    },
  } as unknown as Queue;
  const url = options.url ?? `${inject("webhookReceiverOrigin")}/t/${tag}/${options.flaky ? "flaky/" : ""}events`;
  const configured = { ...env, WEBHOOK_URL: url, WEBHOOK_SECRET: WEBHOOK_TEST_SECRET, WEBHOOK_RETRY_DELAYS_SECONDS: "5,60", WEBHOOK_QUEUE: queue } as Env;
  return { env: configured, tag, messages };
}

/** Calls the Worker's JSON API under `base`, waiting for the mail it queued. */
async function post(base: Env, path: string, body: unknown): Promise<Response> {
  const tracked = trackMailJobs(base);
  const ctx = createExecutionContext();
  const request = new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": `198.18.${tagCounter % 250}.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify(body),
  });
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], tracked.env, ctx);
  await waitOnExecutionContext(ctx);
  await waitForMailJobs(tracked.ids);
  return response;
}

/** Hands the queued messages to the webhook consumer as attempt `attempts`, as Queues would. */
function runDeliveries(base: Env, messages: readonly WebhookMessage[], attempts = 1, queue = "resetkit-dev-webhooks") {
  return runQueueMessages(queue, messages.map((body, index) => ({ id: `m${index}-${attempts}`, body })), { env: base, attempts });
}

async function readDeliveries(tag: string): Promise<ReceivedDelivery[]> {
  return (await fetch(`${inject("webhookReceiverOrigin")}/deliveries?tag=${tag}`)).json();
}

async function readEvent(id: string) {
  return env.DB.prepare("SELECT id, type, body, status, attempts, last_error FROM webhook_events WHERE id = ?").bind(id).first<{
    id: string;
    type: string;
    body: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }>();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("webhook events", () => {
  it("sends a completed reset as a signed password_reset.completed event, with no token or link in it", async () => {
    const { env: base, tag, messages } = webhookEnv();
    const account = await registerAccount("hooked-reset@example.com");
    await post(base, "/api/v1/password-resets", { email: "hooked-reset@example.com", client: "desktop" });
    const [token] = await readResetTokensSentTo("hooked-reset@example.com");
    expect((await post(base, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD })).status).toBe(204);

    expect(messages).toHaveLength(1);
    expect((await runDeliveries(base, messages)).explicitAcks).toHaveLength(1);
    const [delivery] = await readDeliveries(tag);
    expect(delivery).toMatchObject({ id: messages[0]?.eventId, verified: true, status: 204 });
    expect(delivery?.body).toEqual({
      type: "password_reset.completed",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { accountId: account.id, email: "hooked-reset@example.com", method: "link", client: "desktop" },
    });
    expect(JSON.stringify(delivery?.body)).not.toContain(token ?? "no token");
    expect(JSON.stringify(delivery?.body)).not.toMatch(/https?:|scrypt|passphrase/);
    expect(await readEvent(messages[0]!.eventId)).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("names a reset finished with the emailed code as method code", async () => {
    const { env: base, messages } = webhookEnv();
    await registerAccount("hooked-code@example.com");
    await post(base, "/api/v1/password-resets", { email: "hooked-code@example.com" });
    const mail = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE to_address = ? ORDER BY seq DESC").bind("hooked-code@example.com").first<{ text_body: string }>();
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mail?.text_body ?? "")?.[1];
    const redeemed = await post(base, "/api/v1/password-resets/redeem-code", { email: "hooked-code@example.com", code });
    const { token } = (await redeemed.json()) as { token: string };
    await post(base, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });
    const event = await readEvent(messages[0]!.eventId);
    expect(JSON.parse(event!.body)).toMatchObject({ type: "password_reset.completed", data: { method: "code", client: "web" } });
  });

  it("sends a confirmed sign-up as account.verified, once, even when the confirm is repeated", async () => {
    const { env: base, messages } = webhookEnv();
    await post(base, "/api/v1/accounts", { email: "hooked-sign-up@example.com", password: CHOSEN_PASSWORD });
    const token = await readLatestVerificationToken("hooked-sign-up@example.com");
    const confirmed = await post(base, "/api/v1/accounts/verify", { token, password: CHOSEN_PASSWORD });
    expect(confirmed.status).toBe(200);
    const { id } = (await confirmed.json()) as { id: string };
    expect((await post(base, "/api/v1/accounts/verify", { token, password: CHOSEN_PASSWORD })).status).toBe(410);
    expect(messages).toHaveLength(1);
    expect(JSON.parse((await readEvent(messages[0]!.eventId))!.body)).toMatchObject({
      type: "account.verified",
      data: { accountId: id, email: "hooked-sign-up@example.com" },
    });
  });

  it("sends a signed-in change of password as password.changed", async () => {
    const { env: base, messages } = webhookEnv();
    await registerAccount("hooked-change@example.com");
    const signedIn = (await (await post(base, "/api/v1/sessions", { email: "hooked-change@example.com", password: ORIGINAL_PASSWORD })).json()) as { token: string };
    const ctx = createExecutionContext();
    const request = new Request("http://127.0.0.1/api/v1/me/password", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${signedIn.token}` },
      body: JSON.stringify({ currentPassword: ORIGINAL_PASSWORD, newPassword: NEW_PASSWORD }),
    });
    expect((await worker.fetch(request as Parameters<typeof worker.fetch>[0], base, ctx)).status).toBe(204);
    await waitOnExecutionContext(ctx);
    expect(JSON.parse((await readEvent(messages[0]!.eventId))!.body)).toMatchObject({ type: "password.changed", data: { email: "hooked-change@example.com" } });
  });

  it("tries a refused delivery again with the same webhook-id, after the first delay", async () => {
    const { env: base, tag, messages } = webhookEnv({ flaky: true });
    await registerAccount("hooked-retry@example.com");
    await post(base, "/api/v1/password-resets", { email: "hooked-retry@example.com" });
    const [token] = await readResetTokensSentTo("hooked-retry@example.com");
    await post(base, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });

    const first = await runDeliveries(base, messages, 1);
    expect(first.retryDelays).toEqual({ "m0-1": 5 });
    expect(await readEvent(messages[0]!.eventId)).toMatchObject({ status: "queued", attempts: 1, last_error: "HTTP 503" });
    const second = await runDeliveries(base, messages, 2);
    expect(second.explicitAcks).toEqual(["m0-2"]);

    const deliveries = await readDeliveries(tag);
    expect(deliveries.map((delivery) => [delivery.id, delivery.status, delivery.verified])).toEqual([
      [messages[0]!.eventId, 503, true],
      [messages[0]!.eventId, 204, true],
    ]);
    // Each attempt is signed afresh, at its own time; the id and the body stay the same.
    expect(deliveries[1]?.body).toEqual(deliveries[0]?.body);
  });

  it("gives up on a receiver that refuses for good, and records why", async () => {
    const { env: base, messages } = webhookEnv({ url: `${inject("webhookReceiverOrigin")}/no-such-receiver` });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const misconfigured = { ...base, WEBHOOK_SECRET: "whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC0wMDAwMDA=" } as Env;
    await registerAccount("hooked-refused@example.com");
    await post(misconfigured, "/api/v1/password-resets", { email: "hooked-refused@example.com" });
    const [token] = await readResetTokensSentTo("hooked-refused@example.com");
    await post(misconfigured, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });
    // The receiver cannot verify another secret's signature and answers 401: no retry helps.
    const result = await runDeliveries(misconfigured, messages);
    expect(result.explicitAcks).toEqual(["m0-1"]);
    expect(await readEvent(messages[0]!.eventId)).toMatchObject({ status: "failed", last_error: "HTTP 401" });
  });

  it("records an event 'failed' when Queues gives up on it, in the dead-letter queue", async () => {
    const { env: base, messages } = webhookEnv({ flaky: true });
    vi.spyOn(console, "error").mockImplementation(() => {});
    await registerAccount("hooked-dead@example.com");
    await post(base, "/api/v1/password-resets", { email: "hooked-dead@example.com" });
    const [token] = await readResetTokensSentTo("hooked-dead@example.com");
    await post(base, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });
    await runDeliveries(base, messages, 1);
    await runDeliveries(base, messages, 1, "resetkit-dev-webhooks-dead-letter");
    expect(await readEvent(messages[0]!.eventId)).toMatchObject({ status: "failed", last_error: "gave up after 1 attempt(s)" });
  });

  it("makes no event at all without WEBHOOK_URL", async () => {
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_events").first<{ n: number }>();
    await registerAccount("unhooked@example.com");
    await post(env, "/api/v1/password-resets", { email: "unhooked@example.com" });
    const [token] = await readResetTokensSentTo("unhooked@example.com");
    await post(env, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_events").first<{ n: number }>()).toEqual(before);
  });

  it("queues an event whose message never went out, from the cron sweep", async () => {
    const { env: base, messages } = webhookEnv();
    await registerAccount("hooked-sweep@example.com");
    // The queue is down when the reset completes: the event is stored, its message is not sent.
    const down = { ...base, WEBHOOK_QUEUE: { send: () => Promise.reject(new Error("down")), sendBatch: () => Promise.reject(new Error("down")) } } as unknown as Env;
    vi.spyOn(console, "error").mockImplementation(() => {});
    await post(down, "/api/v1/password-resets", { email: "hooked-sweep@example.com" });
    const [token] = await readResetTokensSentTo("hooked-sweep@example.com");
    await post(down, "/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });
    expect(messages).toEqual([]);
    const pending = await env.DB.prepare("SELECT id FROM webhook_events WHERE status = 'pending' AND body LIKE ?").bind("%hooked-sweep%").first<{ id: string }>();
    expect(pending).not.toBeNull();
    expect(await sweepPendingWebhookEvents(base, clock.now())).toBe(0);
    expect(await sweepPendingWebhookEvents(base, clock.now() + 61_000)).toBeGreaterThanOrEqual(1);
    expect(messages.map((message) => message.eventId)).toContain(pending!.id);
  });
});
