import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAlertToken } from "../../../../worker/src/account-alert/alert-tokens.ts";
import { createSession, validateSessionToken } from "../../../../worker/src/sessions/session.ts";
import { csrf, DEFAULT_OPTIONS, issueCsrfToken } from "../../../../worker/src/web/csrf/index.ts";
import { webRoute } from "../../../../worker/src/web/web-route.tsx";
import {
  Browser,
  countMailTo,
  createResetToken,
  GOOD_PASSWORD,
  hasPassword,
  openForm,
  ORIGINAL_PASSWORD,
  registerAccount,
} from "../web-fixtures.ts";
import { productionEnv } from "../../production-env.ts";

const APP_ORIGIN = "http://127.0.0.1";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A tiny app: the CSRF check in front of a handler that records whether it ran. */
function buildApp(options: Parameters<typeof csrf>[0] = {}) {
  const protectedHandler = vi.fn(() => new Response("changed something"));
  const app = webRoute(csrf(options), protectedHandler);
  const send = (init: { headers?: Record<string, string>; body?: string; method?: string }) =>
    app(new Request(`${APP_ORIGIN}/submit`, { method: init.method ?? "POST", headers: init.headers, body: init.body }), env, createExecutionContext());
  return { protectedHandler, send };
}

/** A valid token pair, as our own form page would hand it out. */
async function issueToken(): Promise<string> {
  return (await issueCsrfToken(new Request(`${APP_ORIGIN}/form`), env)).token;
}

function formHeaders(token: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "application/x-www-form-urlencoded",
    ...(token ? { cookie: `${DEFAULT_OPTIONS.cookieName}=${token}` } : {}),
    ...extra,
  };
}

