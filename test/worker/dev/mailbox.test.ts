import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMailer } from "../../../worker/src/mail/mailer.ts";
import type { MailMessage } from "../../../worker/src/mail/mail-message.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import worker from "../../../worker/src/index.ts";
import { trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { productionEnv } from "../production-env.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

function message(to: string, subject: string, text = "Hello", html = "<p>Hello</p>"): MailMessage {
  return { kind: "password_reset", to: { email: to }, subject, text, html, locale: "en" };
}

/** A new delivery: a fresh job id, first attempt. */
function firstAttempt(): { id: string; attempts: number } {
  return { id: crypto.randomUUID(), attempts: 1 };
}

interface MailboxJson {
  messages: Array<{ id: string; to: string; subject: string; text: string; html: string; createdAt: string }>;
  skipped?: Array<{ id: string; to: string; reason: string; createdAt: string }>;
}

/** Asks for a reset link through the API and waits until the queue consumer has handled it. */
async function postResetRequest(email: string): Promise<void> {
  const tracked = trackMailJobs(env);
  const ctx = createExecutionContext();
  const request = new Request("http://127.0.0.1/api/v1/password-resets", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": `192.0.2.${(requestCounter += 1)}` },
    body: JSON.stringify({ email }),
  });
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], tracked.env, ctx);
  await waitOnExecutionContext(ctx);
  expect(response.status).toBe(202);
  await waitForMailJobs(tracked.ids);
}

let requestCounter = 0;

async function readMailboxJson(to: string): Promise<MailboxJson> {
  const response = await exports.default.fetch(`http://127.0.0.1/dev/mailbox.json?to=${encodeURIComponent(to)}`);
  expect(response.status).toBe(200);
  return response.json();
}

/** Calls the Worker with `workerEnv` (a correct production config unless given). */
async function fetchWith(url: string, workerEnv: Env = productionEnv()): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(url) as Parameters<typeof worker.fetch>[0], workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("GET /dev/mailbox.json", () => {
  it("lists one recipient's messages newest first, keeping send order within the same second", async () => {
    vi.spyOn(clock, "now").mockReturnValue(Date.UTC(2026, 10, 26, 12, 0, 0));
    const mailer = createMailer(env);
    for (const subject of ["first", "second", "third"]) await mailer.send(message("order@example.com", subject), firstAttempt());
    await mailer.send(message("someone-else@example.com", "not yours"), firstAttempt());

    const { messages } = await readMailboxJson("order@example.com");
    expect(messages.map((m) => m.subject)).toEqual(["third", "second", "first"]);
    expect(messages[0]).toEqual({
      id: expect.any(String),
      to: "order@example.com",
      subject: "third",
      text: "Hello",
      html: "<p>Hello</p>",
      contentLanguage: "en",
      createdAt: "2026-11-26T12:00:00.000Z",
    });
  });

  it("finds messages whatever the case of the address", async () => {
    await createMailer(env).send(message("Mixed.Case@Example.com", "case"), firstAttempt());
    const { messages } = await readMailboxJson("mixed.case@example.com");
    expect(messages.map((m) => m.to)).toEqual(["Mixed.Case@Example.com"]);
  });

  it("answers an empty list for an address that got nothing", async () => {
    expect(await readMailboxJson("nobody@example.com")).toEqual({ messages: [], skipped: [] });
  });

  it("lists the reset requests that sent nothing, with the reason, under skipped", async () => {
    await postResetRequest("no-such-account@example.com");

    const body = await readMailboxJson("no-such-account@example.com");
    expect(body.messages).toEqual([]);
    expect(body.skipped).toEqual([{ id: expect.any(String), to: "no-such-account@example.com", reason: "no_account", createdAt: expect.any(String) }]);
  });
});

