import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { findAccountById, type Account } from "../../../worker/src/accounts/accounts.ts";
import { hashPassword, hashPasswordWith, verifyPassword } from "../../../worker/src/crypto/password-hash.ts";
import { generateToken, hashToken } from "../../../worker/src/crypto/token.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { computeRequesterNetwork } from "../../../worker/src/reset/requester-network.ts";
import { invalidateAccountSessions } from "../../../worker/src/sessions/session.ts";
import { signUp } from "../accounts/sign-up-fixtures.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";
import { failingDatabase } from "../storage-fault.ts";

const PASSWORD = "violet tractor under the bridge";
const DAY = 24 * 60 * 60 * 1000;
/** Each sign-in hashes once (about 170 ms idle, several times that on a busy machine). */
const HASHING_TIMEOUT_MS = 60_000;
let ipCounter = 0;

afterEach(() => {
  vi.restoreAllMocks();
});

/** A fresh client address, so the per-network limit of one test never touches another. */
function nextIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

async function registerAccount(email: string, passwordHash?: string): Promise<Account> {
  return createVerifiedAccount(email, passwordHash ?? (await hashPassword(PASSWORD)));
}

function signIn(email: string, password: string, ip = nextIp()): Promise<Response> {
  return exports.default.fetch("http://127.0.0.1/api/v1/sessions", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ email, password }),
  });
}

async function signInToken(email: string): Promise<string> {
  const response = await signIn(email, PASSWORD);
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (await response.json<{ token: string }>()).token;
}

function me(authorization?: string): Promise<Response> {
  return exports.default.fetch("http://127.0.0.1/api/v1/me", { headers: authorization ? { authorization } : {} });
}

function signOut(authorization?: string): Promise<Response> {
  return exports.default.fetch("http://127.0.0.1/api/v1/sessions/current", {
    method: "DELETE",
    headers: authorization ? { authorization } : {},
  });
}

/** Stores a live reset link for the account as if it had been asked for from `requesterIp`. */
async function insertResetToken(accountId: string, requesterIp: string | null): Promise<void> {
  const requesterNetwork = requesterIp === null ? null : await computeRequesterNetwork(env, requesterIp);
  await env.DB.prepare(
    `INSERT INTO password_reset_tokens (token_hash, account_id, client, created_at, expires_at, requester_network)
     VALUES (?, ?, 'web', ?, ?, ?)`,
  )
    .bind(await hashToken(generateToken()), accountId, Date.now(), Date.now() + 30 * 60_000, requesterNetwork)
    .run();
}

async function countResetTokens(accountId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM password_reset_tokens WHERE account_id = ?").bind(accountId).first<{ n: number }>();
  return row?.n ?? -1;
}

