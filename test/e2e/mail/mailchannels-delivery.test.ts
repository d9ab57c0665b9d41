/**
 * Mail through MailChannels, end to end: a real `wrangler dev` puts every email on its local
 * mail queue, its own queue consumer sends to a real HTTP stand-in for the Email API on
 * 127.0.0.1, and the tests look at what the stand-in received, at the delivery records in
 * /dev/deliveries.json and at everything the Worker logged. The retry schedule is shortened to
 * one second per retry (MAIL_RETRY_DELAYS_SECONDS); the number of retries is wrangler.toml's.
 *
 * The tests mostly wait for retries, so they run side by side, each with its own addresses and
 * the stand-in's replies scripted for those addresses alone; the check of the logs runs last,
 * over everything the others caused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailChannelsStandIn, type MailChannelsStandIn, type StandInRequest } from "../../support/mailchannels-stand-in.ts";
import { waitFor } from "../../support/wait-for.ts";
import { createAccount } from "../../support/dev-mailbox.ts";
import { startWorker, type RunningWorker } from "../../support/wrangler-dev.ts";

const API_KEY = "mc-e2e-api-key-6f1d0c2b9a8e7d6c5b4a";
const DKIM_PRIVATE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-e2e-dkim-key";
const PASSWORD = "an original passphrase 4";
const NEW_PASSWORD = "a completely new passphrase 8";
const TOKEN_IN_LINK = /\/reset-password\?token=([A-Za-z0-9_-]{43})/;
const ALERT_IN_LINK = /\/account-alert\?token=([A-Za-z0-9_-]{43})/;

interface MailChannelsBody {
  tracking_settings?: unknown;
  personalizations: Array<{ to: Array<{ email: string; name?: string }> }>;
  from: { email: string; name?: string };
  subject: string;
  content: Array<{ type: string; value: string }>;
  dkim_domain?: string;
  dkim_selector?: string;
  dkim_private_key?: string;
  headers?: Record<string, string>;
}

interface DeliveryJson {
  kind: string;
  transport: string;
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

let worker: RunningWorker;
let standIn: MailChannelsStandIn;
let ipCounter = 0;
/** Every secret the suite saw (tokens, reset codes, keys, passwords); none may show up in the Worker's logs. */
const secretsSeen = new Set<string>([API_KEY, DKIM_PRIVATE_KEY, PASSWORD, NEW_PASSWORD]);

beforeAll(async () => {
  standIn = await startMailChannelsStandIn();
  worker = await startWorker({
    vars: {
      MAIL_TRANSPORT: "mailchannels",
      MAILCHANNELS_API_URL: standIn.url,
      MAILCHANNELS_API_KEY: API_KEY,
      DKIM_DOMAIN: "resetkit.test",
      DKIM_SELECTOR: "mailchannels",
      DKIM_PRIVATE_KEY,
      MAIL_RETRY_DELAYS_SECONDS: "1",
    },
  });
});

afterAll(async () => {
  await worker?.stop();
  await standIn?.close();
});

/** POSTs JSON from a fresh client address, so the per-IP limit never interferes. */
async function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  ipCounter += 1;
  return fetch(`${worker.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${ipCounter}`, ...headers },
    body: JSON.stringify(body),
  });
}

/** A verified account, made through the development-only `POST /dev/accounts`. */
const registerAccount = (email: string) => createAccount(worker.url, email, PASSWORD);

async function requestReset(email: string, client: "web" | "desktop" = "web"): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await postJson("/api/v1/password-resets", { email, client });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

function bodyOf(request: StandInRequest): MailChannelsBody {
  const body = request.body as MailChannelsBody;
  for (const part of body.content) {
    for (const match of part.value.matchAll(new RegExp(TOKEN_IN_LINK, "g"))) secretsSeen.add(match[1]!);
    for (const match of part.value.matchAll(new RegExp(ALERT_IN_LINK, "g"))) secretsSeen.add(match[1]!);
    for (const match of part.value.matchAll(/\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/g)) secretsSeen.add(match[0]);
  }
  return body;
}

function requestsTo(email: string): StandInRequest[] {
  return standIn.requests.filter((request) => bodyOf(request).personalizations[0]?.to[0]?.email === email);
}

