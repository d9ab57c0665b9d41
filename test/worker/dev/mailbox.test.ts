import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMailer } from "../../../worker/src/mail/mailer.ts";
import type { MailMessage } from "../../../worker/src/mail/mail-message.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import worker from "../../../worker/src/index.ts";
import { productionEnv } from "../production-env.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

function message(to: string, subject: string, text = "Hello", html = "<p>Hello</p>"): MailMessage {
  return { kind: "password_reset", to: { email: to }, subject, text, html };
}

interface MailboxJson {
  messages: Array<{ id: string; to: string; subject: string; text: string; html: string; createdAt: string }>;
}

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
    for (const subject of ["first", "second", "third"]) await mailer.send(message("order@example.com", subject));
    await mailer.send(message("someone-else@example.com", "not yours"));

    const { messages } = await readMailboxJson("order@example.com");
    expect(messages.map((m) => m.subject)).toEqual(["third", "second", "first"]);
    expect(messages[0]).toEqual({
      id: expect.any(String),
      to: "order@example.com",
      subject: "third",
      text: "Hello",
      html: "<p>Hello</p>",
      createdAt: "2026-11-26T12:00:00.000Z",
    });
  });

  it("finds messages whatever the case of the address", async () => {
    await createMailer(env).send(message("Mixed.Case@Example.com", "case"));
    const { messages } = await readMailboxJson("mixed.case@example.com");
    expect(messages.map((m) => m.to)).toEqual(["Mixed.Case@Example.com"]);
  });

  it("answers an empty list for an address that got nothing", async () => {
    expect(await readMailboxJson("nobody@example.com")).toEqual({ messages: [] });
  });
});

describe("GET /dev/mailbox", () => {
  it("shows each message with clickable links and its delivery status", async () => {
    const link = "http://127.0.0.1:8787/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    await createMailer(env).send(message("page@example.com", "Reset your ResetKit password", `Open this link:\n${link}\n`));
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
    );
    const html = await (await exports.default.fetch("http://127.0.0.1/dev/mailbox?to=escape@example.com")).text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("serves a message's HTML part in a sandbox that runs no scripts", async () => {
    const result = await createMailer(env).send(message("part@example.com", "html part", "t", "<p>Rendered part</p>"));
    const response = await exports.default.fetch(`http://127.0.0.1/dev/mailbox/${result.id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<p>Rendered part</p>");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("GET /dev/deliveries.json", () => {
  it("lists the delivery records of one recipient", async () => {
    await createMailer(env).send(message("records@example.com", "recorded"));
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
      await createMailer(env).send(message("prod@example.com", "secret subject"));
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
      await createMailer(env).send(message("rebind@example.com", "rebinding secret"));
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