describe("POST /api/v1/sessions", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("signs in with the right password: 200 with a token and its expiry 30 days out", async () => {
    await registerAccount("ada@example.com");
    vi.spyOn(clock, "now").mockReturnValue(Date.parse("2026-11-26T12:00:00.000Z"));
    const response = await signIn("ada@example.com", PASSWORD);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json<{ token: string; expiresAt: string }>();
    expect(Object.keys(body).sort()).toEqual(["deviceToken", "expiresAt", "token"]);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe(new Date(Date.parse("2026-11-26T12:00:00.000Z") + 30 * DAY).toISOString());
  });

  it("matches the address in any letter case and with surrounding spaces", async () => {
    await registerAccount("Grace.Hopper@example.com");
    expect((await signIn("  grace.hopper@EXAMPLE.com ", PASSWORD)).status).toBe(200);
  });

  it("answers an unknown address and a wrong password with the same 401 invalid_credentials", async () => {
    await registerAccount("known@example.com");
    const wrong = await signIn("known@example.com", "not the right password");
    const unknown = await signIn("unknown@example.com", "not the right password");

    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect([...wrong.headers]).toEqual([...unknown.headers]);
    const wrongBody = await wrong.text();
    expect(wrongBody).toBe(await unknown.text());
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(wrongBody)).toMatchObject({ status: 401, code: "invalid_credentials", title: "Unauthorized" });
  });

  it("tells no address just signed up from a registered one: the sign-up's own password gets the same 401 for both", async () => {
    // The attack: sign up X with a password P of one's own choosing (202 for every address), wait
    // for the queue, then sign in with X and P. P is the attacker's, so no answer may depend on whether X was new.
    const registeredAccount = await registerAccount("registered@example.com");
    const attackersPassword = "the attacker's own passphrase";
    const signIns = [];
    for (const email of ["registered@example.com", "brand-new@example.com"]) {
      expect((await signUp(email, attackersPassword)).status).toBe(202);
      const response = await signIn(email, attackersPassword);
      signIns.push({ status: response.status, headers: [...response.headers], body: await response.text() });
    }

    const [registered, justSignedUp] = signIns;
    expect(registered?.status).toBe(401);
    expect(justSignedUp).toEqual(registered);
    // The one sentence also tells someone who did just sign up what to do.
    expect(JSON.parse(registered?.body ?? "{}")).toMatchObject({ code: "invalid_credentials", detail: translatorFor("en").t("signIn.invalidCredentials") });
    expect(translatorFor("en").t("signIn.invalidCredentials")).toContain("If you have just signed up, confirm your address first");
    const sessions = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE account_id = ?").bind(registeredAccount.id).first<{ n: number }>();
    expect(sessions?.n).toBe(0);
    expect(await env.DB.prepare("SELECT id FROM accounts WHERE email_normalized = 'brand-new@example.com'").first()).toBeNull();
  });

  it("spends the same hashing work on an unknown address as on a wrong password", async () => {
    await registerAccount("timed@example.com");
    const time = async (email: string) => {
      const started = performance.now();
      expect((await signIn(email, "not the right password")).status).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      known.push(await time("timed@example.com"));
      unknown.push(await time("nobody-at-all@example.com"));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0;
    // Skipping the hash makes the unknown case about 30 times faster; the wide band only absorbs
    // noise from other processes on the machine.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.3);
    expect(median(unknown) / median(known)).toBeLessThan(3);
  });

  it("answers 429 problem+json with Retry-After once an address has failed 10 times, from any IP", async () => {
    await registerAccount("guessed@example.com");
    const ip = nextIp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await signIn("guessed@example.com", `guess number ${attempt}`, ip)).status).toBe(401);
    }
    const limited = await signIn("guessed@example.com", PASSWORD, nextIp());

    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(await limited.json()).toMatchObject({ status: 429, code: "rate_limited" });
    // The same IP is still free to sign in to another address: it has 10 of its 20 failures left.
    expect((await signIn("someone-else@example.com", PASSWORD, ip)).status).toBe(401);
  });

  it("revokes the account's reset links asked for from its own network, and no one else's", async () => {
    const account = await registerAccount("revoke@example.com");
    const other = await registerAccount("bystander@example.com");
    const here = nextIp();
    await insertResetToken(account.id, here);
    await insertResetToken(account.id, here);
    await insertResetToken(account.id, nextIp());
    await insertResetToken(account.id, null);
    await insertResetToken(other.id, here);

    expect((await signIn("revoke@example.com", "not the right password", here)).status).toBe(401);
    expect(await countResetTokens(account.id)).toBe(4);
    expect((await signIn("revoke@example.com", PASSWORD, here)).status).toBe(200);
    // Left: the link from another network and the one without a network.
    expect(await countResetTokens(account.id)).toBe(2);
    expect(await countResetTokens(other.id)).toBe(1);
  });

  it("rehashes a password stored under older parameters, and the new hash still signs in", async () => {
    const oldHash = await hashPasswordWith(PASSWORD, { scheme: "pbkdf2-sha256", iterations: 100_000 });
    const account = await registerAccount("legacy@example.com", oldHash);

    expect((await signIn("legacy@example.com", PASSWORD)).status).toBe(200);
    const upgraded = await findAccountById(env, account.id);
    expect(upgraded?.passwordHash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/);
    expect(await verifyPassword(PASSWORD, upgraded?.passwordHash ?? "")).toEqual({ valid: true, needsRehash: false });
    expect(upgraded?.passwordChangedAt).toBe(account.passwordChangedAt);
    expect((await signIn("legacy@example.com", PASSWORD)).status).toBe(200);
  });

  it("does not rehash after a wrong password", async () => {
    const oldHash = await hashPasswordWith(PASSWORD, { scheme: "pbkdf2-sha256", iterations: 100_000 });
    const account = await registerAccount("legacy-wrong@example.com", oldHash);
    expect((await signIn("legacy-wrong@example.com", "not the right password")).status).toBe(401);
    expect((await findAccountById(env, account.id))?.passwordHash).toBe(oldHash);
  });

  it("refuses an account whose stored hash is malformed with 401, not 500", async () => {
    await registerAccount("broken@example.com", "$scrypt$ln=14$garbage");
    const response = await signIn("broken@example.com", PASSWORD);
    expect(response.status).toBe(401);
    expect((await response.json<{ code: string }>()).code).toBe("invalid_credentials");
  });

  it("answers 400 validation_failed for a missing password or a malformed address", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nope" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "validation_failed",
      errors: { email: expect.any(String), password: "Enter your password." },
    });
  });

  it("answers 405 with Allow: POST, DELETE for another method", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/api/v1/sessions", { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, DELETE");
  });
});

