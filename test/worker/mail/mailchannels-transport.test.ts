import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findDeliveryRecord } from "../../../worker/src/mail/delivery-records.ts";
import type { MailMessage } from "../../../worker/src/mail/mail-message.ts";
import { createMailer, type MailerOptions } from "../../../worker/src/mail/mailer.ts";

const API_URL = "https://mail.test/tx/v1/send";
const mailchannelsEnv = {
  ...env,
  MAIL_TRANSPORT: "mailchannels",
  MAILCHANNELS_API_URL: API_URL,
  MAILCHANNELS_API_KEY: "test-api-key-0123456789",
  MAIL_FROM: "ResetKit Support <no-reply@resetkit.test>",
} as Env;

const message: MailMessage = {
  kind: "password_reset",
  to: { email: "Dana@Example.com" },
  subject: "Reset your ResetKit password",
  text: "plain body",
  html: "<p>html body</p>",
  locale: "es",
};

interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A stand-in `fetch` that answers with the given statuses in turn and records each request. */
function scriptedFetch(statuses: Array<number | "network-error" | "hang">) {
  const requests: RecordedRequest[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    const next = statuses[Math.min(requests.length - 1, statuses.length - 1)];
    if (next === "network-error") throw new TypeError("Network connection lost.");
    if (next === "hang") {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    return new Response(next === 400 ? JSON.stringify({ errors: ["invalid from address"] }) : null, { status: next });
  }) as typeof fetch;
  return { requests, fetchFn };
}

function testOptions(fetchFn: typeof fetch): MailerOptions {
  return { fetch: fetchFn, attemptTimeoutMs: 50 };
}

/** A new delivery: a fresh job id, first attempt. */
function firstAttempt(): { id: string; attempts: number } {
  return { id: crypto.randomUUID(), attempts: 1 };
}

