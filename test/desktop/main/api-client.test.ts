import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiPath } from "../../../shared/contract.ts";
import { INVALID_CREDENTIALS_MESSAGE, VerifyEmailCopy } from "../../../shared/copy.ts";
import { createApiClient } from "../../../desktop/src/main/api-client.ts";
import { findFreePort } from "../../support/wrangler-dev.ts";
import { problem, startLocalHttpServer, type LocalHttpServer } from "../support/local-http-server.ts";

const TOKEN = randomBytes(32).toString("base64url");

describe("the Worker API client", () => {
  let server: LocalHttpServer;
  let client: ReturnType<typeof createApiClient>;

  beforeAll(async () => {
    server = await startLocalHttpServer();
    client = createApiClient({ baseUrl: `${server.url}/`, timeoutMs: 2_000 });
  });
  afterAll(async () => {
    await server.close();
  });

  describe("on success", () => {
    it("posts a reset request as JSON and returns the accepted status", async () => {
      server.respond("POST", ApiPath.passwordResets, { status: 202, headers: { "content-type": "application/json" }, body: { status: "accepted" } });
      const result = await client.requestReset({ email: "ada@example.com", client: "desktop" });
      expect(result).toEqual({ ok: true, value: { status: "accepted" } });
      const sent = server.requests.at(-1);
      expect(sent?.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(sent?.body ?? "")).toEqual({ email: "ada@example.com", client: "desktop" });
    });

    it("returns the masked email of a live reset token", async () => {
      server.respond("POST", ApiPath.verifyReset, {
        status: 200,
        headers: { "content-type": "application/json" },
        body: { email: "a***@example.com", expiresAt: "2026-11-26T13:00:00.000Z" },
      });
      const result = await client.verifyToken({ token: TOKEN });
      expect(result).toEqual({ ok: true, value: { email: "a***@example.com", expiresAt: "2026-11-26T13:00:00.000Z" } });
    });

    it("posts a sign-up as JSON and returns the accepted status", async () => {
      server.respond("POST", ApiPath.accounts, { status: 202, headers: { "content-type": "application/json" }, body: { status: "accepted" } });
      const result = await client.createAccount({ email: "ada@example.com", password: "a long and unusual passphrase", client: "desktop" });
      expect(result).toEqual({ ok: true, value: { status: "accepted" } });
      const sent = server.requests.at(-1);
      expect(sent?.path).toBe(ApiPath.accounts);
      expect(JSON.parse(sent?.body ?? "")).toEqual({ email: "ada@example.com", password: "a long and unusual passphrase", client: "desktop" });
    });

    it("returns the account whose address a confirmation verified", async () => {
      server.respond("POST", ApiPath.verifyEmail, { status: 200, headers: { "content-type": "application/json" }, body: { id: "acc_1", email: "ada@example.com" } });
      const result = await client.verifyEmail({ token: TOKEN, password: "a long and unusual passphrase" });
      expect(result).toEqual({ ok: true, value: { id: "acc_1", email: "ada@example.com" } });
      expect(JSON.parse(server.requests.at(-1)?.body ?? "")).toEqual({ token: TOKEN, password: "a long and unusual passphrase" });
    });

    it("treats 204 No Content as success", async () => {
      server.respond("POST", ApiPath.confirmReset, { status: 204 });
      expect(await client.confirmReset({ token: TOKEN, password: "a long and unusual passphrase" })).toEqual({ ok: true, value: null });
    });

    it("sends the session token as a bearer header, never in the URL", async () => {
      server.respond("GET", ApiPath.me, { status: 200, headers: { "content-type": "application/json" }, body: { id: "acc_1", email: "ada@example.com" } });
      const session = randomBytes(32).toString("base64url");
      expect(await client.readAccount(session)).toEqual({ ok: true, value: { id: "acc_1", email: "ada@example.com" } });
      const sent = server.requests.at(-1);
      expect(sent?.headers.authorization).toBe(`Bearer ${session}`);
      expect(sent?.path).toBe(ApiPath.me);
    });
  });

  describe("on a problem+json answer", () => {
    it("explains an invalid or expired reset link", async () => {
      server.respond("POST", ApiPath.verifyReset, problem(410, "token_invalid", { detail: "The token is unknown, expired or used." }));
      expect(await client.verifyToken({ token: TOKEN })).toEqual({
        ok: false,
        error: { status: 410, code: "token_invalid", message: "This reset link is invalid or has expired. Request a new one." },
      });
    });

    it("shows the password policy's own message and keeps it per field", async () => {
      server.respond(
        "POST",
        ApiPath.confirmReset,
        problem(400, "password_policy", { errors: { password: "This password is too common. Choose one that is harder to guess." } }),
      );
      const result = await client.confirmReset({ token: TOKEN, password: "qwerty123456" });
      expect(result).toEqual({
        ok: false,
        error: {
          status: 400,
          code: "password_policy",
          message: "This password is too common. Choose one that is harder to guess.",
          fieldErrors: { password: "This password is too common. Choose one that is harder to guess." },
        },
      });
    });

    it("reads a refused code as one sentence that says nothing about the account", async () => {
      server.respond("POST", ApiPath.redeemResetCode, problem(400, "code_invalid", { detail: "Unknown address" }));
      const result = await client.redeemResetCode({ email: "ada@example.com", code: "7KQ2M9XD" });
      expect(result).toEqual({
        ok: false,
        error: {
          status: 400,
          code: "code_invalid",
          message: "That code did not work for this address. Check it against the newest email and try again; after 5 wrong tries the code stops working.",
        },
      });
    });

    it("says the email or password is wrong without saying which", async () => {
      server.respond("POST", ApiPath.sessions, problem(401, "invalid_credentials", { detail: "Unknown email" }));
      const result = await client.createSession({ email: "ada@example.com", password: "wrong password here" });
      expect(result.ok ? null : result.error.message).toBe(INVALID_CREDENTIALS_MESSAGE);
    });

    it("says the confirmation link, not a reset link, is invalid or has expired", async () => {
      server.respond("POST", ApiPath.verifyEmail, problem(410, "token_invalid", { detail: "The token is unknown, expired or used." }));
      expect(await client.verifyEmail({ token: TOKEN, password: "a long and unusual passphrase" })).toEqual({
        ok: false,
        error: { status: 410, code: "token_invalid", message: "This confirmation link is invalid or has expired. Sign up again to get a new one." },
      });
    });

    it("says a wrong confirmation password is not the one chosen at sign-up, not that the email may be wrong", async () => {
      server.respond("POST", ApiPath.verifyEmail, problem(401, "invalid_credentials", { detail: "Wrong password" }));
      const result = await client.verifyEmail({ token: TOKEN, password: "someone else's password" });
      expect(result.ok ? null : result.error.message).toBe(VerifyEmailCopy.wrongPassword);
      expect(result.ok ? null : result.error.message).not.toContain("email address or password");
    });

    it("keeps a sign-up's refused password as that field's sentence", async () => {
      server.respond(
        "POST",
        ApiPath.accounts,
        problem(400, "password_policy", { errors: { password: "Don't use your email address as your password." } }),
      );
      const result = await client.createAccount({ email: "ada@example.com", password: "ada@example.com" });
      expect(result.ok ? null : result.error).toEqual({
        status: 400,
        code: "password_policy",
        message: "Don't use your email address as your password.",
        fieldErrors: { password: "Don't use your email address as your password." },
      });
    });

    it("says one sentence for every refused sign-in, which also reminds a new sign-up to confirm the address", async () => {
      server.respond("POST", ApiPath.sessions, problem(401, "invalid_credentials", { detail: "Some server wording" }));
      const result = await client.createSession({ email: "ada@example.com", password: "the right password here" });
      expect(result.ok ? null : result.error).toMatchObject({ status: 401, code: "invalid_credentials", message: INVALID_CREDENTIALS_MESSAGE });
    });

    it("turns a rate limit with Retry-After in seconds into minutes to wait", async () => {
      server.respond("POST", ApiPath.passwordResets, problem(429, "rate_limited", { headers: { "retry-after": "120" } }));
      const result = await client.requestReset({ email: "ada@example.com" });
      expect(result.ok ? null : result.error).toEqual({
        status: 429,
        code: "rate_limited",
        message: "Too many attempts. Try again in 2 minutes.",
        retryAfterSeconds: 120,
      });
    });

    it("tells someone signing up too often how long to wait", async () => {
      server.respond("POST", ApiPath.accounts, problem(429, "rate_limited", { headers: { "retry-after": "600" } }));
      const result = await client.createAccount({ email: "ada@example.com", password: "a long and unusual passphrase", client: "desktop" });
      expect(result.ok ? null : result.error).toEqual({
        status: 429,
        code: "rate_limited",
        message: "Too many attempts. Try again in 10 minutes.",
        retryAfterSeconds: 600,
      });
    });

    it("counts seconds when the wait is under a minute", async () => {
      server.respond("POST", ApiPath.sessions, problem(429, "rate_limited", { headers: { "retry-after": "45" } }));
      const result = await client.createSession({ email: "ada@example.com", password: "whatever it is" });
      expect(result.ok ? null : result.error.message).toBe("Too many attempts. Try again in 45 seconds.");
    });

    it("reads a Retry-After given as an HTTP date", async () => {
      const inThreeMinutes = new Date(Date.now() + 180_000).toUTCString();
      server.respond("POST", ApiPath.sessions, problem(429, "rate_limited", { headers: { "retry-after": inThreeMinutes } }));
      const result = await client.createSession({ email: "ada@example.com", password: "whatever it is" });
      expect(result.ok ? null : result.error.message).toBe("Too many attempts. Try again in 3 minutes.");
    });

    it("uses the field message of a validation failure", async () => {
      server.respond("POST", ApiPath.passwordResets, problem(400, "validation_failed", { errors: { email: "Enter a valid email address, like name@example.com." } }));
      const result = await client.requestReset({ email: "ada@example.com" });
      expect(result.ok ? null : result.error.message).toBe("Enter a valid email address, like name@example.com.");
    });

    it("falls back to the server's detail for a code it does not know, as a sentence", async () => {
      server.respond("POST", ApiPath.sessions, problem(403, "account_locked", { detail: "This account is locked" }));
      const result = await client.createSession({ email: "ada@example.com", password: "whatever it is" });
      expect(result.ok ? null : result.error.message).toBe("This account is locked.");
    });

    it("never shows raw JSON, even when the server put some in the detail", async () => {
      server.respond("POST", ApiPath.sessions, problem(403, "account_locked", { detail: '{"reason":"locked"}' }));
      const result = await client.createSession({ email: "ada@example.com", password: "whatever it is" });
      expect(result.ok ? null : result.error.message).toBe("account locked.");
    });

    it("apologises for a server error without details", async () => {
      server.respond("POST", ApiPath.verifyReset, problem(500, "internal_error", { detail: "D1_ERROR: no such table" }));
      const result = await client.verifyToken({ token: TOKEN });
      expect(result.ok ? null : result.error.message).toBe("Something went wrong on the ResetKit server. Try again in a moment.");
    });
  });

  describe("on an answer that is not problem+json", () => {
    it("describes an HTML error page by its status, not its markup", async () => {
      server.respond("POST", ApiPath.verifyReset, { status: 502, headers: { "content-type": "text/html" }, body: "<html><body>Bad gateway</body></html>" });
      expect(await client.verifyToken({ token: TOKEN })).toEqual({
        ok: false,
        error: { status: 502, code: "unexpected_response", message: "The ResetKit server answered unexpectedly (HTTP 502). Try again in a moment." },
      });
    });

    it("refuses a success whose body is not JSON", async () => {
      server.respond("POST", ApiPath.verifyReset, { status: 200, headers: { "content-type": "text/plain" }, body: "ok" });
      const result = await client.verifyToken({ token: TOKEN });
      expect(result.ok ? null : result.error.code).toBe("unexpected_response");
    });
  });

  describe("when the server cannot be reached", () => {
    it("names the address it tried when nothing listens there", async () => {
      const port = await findFreePort();
      const offline = createApiClient({ baseUrl: `http://127.0.0.1:${port}` });
      expect(await offline.requestReset({ email: "ada@example.com" })).toEqual({
        ok: false,
        error: {
          status: 0,
          code: "network_error",
          message: `Can't reach the ResetKit server at http://127.0.0.1:${port}. Check your connection and try again.`,
        },
      });
    });

    it("gives up on a server that never answers", async () => {
      server.respond("POST", ApiPath.verifyReset, { status: 200, hang: true });
      const impatient = createApiClient({ baseUrl: server.url, timeoutMs: 300 });
      const result = await impatient.verifyToken({ token: TOKEN });
      expect(result).toEqual({
        ok: false,
        error: { status: 0, code: "timeout", message: `The ResetKit server at ${server.url} took too long to answer. Try again.` },
      });
    });
  });
});
