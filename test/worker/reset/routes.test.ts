import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findAccountById } from "../../../worker/src/accounts/accounts.ts";
import { verifyPassword } from "../../../worker/src/crypto/password-hash.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { createSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import {
  nextIp,
  ORIGINAL_PASSWORD,
  obtainResetToken,
  postJson,
  readMailTo,
  readOutbox,
  readResetTokensSentTo,
  registerAccount,
  requestReset,
} from "./reset-fixtures.ts";
import { failingDatabase, OUTAGE_MESSAGE } from "../storage-fault.ts";

const MINUTE = 60_000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /api/v1/password-resets", () => {
  it("answers a known and an unknown address with the same status, headers and bytes", async () => {
    await registerAccount("known@example.com");
    const known = await requestReset("known@example.com");
    const unknown = await requestReset("nobody-here@example.com");

    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect([...known.headers]).toEqual([...unknown.headers]);
    const knownBytes = new Uint8Array(await known.arrayBuffer());
    const unknownBytes = new Uint8Array(await unknown.arrayBuffer());
    expect(knownBytes).toEqual(unknownBytes);
    expect(JSON.parse(new TextDecoder().decode(knownBytes))).toEqual({ status: "accepted" });
    // Only the real account got mail.
    expect(await readMailTo("known@example.com")).toHaveLength(1);
    expect(await readMailTo("nobody-here@example.com")).toHaveLength(0);
  });

  it("refuses a malformed email address with 400 and sends nothing", async () => {
    const before = (await readOutbox()).length;
    const response = await postJson("/api/v1/password-resets", { email: "not an address" });

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json<{ code: string; errors: Record<string, string> }>();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.email).toBeTruthy();
    expect(await readOutbox()).toHaveLength(before);
  });

  it("answers 429 with Retry-After once one IP has made 10 requests in 15 minutes", async () => {
    await registerAccount("limited-ip@example.com");
    const ip = nextIp();
    for (let index = 0; index < 10; index += 1) {
      expect((await requestReset(`stranger${index}@example.com`, { ip })).status).toBe(202);
    }
    const refused = await requestReset("limited-ip@example.com", { ip });

    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await refused.json<{ code: string }>()).code).toBe("rate_limited");
    // A refused request does nothing behind the scenes either.
    expect(await readMailTo("limited-ip@example.com")).toHaveLength(0);
    // Another IP is not affected.
    expect((await requestReset("limited-ip@example.com")).status).toBe(202);
  });

  it("sends at most 3 reset emails per address to one network in 15 minutes and still answers 202", async () => {
    const start = clock.now();
    vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("popular@example.com");
    const ip = nextIp();
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await requestReset("popular@example.com", { ip })).status);

    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    expect(await readMailTo("popular@example.com")).toHaveLength(3);

    // The next window allows mail again.
    vi.spyOn(clock, "now").mockReturnValue(start + 15 * MINUTE);
    expect((await requestReset("popular@example.com", { ip })).status).toBe(202);
    expect(await readMailTo("popular@example.com")).toHaveLength(4);
  });

  it("still mails the owner, asking from their own network, after an attacker used up the address's emails from theirs", async () => {
    await registerAccount("raced@example.com");
    const attacker = nextIp();
    for (let index = 0; index < 3; index += 1) expect((await requestReset("raced@example.com", { ip: attacker })).status).toBe(202);
    expect(await readMailTo("raced@example.com")).toHaveLength(3);

    expect((await requestReset("raced@example.com", { ip: nextIp() })).status).toBe(202);
    const tokens = await readResetTokensSentTo("raced@example.com");
    expect(tokens).toHaveLength(4);
    // The owner's link is the live one.
    expect((await postJson("/api/v1/password-resets/verify", { token: tokens.at(-1) })).status).toBe(200);
  });

  it("holds every network together to 10 reset emails per address an hour, against mail-bombing, but not a network the address signed in from lately", async () => {
    await registerAccount("bombed@example.com");
    for (let network = 0; network < 6; network += 1) {
      const ip = nextIp();
      for (let index = 0; index < 2; index += 1) await requestReset("bombed@example.com", { ip });
    }
    expect(await readMailTo("bombed@example.com")).toHaveLength(10);
    expect((await requestReset("bombed@example.com", { ip: nextIp() })).status).toBe(202);
    expect(await readMailTo("bombed@example.com")).toHaveLength(10);

    // The owner signed in from home last week; asking from there still gets an email.
    const home = nextIp();
    expect((await postJson("/api/v1/sessions", { email: "bombed@example.com", password: ORIGINAL_PASSWORD }, { ip: home })).status).toBe(200);
    expect((await requestReset("bombed@example.com", { ip: home })).status).toBe(202);
    expect(await readMailTo("bombed@example.com")).toHaveLength(11);
  });

  it("sends the link to the address stored on the account, not the one typed", async () => {
    await registerAccount("Alice@Example.com");
    expect((await requestReset("  alice@example.com ")).status).toBe(202);

    const recipients = (await readOutbox()).map((message) => message.to).filter((to) => to.toLowerCase() === "alice@example.com");
    expect(recipients).toEqual(["Alice@Example.com"]);
  });

  it("sends no mail for a Unicode look-alike of a registered address", async () => {
    await registerAccount("mike@example.org");
    // U+0131 (dotless i) upper-cases to "I": the CVE-2019-19844 takeover matched it to "mike".
    const response = await requestReset("m\u0131ke@example.org");

    expect(response.status).toBe(400);
    expect((await readOutbox()).filter((message) => message.to.toLowerCase().includes("ke@example.org"))).toEqual([]);
  });

  it("puts the desktop deep link in the email when the desktop app asked", async () => {
    await registerAccount("desk@example.com");
    expect((await requestReset("desk@example.com", { client: "desktop" })).status).toBe(202);

    const [message] = await readMailTo("desk@example.com");
    const [token] = await readResetTokensSentTo("desk@example.com");
    expect(message?.text).toContain(`resetkit://reset-password?token=${token}`);
  });
});

