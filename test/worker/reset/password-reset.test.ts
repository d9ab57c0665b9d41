import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  confirmPasswordReset,
  issuePasswordReset,
  requestPasswordReset,
  verifyPasswordResetToken,
} from "../../../worker/src/reset/password-reset.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { computeRequesterNetwork } from "../../../worker/src/reset/requester-network.ts";
import { captureMailJobs, runMailJobs, trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";
import {
  nextIp,
  obtainResetToken,
  ORIGINAL_PASSWORD,
  postJson,
  readMailTo,
  readOutbox,
  readResetTokensSentTo,
  registerAccount,
  requestReset,
} from "./reset-fixtures.ts";
import { failingDatabase, OUTAGE_MESSAGE } from "../storage-fault.ts";

/** A request that named no language, answered in the default one. */
const UNSTATED_ENGLISH = { locale: "en", stated: false } as const;

const MINUTE = 60_000;

afterEach(() => {
  vi.restoreAllMocks();
});

/** An execution context that collects the work a function leaves for after the response. */
function collectingContext(): ExecutionContext & { settle(): Promise<void> } {
  const pending: Promise<unknown>[] = [];
  return {
    waitUntil: (promise: Promise<unknown>) => void pending.push(promise),
    passThroughOnException: () => undefined,
    props: {},
    settle: async () => void (await Promise.all(pending)),
  } as unknown as ExecutionContext & { settle(): Promise<void> };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("reset tokens", () => {
  it("are 43 base64url characters carrying 32 random bytes", async () => {
    await registerAccount("shape@example.com");
    const token = await obtainResetToken("shape@example.com");

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bytes = atob(token.replaceAll("-", "+").replaceAll("_", "/") + "=");
    expect(bytes).toHaveLength(32);
  });

  it("are stored only as their SHA-256 hash, never in clear", async () => {
    const account = await registerAccount("hashed@example.com");
    const token = await obtainResetToken("hashed@example.com");

    const { results } = await env.DB.prepare("SELECT token_hash FROM password_reset_tokens WHERE account_id = ?")
      .bind(account.id)
      .all<{ token_hash: string }>();
    expect(results).toEqual([{ token_hash: await sha256Hex(token) }]);
    // No table but the dev outbox (which is the email itself) holds the token anywhere.
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'mail_outbox'",
    ).all<{ name: string }>();
    expect(tables.results.map((table) => table.name)).toContain("password_reset_tokens");
    for (const { name } of tables.results) {
      const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      expect(JSON.stringify(rows.results), name).not.toContain(token);
    }
  });

  it("expire after RESET_TOKEN_TTL_MINUTES", async () => {
    const start = clock.now();
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    const account = await registerAccount("ttl@example.com");
    await issuePasswordReset({ ...env, RESET_TOKEN_TTL_MINUTES: "5" }, account, { client: "web", requesterNetwork: null }, { locale: "en" }, { id: crypto.randomUUID(), attempts: 1 });
    const [token] = await readResetTokensSentTo("ttl@example.com");

    at.mockReturnValue(start + 5 * MINUTE - 1);
    expect(await verifyPasswordResetToken(env, token)).toMatchObject({ account: { id: account.id }, expiresAt: start + 5 * MINUTE });
    at.mockReturnValue(start + 5 * MINUTE);
    expect(await verifyPasswordResetToken(env, token)).toBeNull();
    const confirm = await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" });
    expect(confirm.status).toBe(410);
  });

  it("last 30 minutes by default", async () => {
    const start = clock.now();
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("default-ttl@example.com");
    const token = await obtainResetToken("default-ttl@example.com");

    at.mockReturnValue(start + 30 * MINUTE - 1);
    expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(200);
    at.mockReturnValue(start + 30 * MINUTE);
    expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(410);
  });
});

describe("at most one live link per account", () => {
  it("a second reset request revokes the first link", async () => {
    const account = await registerAccount("twice@example.com");
    await requestReset("twice@example.com");
    await requestReset("twice@example.com");
    const [first, second] = await readResetTokensSentTo("twice@example.com");

    expect((await postJson("/api/v1/password-resets/verify", { token: first })).status).toBe(410);
    expect((await postJson("/api/v1/password-resets/verify", { token: second })).status).toBe(200);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS count FROM password_reset_tokens WHERE account_id = ?")
      .bind(account.id)
      .first<{ count: number }>();
    expect(rows?.count).toBe(1);
  });

  it("a successful sign-in from the network that asked for the link revokes it", async () => {
    await registerAccount("signin@example.com");
    const ip = nextIp();
    await requestReset("signin@example.com", { ip });
    const token = (await readResetTokensSentTo("signin@example.com")).at(-1);

    const signIn = await postJson("/api/v1/sessions", { email: "signin@example.com", password: ORIGINAL_PASSWORD }, { ip });
    expect(signIn.status).toBe(200);

    expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(410);
  });

  it("a failed sign-in leaves the link alone", async () => {
    await registerAccount("wrong-guess@example.com");
    const token = await obtainResetToken("wrong-guess@example.com");

    const signIn = await postJson("/api/v1/sessions", { email: "wrong-guess@example.com", password: "not the password at all" });
    expect(signIn.status).toBe(401);

    expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(200);
  });

  it("a password change deletes every other reset link of the account", async () => {
    const account = await registerAccount("others@example.com");
    const token = await obtainResetToken("others@example.com");
    // A link issued at the same moment by another request, still live.
    await env.DB.prepare(
      "INSERT INTO password_reset_tokens (token_hash, account_id, client, created_at, expires_at) VALUES ('other-link', ?, 'desktop', ?, ?)",
    )
      .bind(account.id, clock.now(), clock.now() + 30 * MINUTE)
      .run();

    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);

    const { results } = await env.DB.prepare("SELECT token_hash, used_at FROM password_reset_tokens WHERE account_id = ?")
      .bind(account.id)
      .all<{ token_hash: string; used_at: number | null }>();
    expect(results).toEqual([{ token_hash: await sha256Hex(token), used_at: expect.any(Number) }]);
  });
});