describe("GET /dev/mailbox", () => {
  it("lists emails newest first, each collapsible, with only the newest open", async () => {
    vi.spyOn(clock, "now").mockReturnValue(Date.UTC(2026, 10, 26, 9, 0, 0));
    const mailer = createMailer(env);
    for (const subject of ["older email", "newer email"]) await mailer.send(message("list@example.com", subject), firstAttempt());

    const html = await (await exports.default.fetch("http://127.0.0.1/dev/mailbox?to=list@example.com")).text();

    const summaries = [...html.matchAll(/<details class="mailbox-message"( open="")?><summary><span class="mailbox-subject"[^>]*>([^<]*)</g)];
    expect(summaries.map((match) => [match[2], match[1] !== undefined])).toEqual([
      ["newer email", true],
      ["older email", false],
    ]);
    // The page's CSP has no 'unsafe-inline': no inline styles or scripts.
    expect(html).not.toMatch(/ style=|<style|<script/);
    expect(html).toContain('<link rel="stylesheet" href="/styles.css"/>');
  });

  it("shows a reset request that sent nothing as a developer note with the reason", async () => {
    await postResetRequest("ghost@example.com");

    const html = await (await exports.default.fetch("http://127.0.0.1/dev/mailbox?to=ghost@example.com")).text();

    expect(html).toContain("Reset request for ghost@example.com");
    expect(html).toContain("<strong>Developer note:</strong> no account has this address, so nothing was sent.");
  });

  it("shows each message with clickable links and its delivery status", async () => {
    const link = "http://127.0.0.1:8787/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    await createMailer(env).send(message("page@example.com", "Reset your ResetKit password", `Open this link:\n${link}\n`), firstAttempt());
    const response = await exports.default.fetch("http://127.0.0.1/dev/mailbox?to=page@example.com");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain(`<a href="${link}">${link}</a>`);
    expect(html).toContain("sent (1 attempt)");
    expect(html).toContain("Reset your ResetKit password");
  });

  it("shows email content as inert text", async () => {
    await createMailer(env).send(
      message("escape@example.com", "<script>alert(1)</script>", 'text <img src=x onerror=alert(2)> javascript:alert(3)'),
      firstAttempt(),
    );
    const html = await (await exports.default.fetch("http://127.0.0.1/dev/mailbox?to=escape@example.com")).text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("serves a message's HTML part in a sandbox that runs no scripts", async () => {
    const attempt = firstAttempt();
    await createMailer(env).send(message("part@example.com", "html part", "t", "<p>Rendered part</p>"), attempt);
    const response = await exports.default.fetch(`http://127.0.0.1/dev/mailbox/${attempt.id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<p>Rendered part</p>");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("GET /dev/deliveries.json", () => {
  it("lists the delivery records of one recipient", async () => {
    await createMailer(env).send(message("records@example.com", "recorded"), firstAttempt());
    const response = await exports.default.fetch("http://127.0.0.1/dev/deliveries.json?to=records@example.com");
    const body = await response.json<{ deliveries: Array<Record<string, unknown>> }>();
    expect(body.deliveries).toHaveLength(1);
    expect(body.deliveries[0]).toMatchObject({ kind: "password_reset", transport: "outbox", status: "sent", attempts: 1, to: "records@example.com" });
  });
});

describe("the /dev routes in production", () => {
  it.each(["/dev/mailbox", "/dev/mailbox.json?to=prod@example.com", "/dev/deliveries.json", "/dev/mailbox/some-id"])(
    "answer %s with 404 and reveal no mail",
    async (path) => {
      await createMailer(env).send(message("prod@example.com", "secret subject"), firstAttempt());
      const response = await fetchWith(`http://127.0.0.1${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("secret subject");
    },
  );

  it("answer 404, not 503, even when production is misconfigured", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await fetchWith("http://127.0.0.1/dev/mailbox.json", productionEnv({ PUBLIC_BASE_URL: undefined }));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("still serve in development", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/dev/mailbox");
    expect(response.status).toBe(200);
  });
});

describe("the /dev routes under another Host (DNS rebinding)", () => {
  it.each(["/dev/mailbox", "/dev/mailbox.json?to=rebind@example.com", "/dev/deliveries.json"])(
    "answer %s for Host evil.example with the HTML 404 page in development, revealing no mail",
    async (path) => {
      await createMailer(env).send(message("rebind@example.com", "rebinding secret"), firstAttempt());
      const response = await fetchWith(`http://evil.example${path}`, env);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await response.text();
      expect(html).toContain("Page not found");
      expect(html).not.toContain("rebinding secret");
    },
  );

  it.each(["http://localhost:8787", "http://127.0.0.1:8787", "http://[::1]:8787"])("serve the mailbox on the loopback origin %s", async (origin) => {
    const response = await fetchWith(`${origin}/dev/mailbox.json`, env);
    expect(response.status).toBe(200);
  });
});