describe("POST /api/v1/password-resets/verify", () => {
  it("shows the masked address, the expiry of a live link and the minimum password length", async () => {
    const start = clock.now();
    vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("Dora@example.com");
    const token = await obtainResetToken("dora@example.com");

    const response = await postJson("/api/v1/password-resets/verify", { token });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      email: "D***@example.com",
      expiresAt: new Date(start + 30 * MINUTE).toISOString(),
      // PASSWORD_MIN_LENGTH in wrangler.toml.
      passwordMinLength: 12,
    });
  });

  it("answers unknown, expired and used links with the same 410 token_invalid", async () => {
    const start = clock.now();
    vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("eve@example.com");
    const expired = await obtainResetToken("eve@example.com");
    await registerAccount("frank@example.com");
    const used = await obtainResetToken("frank@example.com");
    expect((await postJson("/api/v1/password-resets/confirm", { token: used, password: "a brand new passphrase" })).status).toBe(204);
    vi.spyOn(clock, "now").mockReturnValue(start + 31 * MINUTE);

    const answers = await Promise.all(
      ["A".repeat(43), expired, used].map(async (token) => {
        const response = await postJson("/api/v1/password-resets/verify", { token });
        return { status: response.status, body: await response.text() };
      }),
    );

    expect(answers[0]?.status).toBe(410);
    expect(JSON.parse(answers[0]?.body ?? "{}").code).toBe("token_invalid");
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("refuses a token of the wrong shape with 400", async () => {
    const response = await postJson("/api/v1/password-resets/verify", { token: "short" });
    expect(response.status).toBe(400);
    expect((await response.json<{ errors: Record<string, string> }>()).errors.token).toBeTruthy();
  });
});