describe("GET /api/v1/me", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("answers 200 with the id and email of the session's account", async () => {
    const account = await registerAccount("Me.Myself@example.com");
    const token = await signInToken("me.myself@example.com");
    const response = await me(`Bearer ${token}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ id: account.id, email: "Me.Myself@example.com" });
  });

  it("answers 401 unauthorized without a token, with another scheme, or with an unknown token", async () => {
    const token = generateToken();
    for (const authorization of [undefined, `Basic ${btoa("a:b")}`, `Bearer ${token}`, "Bearer", `Bearer ${token} extra`]) {
      const response = await me(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.json()).toMatchObject({ status: 401, code: "unauthorized" });
    }
  });

  it("answers 401 once the session has expired", async () => {
    await registerAccount("expiring@example.com");
    const start = Date.now();
    const now = vi.spyOn(clock, "now").mockReturnValue(start);
    const token = await signInToken("expiring@example.com");
    now.mockReturnValue(start + 30 * DAY + 1);
    expect((await me(`Bearer ${token}`)).status).toBe(401);
  });

  it("answers 401 once the account's sessions are revoked, as a password change does", async () => {
    const account = await registerAccount("changed@example.com");
    const token = await signInToken("changed@example.com");
    await invalidateAccountSessions(env, account.id);
    expect((await me(`Bearer ${token}`)).status).toBe(401);
  });

  it("answers 503 unavailable, not 401, when storage fails under a live session", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await registerAccount("outage-me@example.com");
    const token = await signInToken("outage-me@example.com");
    const ctx = createExecutionContext();
    const request = new Request("http://127.0.0.1/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], { ...env, DB: failingDatabase() }, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ status: 503, code: "unavailable" });
  });
});

describe("DELETE /api/v1/sessions/current", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("signs out with 204, after which the token no longer works", async () => {
    await registerAccount("leaving@example.com");
    const token = await signInToken("leaving@example.com");
    const other = await signInToken("leaving@example.com");

    const response = await signOut(`Bearer ${token}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await me(`Bearer ${token}`)).status).toBe(401);
    expect((await signOut(`Bearer ${token}`)).status).toBe(401);
    // Only the current session ends.
    expect((await me(`Bearer ${other}`)).status).toBe(200);
  });

  it("answers 401 without a token", async () => {
    const response = await signOut();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized" });
  });
});
