import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiPath } from "../../../shared/contract.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { APP_NAME } from "../../../desktop/src/app-name.ts";
import { createApiClient } from "../../../desktop/src/main/api-client.ts";
import { findFreePort } from "../../support/wrangler-dev.ts";
import { problem, startLocalHttpServer, type LocalHttpServer } from "../support/local-http-server.ts";

const TOKEN = randomBytes(32).toString("base64url");
const { t } = translatorFor("en");

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
        error: { status: 410, code: "token_invalid", message: t("problem.resetLinkInvalid") },
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
          message: t("resetCode.refused", { budget: 5 }),
        },
      });
    });

    it("says the email or password is wrong without saying which", async () => {
      server.respond("POST", ApiPath.sessions, problem(401, "invalid_credentials", { detail: "Unknown email" }));
      const result = await client.createSession({ email: "ada@example.com", password: "wrong password here" });
      expect(result.ok ? null : result.error.message).toBe(t("signIn.invalidCredentials"));
    });

    it("says the confirmation link, not a reset link, is invalid or has expired", async () => {
      server.respond("POST", ApiPath.verifyEmail, problem(410, "token_invalid", { detail: "The token is unknown, expired or used." }));
      expect(await client.verifyEmail({ token: TOKEN, password: "a long and unusual passphrase" })).toEqual({
        ok: false,
        error: { status: 410, code: "token_invalid", message: t("problem.verificationLinkInvalid") },
      });
    });

    it("says a wrong confirmation password is not the one chosen at sign-up, not that the email may be wrong", async () => {
      server.respond("POST", ApiPath.verifyEmail, problem(401, "invalid_credentials", { detail: "Wrong password" }));
      const result = await client.verifyEmail({ token: TOKEN, password: "someone else's password" });
      expect(result.ok ? null : result.error.message).toBe(t("verifyEmail.wrongPassword"));
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
      expect(result.ok ? null : result.error).toMatchObject({ status: 401, code: "invalid_credentials", message: t("signIn.invalidCredentials") });
    });

    it("turns a rate limit with Retry-After in seconds into minutes to wait", async () => {
      server.respond("POST", ApiPath.passwordResets, problem(429, "rate_limited", { headers: { "retry-after": "120" } }));
      const result = await client.requestReset({ email: "ada@example.com" });
      expect(result.ok ? null : result.error).toEqual({
        status: 429,
        code: "rate_limited",
        message: t("wait.minutes", { minutes: 2 }),
        retryAfterSeconds: 120,
      });
    });

    it("tells someone signing up too often how long to wait", async () => {
      server.respond("POST", ApiPath.accounts, problem(429, "rate_limited", { headers: { "retry-after": "600" } }));
      const result = await client.createAccount({ email: "ada@example.com", password: "a long and unusual passphrase", client: "desktop" });
      expect(result.ok ? null : result.error).toEqual({
        status: 429,
        code: "rate_limited",
        message: t("wait.minutes", { minutes: 10 }),
        retryAfterSeconds: 600,
      });
    });

    it("counts seconds when the wait is under a minute", async () => {
      server.respond("POST", ApiPath.sessions, problem(429, "rate_limited", { headers: { "retry-after": "45" } }));
      const result = await client.createSession({ email: "ada@example.com", password: "whatever it is" });
      expect(result.ok ? null : result.error.message).toBe(t("wait.seconds", { seconds: 45 }));
    });

    it("reads a Retry-After given as an HTTP date", async () => {
      const inThreeMinutes = new Date(Date.now() + 180_000).toUTCString();
      server.respond("POST", ApiPath.sessions, problem(429, "rate_limited", { headers: { "retry-after": inThreeMinutes } }));
      const result = await client.createSession({ email: "ada@example.com", password: "whatever it is" });
      expect(result.ok ? null : result.error.message).toBe(t("wait.minutes", { minutes: 3 }));
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
      expect(result.ok ? null : result.error.message).toBe(t("app.error.serverFailed", { appName: APP_NAME }));
    });
  });

  describe("on an answer that is not problem+json", () => {
    it("describes an HTML error page by its status, not its markup", async () => {
      server.respond("POST", ApiPath.verifyReset, { status: 502, headers: { "content-type": "text/html" }, body: "<html><body>Bad gateway</body></html>" });
      expect(await client.verifyToken({ token: TOKEN })).toEqual({
        ok: false,
        error: { status: 502, code: "unexpected_response", message: t("app.error.unexpectedResponse", { appName: APP_NAME, status: 502 }) },
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
          message: t("app.error.unreachable", { appName: APP_NAME, url: `http://127.0.0.1:${port}` }),
        },
      });
    });

    it("gives up on a server that never answers", async () => {
      server.respond("POST", ApiPath.verifyReset, { status: 200, hang: true });
      const impatient = createApiClient({ baseUrl: server.url, timeoutMs: 300 });
      const result = await impatient.verifyToken({ token: TOKEN });
      expect(result).toEqual({
        ok: false,
        error: { status: 0, code: "timeout", message: t("app.error.timeout", { appName: APP_NAME, url: server.url }) },
      });
    });
  });
  describe("in the app's language", () => {
    const SESSION = randomBytes(32).toString("base64url");
    const PASSWORD = "a long and unusual passphrase";
    /** Every call the client can make, so none is left out of the header check. */
    const everyCall = (german: ReturnType<typeof createApiClient>) => [
      () => german.requestReset({ email: "ada@example.com", client: "desktop", timeZone: "Europe/Berlin" }),
      () => german.verifyToken({ token: TOKEN }),
      () => german.confirmReset({ token: TOKEN, password: PASSWORD }),
      () => german.redeemResetCode({ email: "ada@example.com", code: "7KQ2M9XD" }),
      () => german.createAccount({ email: "ada@example.com", password: PASSWORD, client: "desktop" }),
      () => german.verifyEmail({ token: TOKEN, password: PASSWORD }),
      () => german.createSession({ email: "ada@example.com", password: PASSWORD }),
      () => german.deleteSession(SESSION),
      () => german.deleteAllSessions(SESSION),
      () => german.changePassword(SESSION, { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` }),
      () => german.readAccount(SESSION),
    ];

    it("names the app's language in Accept-Language on every call", async () => {
      // Whatever an earlier test left each path answering, every call ends within the timeout.
      const german = createApiClient({ baseUrl: server.url, locale: () => "de", timeoutMs: 300 });
      const calls = everyCall(german);
      expect(calls).toHaveLength(Object.keys(german).length - 1);
      server.requests.length = 0;
      for (const call of calls) await call();
      expect(server.requests).toHaveLength(calls.length);
      expect(server.requests.map((request) => request.headers["accept-language"])).toEqual(calls.map(() => "de"));
    });

    it("reads the language again for each call, so a change in the menu applies to the next one", async () => {
      let locale: "ar" | "ja" = "ar";
      const client = createApiClient({ baseUrl: server.url, locale: () => locale });
      await client.readAccount(SESSION);
      locale = "ja";
      await client.readAccount(SESSION);
      expect(server.requests.slice(-2).map((request) => request.headers["accept-language"])).toEqual(["ar", "ja"]);
    });

    it("asks for English when no language is given", async () => {
      await client.readAccount(SESSION);
      expect(server.requests.at(-1)?.headers["accept-language"]).toBe("en");
    });

    describe("puts its own sentences into German", () => {
      const de = translatorFor("de");
      const german = () => createApiClient({ baseUrl: server.url, locale: () => "de" });

      it("for a refused sign-in", async () => {
        server.respond("POST", ApiPath.sessions, problem(401, "invalid_credentials"));
        const result = await german().createSession({ email: "ada@example.com", password: PASSWORD });
        expect(result.ok ? null : result.error.message).toBe(de.t("signIn.invalidCredentials"));
      });

      it("for a wait, counted in German plurals", async () => {
        server.respond("POST", ApiPath.passwordResets, problem(429, "rate_limited", { headers: { "retry-after": "60" } }));
        const result = await german().requestReset({ email: "ada@example.com" });
        expect(result.ok ? null : result.error.message).toBe(de.t("wait.minutes", { minutes: 1 }));
        expect(result.ok ? null : result.error.message).not.toBe(t("wait.minutes", { minutes: 1 }));
      });

      it("for a refused code, a spent link and a wrong current password", async () => {
        server.respond("POST", ApiPath.redeemResetCode, problem(400, "code_invalid"));
        server.respond("POST", ApiPath.verifyReset, problem(410, "token_invalid"));
        server.respond("POST", ApiPath.mePassword, problem(401, "invalid_credentials"));
        const client = german();
        const messages = [
          await client.redeemResetCode({ email: "ada@example.com", code: "7KQ2M9XD" }),
          await client.verifyToken({ token: TOKEN }),
          await client.changePassword(SESSION, { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` }),
        ].map((result) => (result.ok ? null : result.error.message));
        expect(messages).toEqual([de.t("resetCode.refused", { budget: 5 }), de.t("problem.resetLinkInvalid"), de.t("account.currentPasswordWrong")]);
      });

      it("for a server that cannot be reached", async () => {
        const port = await findFreePort();
        const offline = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, locale: () => "de" });
        const result = await offline.verifyToken({ token: TOKEN });
        expect(result.ok ? null : result.error.message).toBe(de.t("app.error.unreachable", { appName: APP_NAME, url: `http://127.0.0.1:${port}` }));
      });
    });

    it("shows the Worker's own translated detail and field errors as they are", async () => {
      const detail = "Dieses Konto ist gesperrt.";
      server.respond("POST", ApiPath.sessions, problem(403, "account_locked", { detail }));
      const german = createApiClient({ baseUrl: server.url, locale: () => "de" });
      expect(await german.createSession({ email: "ada@example.com", password: PASSWORD })).toMatchObject({ ok: false, error: { message: detail } });
      const fieldError = translatorFor("de").t("passwordPolicy.common");
      server.respond("POST", ApiPath.confirmReset, problem(400, "password_policy", { errors: { password: fieldError } }));
      expect(await german.confirmReset({ token: TOKEN, password: "qwerty123456" })).toMatchObject({
        ok: false,
        error: { message: fieldError, fieldErrors: { password: fieldError } },
      });
    });

    it("adds no full stop to a detail that already ends a sentence in its own script", async () => {
      server.respond("POST", ApiPath.sessions, problem(403, "account_locked", { detail: "このアカウントはロックされています。" }));
      const japanese = createApiClient({ baseUrl: server.url, locale: () => "ja" });
      const result = await japanese.createSession({ email: "ada@example.com", password: PASSWORD });
      expect(result.ok ? null : result.error.message).toBe("このアカウントはロックされています。");
    });

    it("keeps the server's address in its own direction inside an Arabic sentence", async () => {
      const port = await findFreePort();
      const offline = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, locale: () => "ar" });
      const result = await offline.verifyToken({ token: TOKEN });
      expect(result.ok ? null : result.error.message).toContain(`\u2068http://127.0.0.1:${port}\u2069`);
    });
  });
});