describe("requestPasswordReset", () => {
  it("does only the per-network limit and queues one job, the same for known and unknown addresses", async () => {
    await registerAccount("timing@example.com");
    const seen: Array<{ statements: string[]; jobs: unknown[]; body: string }> = [];
    const ip = nextIp();
    for (const email of ["timing@example.com", "no-account@example.com"]) {
      const statements: string[] = [];
      const captured = captureMailJobs({ ...env, DB: recordIssuedStatements(env.DB, statements) });
      const request = new Request("http://127.0.0.1/api/v1/password-resets", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": ip },
        body: JSON.stringify({ email }),
      });
      const ctx = createExecutionContext();

      const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], captured.env, ctx);
      await waitOnExecutionContext(ctx);

      expect(response.status).toBe(202);
      seen.push({ statements, jobs: captured.jobs, body: await response.text() });
    }
    const [known, unknown] = seen;
    // Nothing but the rate-limit counter, before or after the answer: no lookup on this isolate.
    expect(known!.statements).not.toHaveLength(0);
    expect(known!.statements.every((sql) => sql.includes("rate_limits"))).toBe(true);
    expect(unknown!.statements).toEqual(known!.statements);
    expect(unknown!.body).toBe(known!.body);
    // One job each, holding the address as typed, the keyed hash of the network (the same for
    // both, and not the address itself) and no token, password or link.
    const requesterNetwork = await computeRequesterNetwork(env, ip);
    expect(requesterNetwork).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const [index, email] of ["timing@example.com", "no-account@example.com"].entries()) {
      expect(seen[index]!.jobs).toEqual([
        {
          kind: "password_reset_request",
          id: expect.any(String),
          email,
          client: "web",
          requestedAt: expect.any(Number),
          requesterNetwork,
          locale: "en",
          localeStated: false,
        },
      ]);
      expect(JSON.stringify(seen[index]!.jobs)).not.toContain(ip);
    }
  });

  it("leaves the lookup and the email to the queue consumer", async () => {
    await registerAccount("after-answer@example.com");
    const captured = captureMailJobs();
    expect(await requestPasswordReset(captured.env, { email: "after-answer@example.com", client: "web", ip: nextIp(), language: UNSTATED_ENGLISH })).toEqual({
      accepted: true,
    });
    expect(await readMailTo("after-answer@example.com")).toHaveLength(0);

    const result = await runMailJobs(captured.jobs);

    expect(result.explicitAcks).toHaveLength(1);
    expect(await readMailTo("after-answer@example.com")).toHaveLength(1);
  });

  it("sends no mail for Unicode look-alikes of a registered address, even past schema validation", async () => {
    await registerAccount("mike@example.org");
    const before = (await readOutbox()).length;
    const lookAlikes = ["m\u0131ke@example.org", "m\u0130ke@example.org", "\uff4dike@example.org", "mike@examp\u04cfe.org", "MIKE@EXAMPLE.ORG\u200b"];
    const captured = captureMailJobs();
    for (const email of lookAlikes) {
      expect(await requestPasswordReset(captured.env, { email, client: "web", ip: nextIp(), language: UNSTATED_ENGLISH })).toEqual({ accepted: true });
    }
    await runMailJobs(captured.jobs);

    expect(await readOutbox()).toHaveLength(before);
  });

  it("answers a limited IP with the seconds until its window ends", async () => {
    const start = Math.floor(clock.now() / (15 * MINUTE)) * 15 * MINUTE;
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    const ip = nextIp();
    const captured = captureMailJobs();
    for (let index = 0; index < 10; index += 1) {
      await requestPasswordReset(captured.env, { email: `x${index}@example.com`, client: "web", ip, language: UNSTATED_ENGLISH });
    }
    at.mockReturnValue(start + 5 * MINUTE);

    const outcome = await requestPasswordReset(captured.env, { email: "x@example.com", client: "web", ip, language: UNSTATED_ENGLISH });
    expect(outcome).toEqual({ accepted: false, retryAfterSeconds: 10 * 60 });
    expect(captured.jobs).toHaveLength(10);
  });
});