async function waitForRequestsTo(email: string, count: number, timeoutMs = 20_000): Promise<StandInRequest[]> {
  const deadline = Date.now() + timeoutMs;
  while (requestsTo(email).length < count) {
    if (Date.now() > deadline) throw new Error(`${email} got ${requestsTo(email).length} of ${count} sends`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return requestsTo(email);
}

async function readDeliveries(email: string): Promise<DeliveryJson[]> {
  const response = await fetch(`${worker.url}/dev/deliveries.json?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { deliveries: DeliveryJson[] }).deliveries;
}

async function waitForDelivery(email: string, status: string, timeoutMs = 20_000): Promise<DeliveryJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readDeliveries(email)).find((delivery) => delivery.status === status);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${status} delivery for ${email}: ${JSON.stringify(await readDeliveries(email))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe.concurrent("delivery through MailChannels", () => {
  describe("the request MailChannels receives", () => {
    it("is one POST with the API key, the stored address, text before HTML and the DKIM fields", async () => {
      await registerAccount("Exact.Person@Example.com");
      expect((await requestReset("exact.person@example.com", "desktop")).status).toBe(202);

      const [request] = await waitForRequestsTo("Exact.Person@Example.com", 1);
      expect(request!.method).toBe("POST");
      expect(request!.path).toBe("/tx/v1/send");
      expect(request!.headers["x-api-key"]).toBe(API_KEY);
      expect(request!.headers["content-type"]).toBe("application/json");

      const body = bodyOf(request!);
      expect(Object.keys(body).sort()).toEqual(
        ["content", "dkim_domain", "dkim_private_key", "dkim_selector", "from", "headers", "personalizations", "subject", "tracking_settings"].sort(),
      );
      expect(body.headers).toEqual({ "Content-Language": "en" });
      expect(body.personalizations).toEqual([{ to: [{ email: "Exact.Person@Example.com" }] }]);
      expect(body.from).toEqual({ name: "ResetKit", email: "no-reply@example.com" });
      expect(body.subject).toBe("Reset your ResetKit password");
      expect(body.content.map((part) => part.type)).toEqual(["text/plain", "text/html"]);
      // Click tracking would route the reset link, token and all, through a redirect.
      expect(body.tracking_settings).toEqual({ click_tracking: { enable: false }, open_tracking: { enable: false } });
      expect(body).toMatchObject({ dkim_domain: "resetkit.test", dkim_selector: "mailchannels", dkim_private_key: DKIM_PRIVATE_KEY });

      const token = TOKEN_IN_LINK.exec(body.content[0]!.value)![1]!;
      expect(body.content[0]!.value).toContain(`http://127.0.0.1:8787/reset-password?token=${token}`);
      expect(body.content[0]!.value).toContain(`resetkit://reset-password?token=${token}`);
      expect(body.content[0]!.value).toContain("30 minutes");
      expect(body.content[1]!.value).toContain(`href="http://127.0.0.1:8787/reset-password?token=${token}"`);

      expect(await waitForDelivery("Exact.Person@Example.com", "sent")).toMatchObject({
        kind: "password_reset",
        transport: "mailchannels",
        attempts: 1,
        lastError: null,
      });
    });
  });

  describe("temporary failures", () => {
    it("are retried after a 500 and a 429 until MailChannels accepts the message; only the delivered link works", async () => {
      await registerAccount("retry@example.com");
      standIn.respondTo("retry@example.com", { status: 500 }, { status: 429 }, { status: 202 });
      expect((await requestReset("retry@example.com")).status).toBe(202);

      const sends = await waitForRequestsTo("retry@example.com", 3);
      expect(await waitForDelivery("retry@example.com", "sent")).toMatchObject({ attempts: 3, lastError: null });
      // Each attempt carries a fresh link; the two that never arrived are already revoked.
      const tokens = sends.map((send) => TOKEN_IN_LINK.exec(bodyOf(send).content[0]!.value)![1]!);
      expect(new Set(tokens).size).toBe(3);
      expect((await postJson("/api/v1/password-resets/verify", { token: tokens[0] })).status).toBe(410);
      expect((await postJson("/api/v1/password-resets/verify", { token: tokens[2] })).status).toBe(200);
      expect(requestsTo("retry@example.com")).toHaveLength(3);
    });

    it("outlast an outage: after MailChannels answered 503 for a while the email arrives and its link works", async () => {
      await registerAccount("outage@example.com");
      standIn.respondTo("outage@example.com", { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 202 });
      const requestedAt = Date.now();
      expect((await requestReset("outage@example.com")).status).toBe(202);

      const sends = await waitForRequestsTo("outage@example.com", 5, 40_000);
      const delivered = await waitForDelivery("outage@example.com", "sent", 40_000);
      expect(delivered).toMatchObject({ attempts: 5, lastError: null });
      // Four retries, each after at least the one-second delay.
      expect(sends[4]!.receivedAt - sends[0]!.receivedAt).toBeGreaterThanOrEqual(4 * 1_000 - 100);

      const token = TOKEN_IN_LINK.exec(bodyOf(sends[4]!).content[0]!.value)![1]!;
      const verify = await postJson("/api/v1/password-resets/verify", { token });
      expect(verify.status).toBe(200);
      // The link's 30 minutes count from the attempt that was accepted, not from the request.
      const { expiresAt } = (await verify.json()) as { expiresAt: string };
      expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(requestedAt + 30 * 60_000 + 4 * 1_000 - 100);
      expect((await postJson("/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD })).status).toBe(204);
    });

    it("that never end move the message to the dead-letter queue and record the delivery as failed, with the reason", async () => {
      await registerAccount("dead-letter@example.com");
      standIn.respondTo("dead-letter@example.com", { status: 503 });
      expect((await requestReset("dead-letter@example.com")).status).toBe(202);

      const failed = await waitForDelivery("dead-letter@example.com", "failed", 60_000);
      // wrangler.toml allows 7 retries: 8 attempts in all.
      expect(failed).toMatchObject({ kind: "password_reset", attempts: 8, lastError: "gave up after 8 attempt(s): HTTP 503" });
      expect(requestsTo("dead-letter@example.com")).toHaveLength(8);
      expect(worker.logs()).toContain("to dead letter queue");
    });

    it("never slow down POST /api/v1/password-resets, even when MailChannels hangs for seconds", async () => {
      const emails = Array.from({ length: 10 }, (_, index) => `timing-${index}@example.com`);
      for (const email of emails) await registerAccount(email);

      const normal: number[] = [];
      for (const email of emails.slice(0, 5)) normal.push((await requestReset(email)).ms);
      for (const email of emails.slice(0, 5)) await waitForDelivery(email, "sent");

      for (const email of emails.slice(5)) standIn.respondTo(email, { status: 202, delayMs: 2_000 });
      const hanging: number[] = [];
      for (const email of emails.slice(5)) {
        const { status, ms } = await requestReset(email);
        expect(status).toBe(202);
        hanging.push(ms);
        await waitForRequestsTo(email, 1);
      }

      // Every hanging send was under way while the next response was measured. A response that
      // waited for the mail would take at least the stand-in's 2 seconds; the margins leave room
      // for a busy machine.
      expect(median(hanging)).toBeLessThan(median(normal) + 500);
      expect(Math.max(...hanging)).toBeLessThan(1_500);
      for (const email of emails.slice(5)) await waitForDelivery(email, "sent");
    });
  });

  describe("a permanent failure", () => {
    it("is recorded with its reason and not retried", async () => {
      await registerAccount("refused@example.com");
      // Like some providers, the stand-in echoes part of the request in its error.
      standIn.respondTo("refused@example.com", { status: 400, body: (request) => JSON.stringify({ errors: [`bad content ${request.rawBody.slice(0, 400)}`] }) });
      expect((await requestReset("refused@example.com")).status).toBe(202);

      const failed = await waitForDelivery("refused@example.com", "failed");
      expect(failed).toMatchObject({ kind: "password_reset", transport: "mailchannels", attempts: 1 });
      expect(failed.lastError).toMatch(/^HTTP 400: /);
      // "failed" is final: the mailer writes it after its last attempt.
      expect(requestsTo("refused@example.com")).toHaveLength(1);

      const page = await (await fetch(`${worker.url}/dev/mailbox?to=refused@example.com`)).text();
      expect(page).toContain("failed");
      expect(page).toContain("HTTP 400");
    });
  });

  describe("a full reset flow", () => {
    it("sends the reset link and the 'password changed' notice to the stored address", async () => {
      await registerAccount("Full.Flow@Example.com");
      const signIn = await postJson("/api/v1/sessions", { email: "full.flow@example.com", password: PASSWORD });
      expect(signIn.status).toBe(200);
      const { token: sessionToken } = (await signIn.json()) as { token: string };
      secretsSeen.add(sessionToken);

      expect((await requestReset("FULL.FLOW@example.com")).status).toBe(202);
      const [resetMail] = await waitForRequestsTo("Full.Flow@Example.com", 1);
      const token = TOKEN_IN_LINK.exec(bodyOf(resetMail!).content[0]!.value)![1]!;

      expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(200);
      expect((await postJson("/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD })).status).toBe(204);

      const [, changedMail] = await waitForRequestsTo("Full.Flow@Example.com", 2);
      const changed = bodyOf(changedMail!);
      expect(changed.subject).toBe("Your ResetKit password was changed");
      expect(changed.content[0]!.value).toMatch(new RegExp(`http://127\\.0\\.0\\.1:8787${ALERT_IN_LINK.source}`));

      const me = await fetch(`${worker.url}/api/v1/me`, { headers: { authorization: `Bearer ${sessionToken}` } });
      expect(me.status).toBe(401);
      expect((await postJson("/api/v1/sessions", { email: "full.flow@example.com", password: NEW_PASSWORD })).status).toBe(200);
    });
  });

});

describe("the Worker's logs", () => {
  it("never contain a token, a link with a token, a password or the API key", async () => {
    // Wait until the background work of the earlier tests is over: every delivery is final.
    await waitFor(
      async () => {
        const response = await fetch(`${worker.url}/dev/deliveries.json`);
        const { deliveries } = (await response.json()) as { deliveries: DeliveryJson[] };
        const final = deliveries.length > 0 && deliveries.every((delivery) => delivery.status === "sent" || delivery.status === "failed");
        // Wrangler relays the Worker's output through a pipe, a moment after the Worker wrote it.
        return final && worker.logs().includes("failed permanently at attempt 1: HTTP 400: ");
      },
      { timeoutMs: 20_000, description: "every delivery to be sent or failed, and logged" },
    );
    const logs = worker.logs();
    expect(logs).toContain("POST /api/v1/password-resets");
    // The Worker's own lines are captured too: the permanent failure was logged, redacted.
    expect(logs).toContain("failed permanently at attempt 1: HTTP 400: ");
    expect(secretsSeen.size).toBeGreaterThan(10);
    for (const secret of secretsSeen) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/reset-password\?token=/);
    expect(logs).not.toMatch(/account-alert\?token=/);
  });
});