describe("the MailChannels transport", () => {
  it("posts the exact Email API payload with the API key header and the message's language", async () => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const result = await createMailer(mailchannelsEnv, testOptions(fetchFn)).send(message, firstAttempt());

    expect(result).toEqual({ status: "sent" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.url).toBe(API_URL);
    expect(request!.method).toBe("POST");
    expect(request!.headers.get("x-api-key")).toBe("test-api-key-0123456789");
    expect(request!.headers.get("content-type")).toBe("application/json");
    expect(request!.body).toEqual({
      personalizations: [{ to: [{ email: "Dana@Example.com" }] }],
      from: { email: "no-reply@resetkit.test", name: "ResetKit Support" },
      subject: "Reset your ResetKit password",
      content: [
        { type: "text/plain", value: "plain body" },
        { type: "text/html", value: "<p>html body</p>" },
      ],
      tracking_settings: { click_tracking: { enable: false }, open_tracking: { enable: false } },
      headers: { "Content-Language": "es" },
    });
  });

  it("adds the DKIM fields when all three DKIM secrets are set", async () => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const dkimEnv = { ...mailchannelsEnv, DKIM_DOMAIN: "resetkit.test", DKIM_SELECTOR: "mcdkim", DKIM_PRIVATE_KEY: "MIIEv-private" } as Env;
    await createMailer(dkimEnv, testOptions(fetchFn)).send(message, firstAttempt());
    expect(requests[0]!.body).toMatchObject({
      dkim_domain: "resetkit.test",
      dkim_selector: "mcdkim",
      dkim_private_key: "MIIEv-private",
    });
  });

  it("leaves DKIM out when only some DKIM secrets are set", async () => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const partialEnv = { ...mailchannelsEnv, DKIM_DOMAIN: "resetkit.test" } as Env;
    await createMailer(partialEnv, testOptions(fetchFn)).send(message, firstAttempt());
    expect(Object.keys(requests[0]!.body as object)).not.toContain("dkim_domain");
  });

  it.each([500, 503, 429])("reports a %i as temporary and records the delivery as retrying", async (status) => {
    const { requests, fetchFn } = scriptedFetch([status, 202]);
    const attempt = firstAttempt();
    const mailer = createMailer(mailchannelsEnv, testOptions(fetchFn));

    expect(await mailer.send(message, attempt)).toEqual({ status: "retry", error: `HTTP ${status}` });
    expect(await findDeliveryRecord(mailchannelsEnv, attempt.id)).toMatchObject({ status: "retrying", attempts: 1, lastError: `HTTP ${status}` });

    expect(await mailer.send(message, { id: attempt.id, attempts: 2 })).toEqual({ status: "sent" });
    expect(requests).toHaveLength(2);
    const record = await findDeliveryRecord(mailchannelsEnv, attempt.id);
    expect(record).toMatchObject({ status: "sent", attempts: 2, lastError: null, kind: "password_reset", transport: "mailchannels" });
  });

  it("reports a network error as temporary", async () => {
    const { requests, fetchFn } = scriptedFetch(["network-error", 202]);
    const result = await createMailer(mailchannelsEnv, testOptions(fetchFn)).send(message, firstAttempt());
    expect(requests).toHaveLength(1);
    expect(result).toEqual({ status: "retry", error: "TypeError: Network connection lost." });
  });

  it("abandons an attempt that hangs past its timeout and reports it as temporary", async () => {
    const { requests, fetchFn } = scriptedFetch(["hang", 202]);
    const result = await createMailer(mailchannelsEnv, testOptions(fetchFn)).send(message, firstAttempt());
    expect(requests).toHaveLength(1);
    expect(result).toEqual({ status: "retry", error: "timed out" });
  });

  it.each([400, 401, 403, 413])("treats a %i as permanent and does not retry", async (status) => {
    const { requests, fetchFn } = scriptedFetch([status, 202]);
    const attempt = firstAttempt();
    const result = await createMailer(mailchannelsEnv, testOptions(fetchFn)).send(message, attempt);
    expect(requests).toHaveLength(1);
    expect(result.status).toBe("failed");
    const record = await findDeliveryRecord(mailchannelsEnv, attempt.id);
    expect(record).toMatchObject({ status: "failed", attempts: 1 });
    expect(record!.lastError).toMatch(new RegExp(`^HTTP ${status}`));
  });

  it("records the provider's reason for a permanent failure", async () => {
    const { fetchFn } = scriptedFetch([400]);
    const attempt = firstAttempt();
    await createMailer(mailchannelsEnv, testOptions(fetchFn)).send(message, attempt);
    expect((await findDeliveryRecord(mailchannelsEnv, attempt.id))!.lastError).toBe('HTTP 400: {"errors":["invalid from address"]}');
  });

  it.each([
    ["subject", { ...message, subject: "Hello\r\nBcc: victim@example.com" }],
    ["to", { ...message, to: { email: "dana@example.com\nBcc: victim@example.com" } }],
    ["to", { ...message, to: { email: "dana@example.com", name: "Dana\rBcc: x" } }],
  ])("refuses a line break in the %s header without calling MailChannels", async (field, badMessage) => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const attempt = firstAttempt();
    const result = await createMailer(mailchannelsEnv, testOptions(fetchFn)).send(badMessage, attempt);
    expect(requests).toHaveLength(0);
    expect(result.status).toBe("failed");
    expect((await findDeliveryRecord(mailchannelsEnv, attempt.id))!.lastError).toBe(
      `the ${field} header contains a line break or control character`,
    );
  });

  it("refuses a line break in MAIL_FROM without calling MailChannels", async () => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const badFrom = { ...mailchannelsEnv, MAIL_FROM: "ResetKit\r\nBcc: x <no-reply@resetkit.test>" } as Env;
    const result = await createMailer(badFrom, testOptions(fetchFn)).send(message, firstAttempt());
    expect(requests).toHaveLength(0);
    expect(result.status).toBe("failed");
  });

  it("sends a display name such as <script> as inert JSON data", async () => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const scriptFrom = { ...mailchannelsEnv, MAIL_FROM: "<script>alert(1)</script> <no-reply@resetkit.test>" } as Env;
    await createMailer(scriptFrom, testOptions(fetchFn)).send(message, firstAttempt());
    expect((requests[0]!.body as { from: unknown }).from).toEqual({ name: "<script>alert(1)</script>", email: "no-reply@resetkit.test" });
  });

  it("fails without a request when no API key is configured", async () => {
    const { requests, fetchFn } = scriptedFetch([202]);
    const noKey = { ...mailchannelsEnv, MAILCHANNELS_API_KEY: "" } as Env;
    const result = await createMailer(noKey, testOptions(fetchFn)).send(message, firstAttempt());
    expect(requests).toHaveLength(0);
    expect(result).toEqual({ status: "failed", error: "MAILCHANNELS_API_KEY is not set" });
  });
});
