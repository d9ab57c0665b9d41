import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiPath } from "../../../shared/contract.ts";
import type { Locale } from "../../../shared/i18n/locales.ts";
import { message, translatorFor } from "../../../shared/i18n/translator.ts";
import { APP_NAME } from "../../../desktop/src/app-name.ts";
import { createApiClient } from "../../../desktop/src/main/api-client.ts";
import { createIpcHandlers, isTrustedSender, registerIpcHandlers, type IpcSenderEvent } from "../../../desktop/src/main/ipc.ts";
import { createSessionStore, type SessionStore } from "../../../desktop/src/main/session-store.ts";
import { INVOKE_CHANNELS, IpcChannel } from "../../../desktop/src/ipc/channels.ts";
import { keyring } from "../support/stand-in-keyring.ts";
import { problem, startLocalHttpServer, type LocalHttpServer } from "../support/local-http-server.ts";

const RENDERER_URL = "app://resetkit/index.html";
const TOKEN = randomBytes(32).toString("base64url");
const SESSION_TOKEN = randomBytes(32).toString("base64url");
const DEVICE_TOKEN = randomBytes(32).toString("base64url");
const TIME_ZONE = "Europe/Berlin";
const { t } = translatorFor("en");

/** An invoke event as Electron builds it, from a frame at `url`. */
function eventFrom(url: string, options: { inIframe?: boolean } = {}): IpcSenderEvent {
  return { senderFrame: { url, parent: options.inIframe ? { url: RENDERER_URL } : null } };
}
const FROM_OUR_WINDOW = eventFrom(RENDERER_URL);

describe("which senders the IPC handlers trust", () => {
  it("trusts the top frame of the bundled page, even with a fragment", () => {
    expect(isTrustedSender(FROM_OUR_WINDOW, RENDERER_URL)).toBe(true);
    expect(isTrustedSender(eventFrom(`${RENDERER_URL}#reset`), RENDERER_URL)).toBe(true);
  });

  it.each([
    ["a local file", "file:///opt/ResetKit/resources/app.asar/desktop/out/renderer/index.html"],
    ["another page of our scheme", "app://resetkit/evil.html"],
    ["another host on our scheme", "app://evil/index.html"],
    ["another custom scheme, whose origin is just as opaque", "evil://resetkit/index.html"],
    ["a web page", "https://evil.example/index.html"],
    ["a data URL", "data:text/html,<script>1</script>"],
    ["about:blank", "about:blank"],
    ["text that is not a URL", "not a url"],
  ])("refuses %s", (_case, url) => {
    expect(isTrustedSender(eventFrom(url), RENDERER_URL)).toBe(false);
  });

  it("refuses an iframe inside our own page", () => {
    expect(isTrustedSender(eventFrom(RENDERER_URL, { inIframe: true }), RENDERER_URL)).toBe(false);
  });

  it("refuses a frame that is already gone", () => {
    expect(isTrustedSender({ senderFrame: null }, RENDERER_URL)).toBe(false);
  });

  it("trusts only the dev server's origin in development", () => {
    const devServer = "http://localhost:5173/";
    expect(isTrustedSender(eventFrom("http://localhost:5173/index.html"), devServer)).toBe(true);
    expect(isTrustedSender(eventFrom("http://localhost:5174/index.html"), devServer)).toBe(false);
    expect(isTrustedSender(eventFrom("file:///opt/ResetKit/index.html"), devServer)).toBe(false);
  });
});

