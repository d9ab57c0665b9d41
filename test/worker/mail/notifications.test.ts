import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listDeliveryRecords } from "../../../worker/src/mail/delivery-records.ts";
import { sendPasswordResetEmail } from "../../../worker/src/mail/notifications.ts";

/** A new delivery: a fresh job id, first attempt. */
function firstAttempt(): { id: string; attempts: number } {
  return { id: crypto.randomUUID(), attempts: 1 };
}

const TOKEN = "Zyxwvutsrqponmlkjihgfedcba9876543210_-ABCDE";
const ENGLISH = { locale: "en" } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sendPasswordResetEmail through the outbox transport", () => {
  it("stores the reset email for the given address with the configured base URL", async () => {
    await sendPasswordResetEmail(env, { to: "Reader@Example.com", token: TOKEN, code: "7KQ2M9XD", client: "web", expiresAt: Date.now() + 1_800_000, language: ENGLISH }, firstAttempt());
    const row = await env.DB.prepare("SELECT to_address, subject, text_body, html_body FROM mail_outbox WHERE to_address = ?")
      .bind("reader@example.com")
      .first<{ to_address: string; subject: string; text_body: string; html_body: string }>();
    expect(row?.to_address).toBe("Reader@Example.com");
    expect(row?.subject).toBe("Reset your ResetKit password");
    expect(row?.text_body).toContain(`http://127.0.0.1:8787/reset-password?token=${TOKEN}`);
    expect(row?.text_body).toContain("30 minutes");
  });

  it("records the delivery as sent without the token or the link", async () => {
    await sendPasswordResetEmail(env, { to: "records@example.com", token: TOKEN, code: "7KQ2M9XD", client: "desktop", expiresAt: Date.now() + 1_800_000, language: ENGLISH }, firstAttempt());
    const records = await listDeliveryRecords(env, { to: "records@example.com", limit: 10 });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: "password_reset", transport: "outbox", status: "sent", attempts: 1, lastError: null });
    const everything = JSON.stringify(await env.DB.prepare("SELECT * FROM mail_deliveries").all());
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("7KQ2");
    expect(everything).not.toContain("reset-password");
  });

  it("writes the email in its language, names the expiry in the reader's time zone and keeps the language with it", async () => {
    const expiresAt = Date.UTC(2026, 11, 4, 14, 5);
    const language = { locale: "es", timeZone: "Europe/Madrid" } as const;
    await sendPasswordResetEmail(env, { to: "lector@example.com", token: TOKEN, code: "7KQ2M9XD", client: "web", expiresAt, language }, firstAttempt());
    const row = await env.DB.prepare("SELECT subject, text_body, html_body, content_language FROM mail_outbox WHERE to_address = ?")
      .bind("lector@example.com")
      .first<{ subject: string; text_body: string; html_body: string; content_language: string }>();
    expect(row?.content_language).toBe("es");
    expect(row?.subject).not.toBe("Reset your ResetKit password");
    // 14:05 UTC is 15:05 in Madrid in December, named by its zone.
    expect(row?.text_body).toContain("15:05");
    expect(row?.text_body).toMatch(/Europa central|Central European/i);
    expect(row?.html_body).toContain('<html lang="es" dir="ltr">');
  });

  it("builds links from PUBLIC_BASE_URL, never from anything else", async () => {
    const configured = { ...env, PUBLIC_BASE_URL: "https://auth.example.org/" } as Env;
    await sendPasswordResetEmail(configured, { to: "base@example.com", token: TOKEN, code: "7KQ2M9XD", client: "web", expiresAt: 0, language: ENGLISH }, firstAttempt());
    const row = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE to_address = ?").bind("base@example.com").first<{ text_body: string }>();
    expect(row?.text_body).toContain(`https://auth.example.org/reset-password?token=${TOKEN}`);
  });

  it("stores nothing, and says why without the link, when a production Worker still uses the outbox", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const production = { ...env, ENVIRONMENT: "production" } as Env;
    await sendPasswordResetEmail(production, { to: "forgotten@example.com", token: TOKEN, code: "7KQ2M9XD", client: "web", expiresAt: 0, language: ENGLISH }, firstAttempt());
    const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM mail_outbox WHERE to_address = ?").bind("forgotten@example.com").first<{ n: number }>();
    expect(stored?.n).toBe(0);
    const lines = error.mock.calls.map((call) => call.join(" "));
    expect(lines.some((line) => line.includes("set MAIL_TRANSPORT=mailchannels"))).toBe(true);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("stays quiet about the outbox in development", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await sendPasswordResetEmail(env, { to: "quiet@example.com", token: TOKEN, code: "7KQ2M9XD", client: "web", expiresAt: 0, language: ENGLISH }, firstAttempt());
    expect(warn).not.toHaveBeenCalled();
  });
});