describe("issuePasswordReset", () => {
  it("mails the address stored on the account", async () => {
    const account = await registerAccount("Stored.Case@Example.com");
    await issuePasswordReset(env, account, { client: "web", requesterNetwork: null }, { locale: "en" }, { id: crypto.randomUUID(), attempts: 1 });

    const recipients = (await readOutbox()).map((message) => message.to).filter((to) => /stored\.case/i.test(to));
    expect(recipients).toEqual(["Stored.Case@Example.com"]);
  });
});

describe("verifyPasswordResetToken", () => {
  it("returns null, never throwing, for anything but a live token", async () => {
    const inputs: unknown[] = [undefined, null, 42, "", "!".repeat(43), "A".repeat(44), "C".repeat(43), { token: "x" }];
    for (const input of inputs) {
      expect(await verifyPasswordResetToken(env, input)).toBeNull();
    }
  });

  it("lets a storage failure propagate instead of calling a live link invalid", async () => {
    await registerAccount("outage-verify@example.com");
    const token = await obtainResetToken("outage-verify@example.com");
    await expect(verifyPasswordResetToken({ ...env, DB: failingDatabase() }, token)).rejects.toThrow(OUTAGE_MESSAGE);
  });
});

describe("confirmPasswordReset", () => {
  it("returns typed results for a bad link and a bad password", async () => {
    await registerAccount("typed@example.com");
    const token = await obtainResetToken("typed@example.com");

    expect(await confirmPasswordReset(env, collectingContext(), { token: "E".repeat(43), password: "a brand new passphrase" })).toEqual({
      ok: false,
      reason: "token_invalid",
    });
    expect(await confirmPasswordReset(env, collectingContext(), { token, password: "typed@example.com" })).toEqual({
      ok: false,
      reason: "password_policy",
      message: { key: "passwordPolicy.matchesEmail" },
    });
    const ctx = collectingContext();
    const tracked = trackMailJobs();
    const success = await confirmPasswordReset(tracked.env, ctx, { token, password: "a brand new passphrase" });
    await ctx.settle();
    await waitForMailJobs(tracked.ids);
    expect(success).toMatchObject({ ok: true, account: { email: "typed@example.com" } });
    // The reset link, then the "password changed" notice.
    expect(await readMailTo("typed@example.com")).toHaveLength(2);
  });
});

/** A D1 binding that notes each statement's SQL when it is prepared, before it runs. */
function recordIssuedStatements(db: D1Database, issued: string[]): D1Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          issued.push(sql.replace(/\s+/g, " "));
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