describe("the IPC handlers", () => {
  let server: LocalHttpServer;
  let sessions: SessionStore;
  let subscribed: IpcSenderEvent[];
  let handlers: ReturnType<typeof createIpcHandlers<IpcSenderEvent>>;
  // The app's language, as the menu would set it.
  let locale: Locale;

  beforeAll(async () => {
    server = await startLocalHttpServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    sessions = createSessionStore();
    subscribed = [];
    locale = "en";
    handlers = createIpcHandlers({
      client: createApiClient({ baseUrl: server.url, locale: () => locale }),
      sessions,
      trustedRendererUrl: RENDERER_URL,
      subscribeDeepLinks: (event) => subscribed.push(event),
      locale: () => locale,
      timeZone: () => TIME_ZONE,
    });
  });

  describe("refuse an untrusted sender before anything else", () => {
    it.each(INVOKE_CHANNELS)("on %s", async (channel) => {
      const payload = channel === IpcChannel.SignIn ? { email: "ada@example.com", password: "long enough password" } : undefined;
      const result = await handlers[channel](eventFrom("https://evil.example/"), payload);
      expect(result).toEqual({
        ok: false,
        error: { status: 0, code: "untrusted_sender", message: t("app.error.untrustedSender", { appName: APP_NAME }) },
      });
      expect(server.requests).toEqual([]);
      expect(subscribed).toEqual([]);
    });
  });

  describe("validate payloads with the shared schemas and never call the Worker with a bad one", () => {
    it.each([
      [IpcChannel.RequestReset, { email: "" }, t("email.missing")],
      [IpcChannel.RequestReset, { email: "ada@example.com\r\nBcc: eve@example.com" }, t("email.controlCharacters")],
      [IpcChannel.RequestReset, { email: "not-an-address" }, t("email.invalid")],
      [IpcChannel.RequestReset, "ada@example.com", t("field.invalid")],
      [IpcChannel.VerifyToken, { token: TOKEN.slice(1) }, t("field.resetTokenMalformed")],
      [IpcChannel.VerifyToken, {}, t("field.resetTokenMissing")],
      [IpcChannel.ConfirmReset, { token: TOKEN }, t("field.passwordMissing")],
      [IpcChannel.ConfirmReset, { token: `${TOKEN}/`, password: "a long and unusual passphrase" }, t("field.resetTokenMalformed")],
      [IpcChannel.ConfirmReset, { token: TOKEN, password: "x".repeat(513) }, t("passwordPolicy.tooLong", { max: 128 })],
      [IpcChannel.RedeemResetCode, { email: "ada@example.com", code: "7KQ2-M9X" }, t("resetCode.shape", { example: "7KQ2-M9XD" })],
      [IpcChannel.RedeemResetCode, { email: "ada@example.com", code: "7KQ2-M9XU" }, t("resetCode.shape", { example: "7KQ2-M9XD" })],
      [IpcChannel.RedeemResetCode, { code: "7KQ2-M9XD" }, t("email.missing")],
      [IpcChannel.CreateAccount, { email: "", password: "a long and unusual passphrase" }, t("email.missing")],
      [IpcChannel.CreateAccount, { email: "ada@example.com" }, t("field.passwordMissing")],
      [IpcChannel.CreateAccount, { email: "ada@example.com", password: "x".repeat(513) }, t("passwordPolicy.tooLong", { max: 128 })],
      [IpcChannel.VerifyEmail, { token: TOKEN.slice(1), password: "a long and unusual passphrase" }, t("field.verificationTokenMalformed")],
      [IpcChannel.VerifyEmail, { password: "a long and unusual passphrase" }, t("field.verificationTokenMissing")],
      [IpcChannel.VerifyEmail, { token: TOKEN, password: "" }, t("field.currentPasswordMissing")],
      [IpcChannel.SignIn, { email: "ada@example.com", password: "" }, t("field.currentPasswordMissing")],
      [IpcChannel.SignOut, { everywhere: true }, t("app.error.unexpectedPayload")],
      [IpcChannel.Me, "me", t("app.error.unexpectedPayload")],
      [IpcChannel.SubscribeDeepLinks, { all: true }, t("app.error.unexpectedPayload")],
      [IpcChannel.GetLocale, { locale: "ar" }, t("app.error.unexpectedPayload")],
    ] as const)("%s refuses %j", async (channel, payload, sentence) => {
      const result = await handlers[channel](FROM_OUR_WINDOW, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.status).toBe(400);
        expect(result.error.code).toBe("validation_failed");
        expect(result.error.message).toBe(sentence);
      }
      expect(server.requests).toEqual([]);
      expect(subscribed).toEqual([]);
    });
  });

  it("sends a redeemed code to the Worker in its canonical form", async () => {
    const answer = { token: TOKEN, email: "a***@example.com", expiresAt: "2026-12-02T20:30:00.000Z" };
    server.respond("POST", ApiPath.redeemResetCode, { status: 200, headers: { "content-type": "application/json" }, body: answer });
    const result = await handlers[IpcChannel.RedeemResetCode](FROM_OUR_WINDOW, { email: "ada@example.com", code: " 7kq2-m9xd " });
    expect(result).toEqual({ ok: true, value: answer });
    expect(server.requests.map((request) => request.body)).toEqual([JSON.stringify({ email: "ada@example.com", code: "7KQ2M9XD" })]);
  });

  it("sends a reset request as coming from the desktop app, with only the known fields and the system's time zone", async () => {
    server.respond("POST", ApiPath.passwordResets, { status: 202, headers: { "content-type": "application/json" }, body: { status: "accepted" } });
    const result = await handlers[IpcChannel.RequestReset](FROM_OUR_WINDOW, {
      email: "  ada@example.com ",
      client: "web",
      isAdmin: true,
      timeZone: "America/Sao_Paulo",
    });
    expect(result).toEqual({ ok: true, value: { status: "accepted" } });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ email: "ada@example.com", client: "desktop", timeZone: TIME_ZONE });
  });

  it("leaves the time zone out where the system has none the Worker would accept", async () => {
    server.respond("POST", ApiPath.passwordResets, { status: 202, headers: { "content-type": "application/json" }, body: { status: "accepted" } });
    const zoneless = createIpcHandlers({
      client: createApiClient({ baseUrl: server.url }),
      sessions,
      trustedRendererUrl: RENDERER_URL,
      subscribeDeepLinks: () => {},
      locale: () => "en",
      timeZone: () => undefined,
    });
    await zoneless[IpcChannel.RequestReset](FROM_OUR_WINDOW, { email: "ada@example.com" });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ email: "ada@example.com", client: "desktop" });
  });

  it("sends the system's own time zone when none is given", async () => {
    server.respond("POST", ApiPath.passwordResets, { status: 202, headers: { "content-type": "application/json" }, body: { status: "accepted" } });
    const system = createIpcHandlers({
      client: createApiClient({ baseUrl: server.url }),
      sessions,
      trustedRendererUrl: RENDERER_URL,
      subscribeDeepLinks: () => {},
      locale: () => "en",
    });
    await system[IpcChannel.RequestReset](FROM_OUR_WINDOW, { email: "ada@example.com" });
    expect(JSON.parse(server.requests[0]?.body ?? "").timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("sends a sign-up as coming from the desktop app, with only the known fields", async () => {
    server.respond("POST", ApiPath.accounts, { status: 202, headers: { "content-type": "application/json" }, body: { status: "accepted" } });
    const result = await handlers[IpcChannel.CreateAccount](FROM_OUR_WINDOW, {
      email: " ada@example.com ",
      password: "a long and unusual passphrase",
      client: "web",
      verified: true,
    });
    expect(result).toEqual({ ok: true, value: { status: "accepted" } });
    expect(server.requests.map((request) => [request.method, request.path])).toEqual([["POST", ApiPath.accounts]]);
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
      email: "ada@example.com",
      password: "a long and unusual passphrase",
      client: "desktop",
      timeZone: TIME_ZONE,
    });
  });

  it("confirms an address with the token and the password, and returns only the account", async () => {
    server.respond("POST", ApiPath.verifyEmail, {
      status: 200,
      headers: { "content-type": "application/json" },
      body: { id: "acc_1", email: "ada@example.com", verifiedAt: "2026-12-03T19:00:00.000Z" },
    });
    const result = await handlers[IpcChannel.VerifyEmail](FROM_OUR_WINDOW, { token: TOKEN, password: "a long and unusual passphrase" });
    expect(result).toEqual({ ok: true, value: { id: "acc_1", email: "ada@example.com" } });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ token: TOKEN, password: "a long and unusual passphrase" });
    expect(sessions.read()).toBeNull();
  });

  it("says a wrong password on the confirmation is not the sign-up password", async () => {
    server.respond("POST", ApiPath.verifyEmail, problem(401, "invalid_credentials"));
    const result = await handlers[IpcChannel.VerifyEmail](FROM_OUR_WINDOW, { token: TOKEN, password: "someone else's password" });
    expect(result.ok ? null : result.error).toEqual({
      status: 401,
      code: "invalid_credentials",
      message: t("verifyEmail.wrongPassword"),
    });
  });

  it("passes the Worker's refusal through as a sentence", async () => {
    server.respond("POST", ApiPath.verifyReset, problem(410, "token_invalid"));
    const result = await handlers[IpcChannel.VerifyToken](FROM_OUR_WINDOW, { token: TOKEN });
    expect(result.ok ? null : result.error.message).toBe(t("problem.resetLinkInvalid"));
  });

  describe("keep the session in the main process", () => {
    beforeEach(() => {
      server.respond("POST", ApiPath.sessions, { status: 200, headers: { "content-type": "application/json" }, body: { token: SESSION_TOKEN, expiresAt: "2026-12-26T12:00:00.000Z", deviceToken: DEVICE_TOKEN } });
      server.respond("GET", ApiPath.me, { status: 200, headers: { "content-type": "application/json" }, body: { id: "acc_1", email: "ada@example.com" } });
      server.respond("DELETE", ApiPath.currentSession, { status: 204 });
    });

    it("signs in, keeps the token to itself and returns only the account", async () => {
      const result = await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "correct horse battery staple" });
      expect(result).toEqual({ ok: true, value: { id: "acc_1", email: "ada@example.com", keep: "not_asked" } });
      expect(JSON.stringify(result)).not.toContain(SESSION_TOKEN);
      expect(JSON.stringify(result)).not.toContain(DEVICE_TOKEN);
      expect(sessions.read()).toBe(SESSION_TOKEN);
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SESSION_TOKEN}`);
    });

    it("says a session could not be kept where this store cannot protect it", async () => {
      const result = await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "correct horse battery staple", keepSignedIn: true });
      expect(result).toMatchObject({ ok: true, value: { keep: "unprotected" } });
    });

    it("keeps the device token to itself and sends it with the next sign-in", async () => {
      await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "correct horse battery staple" });
      expect(JSON.parse(server.requests.find((request) => request.path === ApiPath.sessions)?.body ?? "null")).toEqual({ email: "ada@example.com", password: "correct horse battery staple" });
      expect(sessions.readDeviceToken()).toBe(DEVICE_TOKEN);
      server.requests.length = 0;
      await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "correct horse battery staple" });
      expect(JSON.parse(server.requests.find((request) => request.path === ApiPath.sessions)?.body ?? "null")).toEqual({
        email: "ada@example.com",
        password: "correct horse battery staple",
        deviceToken: DEVICE_TOKEN,
      });
    });

    it("never sends a device token the renderer offers", async () => {
      const offered = randomBytes(32).toString("base64url");
      await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "correct horse battery staple", deviceToken: offered });
      expect(server.requests.find((request) => request.path === ApiPath.sessions)?.body).not.toContain(offered);
    });

    it("does not keep a session when sign-in is refused", async () => {
      server.respond("POST", ApiPath.sessions, problem(401, "invalid_credentials"));
      const result = await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "wrong password" });
      expect(result.ok ? null : result.error.message).toBe(t("signIn.invalidCredentials"));
      expect(sessions.read()).toBeNull();
    });

    it("answers `me` without a network call when nobody is signed in", async () => {
      const result = await handlers[IpcChannel.Me](FROM_OUR_WINDOW);
      expect(result).toEqual({ ok: false, error: { status: 401, code: "unauthorized", message: t("app.error.notSignedIn") } });
      expect(server.requests).toEqual([]);
    });

    it("forgets a session the Worker no longer accepts", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("GET", ApiPath.me, problem(401, "unauthorized"));
      const result = await handlers[IpcChannel.Me](FROM_OUR_WINDOW);
      expect(result.ok ? null : result.error.message).toBe(t("app.error.sessionEnded"));
      expect(sessions.read()).toBeNull();
    });

    it("says a sign-in kept from an earlier launch has ended, and forgets it on disk", async () => {
      const directory = mkdtempSync(join(tmpdir(), "resetkit-ipc-"));
      try {
        const secrets = keyring();
        createSessionStore({ directory, secrets }).save(SESSION_TOKEN, { keep: true });
        const restored = createSessionStore({ directory, secrets });
        const afterRelaunch = createIpcHandlers({
          client: createApiClient({ baseUrl: server.url }),
          sessions: restored,
          trustedRendererUrl: RENDERER_URL,
          subscribeDeepLinks: () => {},
          locale: () => "en",
        });
        server.respond("GET", ApiPath.me, problem(401, "unauthorized"));
        const result = await afterRelaunch[IpcChannel.Me](FROM_OUR_WINDOW);
        expect(result.ok ? null : result.error).toMatchObject({ code: "saved_session_ended", message: t("app.error.savedSessionEnded") });
        expect(createSessionStore({ directory, secrets }).read()).toBeNull();
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it("signs out on the server and forgets the token", async () => {
      sessions.save(SESSION_TOKEN);
      expect(await handlers[IpcChannel.SignOut](FROM_OUR_WINDOW)).toEqual({ ok: true, value: null });
      expect(server.requests.at(-1)).toMatchObject({ method: "DELETE", path: ApiPath.currentSession });
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SESSION_TOKEN}`);
      expect(sessions.read()).toBeNull();
    });

    it("signs out on this device even when the server cannot be told", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("DELETE", ApiPath.currentSession, { status: 503, body: "down" });
      const result = await handlers[IpcChannel.SignOut](FROM_OUR_WINDOW);
      expect(result.ok ? null : result.error.code).toBe("unexpected_response");
      expect(sessions.read()).toBeNull();
    });
  });

  describe("change the password and end sessions with the stored token", () => {
    const CHANGE = { currentPassword: "correct horse battery staple", newPassword: "a different long passphrase" };

    it("changes the password with the session's token and stays signed in", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("POST", ApiPath.mePassword, { status: 204 });
      expect(await handlers[IpcChannel.ChangePassword](FROM_OUR_WINDOW, CHANGE)).toEqual({ ok: true, value: null });
      expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: ApiPath.mePassword });
      expect(JSON.parse(server.requests.at(-1)?.body ?? "null")).toEqual(CHANGE);
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SESSION_TOKEN}`);
      expect(sessions.read()).toBe(SESSION_TOKEN);
    });

    it("says a wrong current password is about that field, and stays signed in", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("POST", ApiPath.mePassword, problem(401, "invalid_credentials"));
      const result = await handlers[IpcChannel.ChangePassword](FROM_OUR_WINDOW, CHANGE);
      expect(result.ok ? null : result.error.message).toBe(t("account.currentPasswordWrong"));
      expect(sessions.read()).toBe(SESSION_TOKEN);
    });

    it("forgets a session the Worker refuses while changing the password", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("POST", ApiPath.mePassword, problem(401, "unauthorized"));
      const result = await handlers[IpcChannel.ChangePassword](FROM_OUR_WINDOW, CHANGE);
      expect(result.ok ? null : result.error.code).toBe("unauthorized");
      expect(sessions.read()).toBeNull();
    });

    it("refuses a change without a current password before the network", async () => {
      sessions.save(SESSION_TOKEN);
      const result = await handlers[IpcChannel.ChangePassword](FROM_OUR_WINDOW, { newPassword: CHANGE.newPassword });
      expect(result.ok ? null : result.error.code).toBe("validation_failed");
      expect(server.requests).toEqual([]);
    });

    it("refuses a change when nobody is signed in, without a network call", async () => {
      const result = await handlers[IpcChannel.ChangePassword](FROM_OUR_WINDOW, CHANGE);
      expect(result.ok ? null : result.error.message).toBe(t("app.error.notSignedIn"));
      expect(server.requests).toEqual([]);
    });

    it("signs out everywhere on the server and forgets the token", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("DELETE", ApiPath.sessions, { status: 204 });
      expect(await handlers[IpcChannel.SignOutEverywhere](FROM_OUR_WINDOW)).toEqual({ ok: true, value: null });
      expect(server.requests.at(-1)).toMatchObject({ method: "DELETE", path: ApiPath.sessions });
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SESSION_TOKEN}`);
      expect(sessions.read()).toBeNull();
    });

    it("stays signed in when the server could not end the other sessions, so it can be tried again", async () => {
      sessions.save(SESSION_TOKEN);
      server.respond("DELETE", ApiPath.sessions, { status: 503, body: "down" });
      const result = await handlers[IpcChannel.SignOutEverywhere](FROM_OUR_WINDOW);
      expect(result.ok ? null : result.error.code).toBe("unexpected_response");
      expect(sessions.read()).toBe(SESSION_TOKEN);
    });
  });

  it("connects our window to the deep-link inbox", async () => {
    expect(await handlers[IpcChannel.SubscribeDeepLinks](FROM_OUR_WINDOW)).toEqual({ ok: true, value: null });
    expect(subscribed).toEqual([FROM_OUR_WINDOW]);
  });

  it("registers one handler per invokable channel and refuses extra arguments", async () => {
    const registered = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => unknown>();
    registerIpcHandlers<IpcSenderEvent>({ handle: (channel, listener) => registered.set(channel, listener) }, handlers);
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(registered.has(IpcChannel.DeepLink)).toBe(false);
    const extra = await registered.get(IpcChannel.VerifyToken)?.(FROM_OUR_WINDOW, { token: TOKEN }, "extra");
    expect(extra).toEqual({ ok: false, error: { status: 400, code: "validation_failed", message: t("app.error.unexpectedPayload") } });
    expect(server.requests).toEqual([]);
  });
  describe("speak the app's language", () => {
    it("answers the renderer with the language in use, and the new one after a change", async () => {
      expect(await handlers[IpcChannel.GetLocale](FROM_OUR_WINDOW)).toEqual({ ok: true, value: "en" });
      locale = "ar";
      expect(await handlers[IpcChannel.GetLocale](FROM_OUR_WINDOW)).toEqual({ ok: true, value: "ar" });
      expect(server.requests).toEqual([]);
    });

    it("tells the Worker the language with each call", async () => {
      locale = "fr";
      server.respond("POST", ApiPath.verifyReset, problem(410, "token_invalid"));
      await handlers[IpcChannel.VerifyToken](FROM_OUR_WINDOW, { token: TOKEN });
      expect(server.requests.at(-1)?.headers["accept-language"]).toBe("fr");
    });

    describe("puts main's own sentences into German", () => {
      const de = translatorFor("de");
      beforeEach(() => {
        locale = "de";
      });

      it.each([
        [IpcChannel.RequestReset, { email: "not-an-address" }, message("email.invalid")],
        [IpcChannel.RequestReset, { email: "" }, message("email.missing")],
        [IpcChannel.ConfirmReset, { token: TOKEN }, message("field.passwordMissing")],
        [IpcChannel.RedeemResetCode, { email: "ada@example.com", code: "7KQ2" }, message("resetCode.shape", { example: "7KQ2-M9XD" })],
        [IpcChannel.Me, "me", message("app.error.unexpectedPayload")],
      ] as const)("%s refusing %j", async (channel, payload, expected) => {
        const result = await handlers[channel](FROM_OUR_WINDOW, payload);
        expect(result.ok ? null : result.error.message).toBe(de.t(expected));
        expect(server.requests).toEqual([]);
      });

      it("for each field of a refused payload", async () => {
        const result = await handlers[IpcChannel.CreateAccount](FROM_OUR_WINDOW, { email: "", password: "" });
        expect(result.ok ? null : result.error.fieldErrors).toEqual({ email: de.t("email.missing"), password: de.t("field.passwordMissing") });
      });

      it("for a sender that is not our window", async () => {
        const result = await handlers[IpcChannel.Me](eventFrom("https://evil.example/"));
        expect(result.ok ? null : result.error.message).toBe(de.t("app.error.untrustedSender", { appName: APP_NAME }));
      });

      it("when nobody is signed in", async () => {
        const result = await handlers[IpcChannel.Me](FROM_OUR_WINDOW);
        expect(result.ok ? null : result.error.message).toBe(de.t("app.error.notSignedIn"));
      });

      it("for a refused sign-in, which the Worker was asked about in German", async () => {
        server.respond("POST", ApiPath.sessions, problem(401, "invalid_credentials"));
        const result = await handlers[IpcChannel.SignIn](FROM_OUR_WINDOW, { email: "ada@example.com", password: "wrong password" });
        expect(result.ok ? null : result.error.message).toBe(de.t("signIn.invalidCredentials"));
        expect(server.requests.at(-1)?.headers["accept-language"]).toBe("de");
      });
    });
  });
});
