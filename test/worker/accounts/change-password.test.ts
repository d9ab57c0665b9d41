import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BREACHED_TEST_PASSWORDS } from "../../support/breached-test-passwords.ts";
import { createSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { createResetToken } from "../web/web-fixtures.ts";
import { nextIp, ORIGINAL_PASSWORD, postJson, readMailTo, registerAccount } from "../reset/reset-fixtures.ts";

const NEW_PASSWORD = "a new passphrase I chose";
const HASHING_TIMEOUT_MS = 120_000;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Signs in through the API from `ip` and returns the session token. */
async function signIn(email: string, password: string, ip = nextIp()): Promise<string> {
  const response = await postJson("/api/v1/sessions", { email, password }, { ip });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (await response.json<{ token: string }>()).token;
}

/** `POST /api/v1/me/password` with a Bearer session, waiting for the mail it queued. */
async function changePassword(token: string | null, body: unknown, ip = nextIp()): Promise<Response> {
  return exports.default.fetch("http://127.0.0.1/api/v1/me/password", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe("POST /api/v1/me/password", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("sets the new password in one step: 204, this session stays, every other ends, the live link dies and the owner is told", async () => {
    const account = await registerAccount("changer@example.com");
    const here = await signIn("changer@example.com", ORIGINAL_PASSWORD);
    const elsewhere = await signIn("changer@example.com", ORIGINAL_PASSWORD);
    const { token: kept } = await createSession(env, account.id);
    const link = await createResetToken(account);

    const response = await changePassword(here, { currentPassword: ORIGINAL_PASSWORD, newPassword: NEW_PASSWORD });

    expect(response.status).toBe(204);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await validateSessionToken(env, here)).not.toBeNull();
    expect(await validateSessionToken(env, elsewhere)).toBeNull();
    expect(await validateSessionToken(env, kept)).toBeNull();
    expect((await postJson("/api/v1/password-resets/verify", { token: link })).status).toBe(410);
    expect((await postJson("/api/v1/sessions", { email: "changer@example.com", password: ORIGINAL_PASSWORD })).status).toBe(401);
    expect((await postJson("/api/v1/sessions", { email: "changer@example.com", password: NEW_PASSWORD })).status).toBe(200);
    await vi.waitFor(async () => {
      const subjects = (await readMailTo("changer@example.com")).map((message) => message.subject);
      expect(subjects).toContain("Your ResetKit password was changed");
    });
    const notice = (await readMailTo("changer@example.com")).find((message) => message.subject === "Your ResetKit password was changed");
    expect(notice?.text).toMatch(/\/account-alert\?token=[\w-]{43}/);
  });

  it("answers a wrong current password with 401 invalid_credentials, counted by the per-address sign-in limit", async () => {
    await registerAccount("guesser@example.com");
    const token = await signIn("guesser@example.com", ORIGINAL_PASSWORD);

    const statuses = [];
    for (let guess = 0; guess < 11; guess += 1) {
      statuses.push((await changePassword(token, { currentPassword: `guess number ${guess}`, newPassword: NEW_PASSWORD })).status);
    }

    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    const refused = await changePassword(token, { currentPassword: "another guess", newPassword: NEW_PASSWORD });
    expect(await refused.json()).toMatchObject({ code: "rate_limited" });
    // The same count a sign-in from anywhere new goes on: the address is locked there too.
    expect((await postJson("/api/v1/sessions", { email: "guesser@example.com", password: ORIGINAL_PASSWORD })).status).toBe(429);
  });

  it("says which field is wrong: errors.currentPassword for a wrong one, errors.newPassword for the policy and a breached one", async () => {
    await registerAccount("fields@example.com");
    const token = await signIn("fields@example.com", ORIGINAL_PASSWORD);

    const wrong = await changePassword(token, { currentPassword: "not my password", newPassword: NEW_PASSWORD });
    const common = await changePassword(token, { currentPassword: ORIGINAL_PASSWORD, newPassword: "qwerty123456" });
    const breached = await changePassword(token, { currentPassword: ORIGINAL_PASSWORD, newPassword: BREACHED_TEST_PASSWORDS[1] });

    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "invalid_credentials", errors: { currentPassword: "That is not your current password." } });
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ code: "password_policy", errors: { newPassword: expect.stringContaining("too common") } });
    expect(breached.status).toBe(400);
    expect(await breached.json()).toMatchObject({ code: "password_policy", errors: { newPassword: expect.stringContaining("data breach") } });
    expect((await postJson("/api/v1/sessions", { email: "fields@example.com", password: ORIGINAL_PASSWORD })).status).toBe(200);
  });

  it("does not take a password that \"this wasn't me\" locked, even with a session that outlived the lock", async () => {
    const account = await registerAccount("locked-change@example.com");
    await env.DB.prepare("UPDATE accounts SET password_locked_at = ? WHERE id = ?").bind(Date.now(), account.id).run();
    const { token } = await createSession(env, account.id);

    const response = await changePassword(token, { currentPassword: ORIGINAL_PASSWORD, newPassword: NEW_PASSWORD });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "invalid_credentials" });
  });

  it("needs a session: 401 unauthorized without one, 400 for a body without the fields, 405 for another method", async () => {
    expect((await changePassword(null, { currentPassword: ORIGINAL_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
    await registerAccount("bodyless@example.com");
    const token = await signIn("bodyless@example.com", ORIGINAL_PASSWORD);
    const empty = await changePassword(token, {});
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: "validation_failed", errors: { currentPassword: expect.any(String), newPassword: expect.any(String) } });
    expect((await exports.default.fetch("http://127.0.0.1/api/v1/me/password", { method: "GET" })).status).toBe(405);
  });
});

describe("DELETE /api/v1/sessions", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("ends every session of the account, this one included: 204, and another account's sessions stay", async () => {
    const account = await registerAccount("everywhere@example.com");
    await registerAccount("bystander@example.com");
    const here = await signIn("everywhere@example.com", ORIGINAL_PASSWORD);
    const { token: there } = await createSession(env, account.id);
    const bystander = await signIn("bystander@example.com", ORIGINAL_PASSWORD);

    const response = await exports.default.fetch("http://127.0.0.1/api/v1/sessions", { method: "DELETE", headers: { authorization: `Bearer ${here}` } });

    expect(response.status).toBe(204);
    expect(await validateSessionToken(env, here)).toBeNull();
    expect(await validateSessionToken(env, there)).toBeNull();
    expect(await validateSessionToken(env, bystander)).not.toBeNull();
    const again = await exports.default.fetch("http://127.0.0.1/api/v1/sessions", { method: "DELETE", headers: { authorization: `Bearer ${here}` } });
    expect(again.status).toBe(401);
  });
});
