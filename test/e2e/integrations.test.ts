/**
 * What an integrating team sees, against a real `wrangler dev` with its own queues: a completed
 * reset and a confirmed sign-up reach their receiver as signed Standard Webhooks events (verified
 * with the `standardwebhooks` package), a refused first delivery arrives again with the same
 * `webhook-id`, and an operator with ADMIN_API_TOKEN can look an address up, read its deliveries
 * and sign it out everywhere, while nobody without the token can.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, WEBHOOK_TEST_SECRET, type ReceivedDelivery, type WebhookReceiver } from "../support/webhook-receiver.ts";
import { readLinkFromMail } from "../support/dev-mailbox.ts";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";

const ADMIN_TOKEN = "e2e-operator-token-0123456789-abcdefghij";
const PASSWORD = "an original passphrase 1";
const NEW_PASSWORD = "a lighthouse keeper's lantern";

describe("events and the operator API, against wrangler dev", () => {
  let receiver: WebhookReceiver;
  let worker: RunningWorker;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(WEBHOOK_TEST_SECRET);
    worker = await startWorker({
      vars: {
        WEBHOOK_URL: `${receiver.origin}/t/e2e/flaky/events`,
        WEBHOOK_SECRET: WEBHOOK_TEST_SECRET,
        WEBHOOK_RETRY_DELAYS_SECONDS: "1",
        ADMIN_API_TOKEN: ADMIN_TOKEN,
      },
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await receiver?.close();
  });

  const api = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
    fetch(`${worker.url}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  /** The token of the `path` link in an email to `email`. */
  const readLink = async (email: string, path: string) => new URL(await readLinkFromMail(worker.url, email, path)).searchParams.get("token") ?? "";

  /** Waits until the receiver has accepted (204) an event of `type` about `email`. */
  async function waitForEvent(type: string, email: string): Promise<ReceivedDelivery[]> {
    for (let tries = 0; tries < 150; tries += 1) {
      const matching = receiver.deliveries.filter((delivery) => {
        const body = delivery.body as { type?: string; data?: { email?: string } } | null;
        return body?.type === type && body.data?.email === email;
      });
      if (matching.some((delivery) => delivery.status === 204)) return matching;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${type} event about ${email} was accepted`);
  }

  it("sends a confirmed sign-up and a completed reset as signed events, and a refused delivery again with the same id", async () => {
    const email = "integrator@example.com";
    expect((await api("/api/v1/accounts", { body: { email, password: PASSWORD } })).status).toBe(202);
    const verification = await readLink(email, "/verify-email");
    expect((await api("/api/v1/accounts/verify", { body: { token: verification, password: PASSWORD } })).status).toBe(200);
    const verified = await waitForEvent("account.verified", email);
    // The receiver refused the first delivery (503); the retry carried the same id and body.
    expect(verified.map((delivery) => [delivery.status, delivery.verified])).toEqual([
      [503, true],
      [204, true],
    ]);
    expect(verified[1]?.id).toBe(verified[0]?.id);
    expect(verified[1]?.id).toMatch(/^msg_/);

    expect((await api("/api/v1/password-resets", { body: { email } })).status).toBe(202);
    const reset = await readLink(email, "/reset-password");
    expect((await api("/api/v1/password-resets/confirm", { body: { token: reset, password: NEW_PASSWORD } })).status).toBe(204);
    const [completed] = await waitForEvent("password_reset.completed", email);
    expect(completed?.body).toMatchObject({ type: "password_reset.completed", data: { email, method: "link", client: "web" } });
    expect(JSON.stringify(receiver.deliveries)).not.toContain(reset);
  });

  it("lets an operator with the token look an address up, read its deliveries and sign it out everywhere; nobody else", async () => {
    const email = "support-case@example.com";
    expect((await api("/dev/accounts", { body: { email, password: PASSWORD } })).status).toBe(201);
    const { token: session } = (await (await api("/api/v1/sessions", { body: { email, password: PASSWORD } })).json()) as { token: string };
    await api("/api/v1/password-resets", { body: { email } });
    await readLink(email, "/reset-password");

    expect((await api(`/api/v1/admin/accounts?email=${email}`)).status).toBe(401);
    expect((await api(`/api/v1/admin/accounts?email=${email}`, { token: "not-the-token-0123456789-0123456789" })).status).toBe(401);

    const account = (await (await api(`/api/v1/admin/accounts?email=${email}`, { token: ADMIN_TOKEN })).json()) as { id: string; sessions: number };
    expect(account).toMatchObject({ email, verified: true, sessions: 1, liveResetLinks: 1 });
    const { deliveries } = (await (await api(`/api/v1/admin/deliveries?to=${email}`, { token: ADMIN_TOKEN })).json()) as { deliveries: Array<{ kind: string; status: string }> };
    expect(deliveries).toEqual([expect.objectContaining({ kind: "password_reset", status: "sent" })]);

    expect((await api(`/api/v1/admin/accounts/${account.id}/sessions`, { method: "DELETE", token: ADMIN_TOKEN })).status).toBe(204);
    expect((await api("/api/v1/me", { token: session })).status).toBe(401);
  });
});