describe("csrf()", () => {
  it("lets a same-origin POST with the matching signed token through", async () => {
    const { protectedHandler, send } = buildApp();
    const token = await issueToken();

    const response = await send({ headers: formHeaders(token, { "sec-fetch-site": "same-origin", origin: "null" }), body: `csrf_token=${token}` });

    expect(response.status).toBe(200);
    expect(protectedHandler).toHaveBeenCalledOnce();
  });

  it("accepts our Origin header when a browser sends no fetch metadata", async () => {
    const { protectedHandler, send } = buildApp();
    const token = await issueToken();

    const ownOrigin = await send({ headers: formHeaders(token, { origin: APP_ORIGIN }), body: `csrf_token=${token}` });
    const publicOrigin = await send({ headers: formHeaders(token, { origin: "http://127.0.0.1:8787" }), body: `csrf_token=${token}` });

    expect(ownOrigin.status).toBe(200);
    expect(publicOrigin.status).toBe(200);
    expect(protectedHandler).toHaveBeenCalledTimes(2);
  });

  it("refuses a cross-site form post with 403", async () => {
    // The attacker's page on https://evil.example:
    //   <form action="http://127.0.0.1/submit" method="post"><input name="email" value="victim@example.com"></form>
    //   (SameSite=Strict keeps our cookie away, and the attacker cannot know a token anyway.)
    const { protectedHandler, send } = buildApp();

    const response = await send({ headers: formHeaders(null, { "sec-fetch-site": "cross-site", origin: "https://evil.example" }), body: "email=victim%40example.com" });

    expect(response.status).toBe(403);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("refuses a cross-site post even when it carries a valid token pair", async () => {
    // The attacker fetched a token pair from our form with their own browser and replays it:
    //   <form action="http://127.0.0.1/submit" method="post"><input name="csrf_token" value="(their token)"></form>
    const { protectedHandler, send } = buildApp();
    const token = await issueToken();

    const byFetchSite = await send({ headers: formHeaders(token, { "sec-fetch-site": "cross-site" }), body: `csrf_token=${token}` });
    const byOrigin = await send({ headers: formHeaders(token, { origin: "https://evil.example" }), body: `csrf_token=${token}` });
    const sameSite = await send({ headers: formHeaders(token, { "sec-fetch-site": "same-site" }), body: `csrf_token=${token}` });

    expect([byFetchSite.status, byOrigin.status, sameSite.status]).toEqual([403, 403, 403]);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("fails closed when neither Origin nor Sec-Fetch-Site says where the post came from", async () => {
    const { protectedHandler, send } = buildApp();
    const token = await issueToken();

    const bare = await send({ headers: formHeaders(token), body: `csrf_token=${token}` });
    const nullOrigin = await send({ headers: formHeaders(token, { origin: "null" }), body: `csrf_token=${token}` });

    expect([bare.status, nullOrigin.status]).toEqual([403, 403]);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("refuses a same-origin post whose field is missing or differs from the cookie", async () => {
    const { protectedHandler, send } = buildApp();
    const token = await issueToken();
    const other = await issueToken();

    const missingField = await send({ headers: formHeaders(token, { "sec-fetch-site": "same-origin" }), body: "email=a%40example.com" });
    const missingCookie = await send({ headers: formHeaders(null, { "sec-fetch-site": "same-origin" }), body: `csrf_token=${token}` });
    const different = await send({ headers: formHeaders(token, { "sec-fetch-site": "same-origin" }), body: `csrf_token=${other}` });

    expect([missingField.status, missingCookie.status, different.status]).toEqual([403, 403, 403]);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("refuses a planted cookie whose signature was not made with our key", async () => {
    // A sibling subdomain sets `resetkit_csrf=<nonce>.<made-up signature>` and submits the same value.
    const { protectedHandler, send } = buildApp();
    const [nonce = ""] = (await issueToken()).split(".");
    const forged = `${nonce}.${"A".repeat(43)}`;

    const response = await send({ headers: formHeaders(forged, { "sec-fetch-site": "same-origin" }), body: `csrf_token=${forged}` });

    expect(response.status).toBe(403);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("refuses a text/plain or multipart body, which an attacker's form could also send", async () => {
    const { protectedHandler, send } = buildApp();
    const token = await issueToken();

    const response = await send({
      headers: { ...formHeaders(token, { "sec-fetch-site": "same-origin" }), "content-type": "text/plain" },
      body: `csrf_token=${token}`,
    });

    expect(response.status).toBe(403);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("fails closed with 503, not 403, when the check itself throws", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { protectedHandler, send } = buildApp({
      readAllowedOrigins: () => {
        throw new Error("misconfigured");
      },
    });
    const token = await issueToken();

    const response = await send({ headers: formHeaders(token, { origin: APP_ORIGIN }), body: `csrf_token=${token}` });

    expect(response.status).toBe(503);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("answers 503 \"temporarily unavailable\", not \"form expired\", when the key cannot be derived", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const protectedHandler = vi.fn(() => new Response("changed something"));
    const app = webRoute(csrf(), protectedHandler);
    const token = await issueToken();
    const request = new Request(`${APP_ORIGIN}/submit`, {
      method: "POST",
      headers: formHeaders(token, { "sec-fetch-site": "same-origin" }),
      body: `csrf_token=${token}`,
    });

    const response = await app(request, productionEnv({ HMAC_KEY: undefined }), createExecutionContext());

    expect(response.status).toBe(503);
    expect(await response.text()).toContain("Temporarily unavailable");
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("does not check GET or HEAD", async () => {
    const { protectedHandler, send } = buildApp();

    expect((await send({ method: "GET" })).status).toBe(200);
    expect((await send({ method: "HEAD" })).status).toBe(200);
    expect(protectedHandler).toHaveBeenCalledTimes(2);
  });
});

describe("the signing key", () => {
  it("derives from HMAC_KEY, so a token signed under another key is refused", async () => {
    const { protectedHandler, send } = buildApp();
    const issuedElsewhere = (await issueCsrfToken(new Request(`${APP_ORIGIN}/form`), { ...env, HMAC_KEY: "a key another deployment uses" })).token;

    const response = await send({ headers: formHeaders(issuedElsewhere, { "sec-fetch-site": "same-origin" }), body: `csrf_token=${issuedElsewhere}` });

    expect(response.status).toBe(403);
    expect(protectedHandler).not.toHaveBeenCalled();
  });

  it("is not kept in D1: no table of the database holds a secret for the pages", async () => {
    await issueToken();
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>();
    expect(tables.results.map((table) => table.name)).not.toContain("web_secrets");
  });
});

describe("issueCsrfToken()", () => {
  it("reuses a valid cookie so that several open tabs keep working, and replaces a forged one", async () => {
    const first = await issueCsrfToken(new Request(`${APP_ORIGIN}/form`), env);
    const again = await issueCsrfToken(new Request(`${APP_ORIGIN}/form`, { headers: { cookie: `resetkit_csrf=${first.token}` } }), env);
    const forged = await issueCsrfToken(new Request(`${APP_ORIGIN}/form`, { headers: { cookie: `resetkit_csrf=${"B".repeat(43)}.${"C".repeat(43)}` } }), env);

    expect(first.setCookie).toMatch(/^resetkit_csrf=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(again).toEqual({ token: first.token, setCookie: null });
    expect(forged.token).not.toBe(`${"B".repeat(43)}.${"C".repeat(43)}`);
    expect(forged.setCookie).not.toBeNull();
  });

  it("uses a Secure __Host- cookie over https", async () => {
    const issued = await issueCsrfToken(new Request("https://resetkit.test/form"), env);

    expect(issued.setCookie).toMatch(/^__Host-resetkit_csrf=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });
});

describe("forged cross-site posts to the real pages", () => {
  it("POST /forgot-password without a valid token gets 403 and sends no email", async () => {
    // <form action="http://127.0.0.1/forgot-password" method="post"><input name="email" value="victim@example.com"></form>
    await registerAccount("csrf-victim@example.com");
    const attacker = new Browser();

    const forged = await attacker.postForm("/forgot-password", { email: "csrf-victim@example.com" }, { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    const noToken = await attacker.postForm("/forgot-password", { email: "csrf-victim@example.com" });

    expect(forged.status).toBe(403);
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain("This form has expired");
    expect(noToken.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await countMailTo("csrf-victim@example.com")).toBe(0);
  });

  it("POST /reset-password from another site gets 403 and leaves the password unchanged", async () => {
    // The victim opened their reset link, so the reset cookie exists; the attacker's page posts
    //   <form action="http://127.0.0.1/reset-password" method="post">
    //     <input name="password" value="attacker chosen pass"><input name="confirm_password" value="attacker chosen pass">
    //   </form>
    const account = await registerAccount("csrf-reset@example.com");
    const victim = new Browser();
    await victim.fetch(`/reset-password?token=${await createResetToken(account)}`);
    const { csrfToken } = await openForm(victim, "/reset-password");

    const crossSite = await victim.postForm(
      "/reset-password",
      { csrf_token: csrfToken, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    );
    const withoutToken = await victim.postForm("/reset-password", { password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });

    expect(crossSite.status).toBe(403);
    expect(withoutToken.status).toBe(403);
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });

  it("POST /account-alert without a valid token gets 403 and signs nobody out", async () => {
    const account = await registerAccount("csrf-alert@example.com");
    const { token: sessionToken } = await createSession(env, account.id);
    const { token: alertToken } = await createAlertToken(env, account.id);

    const response = await new Browser().postForm("/account-alert", { token: alertToken }, { "sec-fetch-site": "cross-site" });

    expect(response.status).toBe(403);
    expect(await validateSessionToken(env, sessionToken)).not.toBeNull();
    expect(await countMailTo("csrf-alert@example.com")).toBe(0);
  });
});