describe("the reset API during a storage outage", () => {
  it.each(["/api/v1/password-resets/verify", "/api/v1/password-resets/confirm"])(
    "answers %s under a live link with 503 unavailable and Retry-After, never 410, and logs no secret",
    async (path) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      await registerAccount(`outage${path.length}@example.com`);
      const token = await obtainResetToken(`outage${path.length}@example.com`);

      const request = new Request(`http://127.0.0.1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-ray": "8f00c0ffee000001-AMS" },
        body: JSON.stringify({ token, password: "a brand new passphrase 9" }),
      });
      const ctx = createExecutionContext();
      const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], { ...env, DB: failingDatabase() }, ctx);
      await waitOnExecutionContext(ctx);

      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ status: 503, code: "unavailable" });
      expect(body).not.toContain("D1_ERROR");
      const lines = log.mock.calls.map((call) => call.join(" "));
      expect(lines).toEqual([`request 8f00c0ffee000001-AMS POST ${path} failed: Error`]);
      expect(lines.join("\n")).not.toContain(token);
      expect(lines.join("\n")).not.toContain(OUTAGE_MESSAGE);
      // The link still works once storage is back.
      expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(200);
    },
  );
});

describe("POST /api/v1/password-resets/confirm", () => {
  it("sets the new password, refuses the old one and emails the stored address", async () => {
    const account = await registerAccount("Grace@Example.com");
    const token = await obtainResetToken("grace@example.com");

    const response = await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    const stored = await findAccountById(env, account.id);
    expect((await verifyPassword("a brand new passphrase", stored?.passwordHash ?? "")).valid).toBe(true);
    expect((await verifyPassword("an original passphrase 1", stored?.passwordHash ?? "")).valid).toBe(false);
    const mail = await readOutbox();
    expect(mail.filter((message) => message.to === "Grace@Example.com")).toHaveLength(2);
    expect(mail.filter((message) => message.to === "grace@example.com")).toHaveLength(0);
  });

  it("makes a link single-use", async () => {
    await registerAccount("henry@example.com");
    const token = await obtainResetToken("henry@example.com");
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);

    const again = await postJson("/api/v1/password-resets/confirm", { token, password: "another new passphrase" });
    expect(again.status).toBe(410);
    expect((await again.json<{ code: string }>()).code).toBe("token_invalid");
  });

  it("signs out every session of the account", async () => {
    const account = await registerAccount("ivy@example.com");
    const first = await createSession(env, account.id);
    const second = await createSession(env, account.id);
    const token = await obtainResetToken("ivy@example.com");

    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);

    expect(await validateSessionToken(env, first.token)).toBeNull();
    expect(await validateSessionToken(env, second.token)).toBeNull();
    const { results } = await env.DB.prepare("SELECT token_hash FROM sessions WHERE account_id = ?").bind(account.id).all();
    expect(results).toEqual([]);
  });

  it("explains a password that breaks the policy with 400 and keeps the link usable", async () => {
    await registerAccount("jack@example.com");
    const token = await obtainResetToken("jack@example.com");

    for (const password of ["short", "qwerty123456", "jack@example.com"]) {
      const response = await postJson("/api/v1/password-resets/confirm", { token, password });
      expect(response.status).toBe(400);
      const problem = await response.json<{ code: string; errors: { password: string } }>();
      expect(problem.code).toBe("password_policy");
      expect(problem.errors.password.length).toBeGreaterThan(0);
    }
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);
  });

  it("checks the link before the password, so a bad link gets 410 whatever the password", async () => {
    const response = await postJson("/api/v1/password-resets/confirm", { token: "B".repeat(43), password: "short" });
    expect(response.status).toBe(410);
    expect((await response.json<{ code: string }>()).code).toBe("token_invalid");
  });

  it("lets exactly one of 50 racing confirms win, and the winner's password is the one stored", async () => {
    const account = await registerAccount("race@example.com");
    const token = await obtainResetToken("race@example.com");
    const passwords = Array.from({ length: 50 }, (_, index) => `racing passphrase number ${index}`);

    const statuses = await Promise.all(
      passwords.map(async (password) => {
        const response = await exports.default.fetch("http://127.0.0.1/api/v1/password-resets/confirm", {
          method: "POST",
          headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.7" },
          body: JSON.stringify({ token, password }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );

    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status === 410)).toHaveLength(49);
    const winner = passwords[statuses.indexOf(204)] ?? "";
    const stored = await findAccountById(env, account.id);
    expect((await verifyPassword(winner, stored?.passwordHash ?? "")).valid).toBe(true);
    // Every racer hashes its password before the batch decides, at the full production cost.
  }, 120_000);
});
