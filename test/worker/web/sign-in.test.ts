import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { signUp } from "../accounts/sign-up-fixtures.ts";
import { Browser, findSetCookie, openForm, ORIGINAL_PASSWORD, readInputValue, registerAccount, SECURE_ORIGIN, readPageText } from "./web-fixtures.ts";

const HASHING_TIMEOUT_MS = 120_000;

/** Signs in through the page and returns the answer. */
async function signInOnTheWeb(browser: Browser, email: string, password: string): Promise<Response> {
  const { csrfToken } = await openForm(browser, "/sign-in");
  return browser.postForm("/sign-in", { csrf_token: csrfToken, email, password });
}

describe("GET /sign-in", () => {
  it("shows the email and password fields for a password manager, with the ways to a reset and a sign-up", async () => {
    const { response, html } = await openForm(new Browser(), "/sign-in");

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(html).toMatch(/<input id="email"[^>]*type="email"[^>]*autoComplete="username"/);
    expect(html).toMatch(/<input id="password"[^>]*type="password"[^>]*autoComplete="current-password"/);
    expect(html).toContain('href="/forgot-password"');
    expect(html).toContain('href="/sign-up"');
  });
});

describe("POST /sign-in", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("signs in with 303 to /account and a session cookie that is HttpOnly, SameSite and lives no longer than the session", async () => {
    await registerAccount("web-signin@example.com");
    const browser = new Browser();

    const response = await signInOnTheWeb(browser, "web-signin@example.com", ORIGINAL_PASSWORD);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account");
    const session = findSetCookie(response, "resetkit_session") ?? "";
    expect(session).toMatch(/^resetkit_session=[\w-]{43}; Max-Age=(25919\d\d|2592000); Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await validateSessionToken(env, browser.cookies.get("resetkit_session") ?? "")).not.toBeNull();
    expect(findSetCookie(response, "resetkit_device")).toMatch(/^resetkit_device=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const account = await browser.fetch("/account");
    expect(account.status).toBe(200);
    expect(readPageText(await account.text())).toContain("Signed in as web-signin@example.com.");
  });

  it("uses __Host- cookies over https", async () => {
    await registerAccount("web-signin-https@example.com");
    const response = await signInOnTheWeb(new Browser(SECURE_ORIGIN), "web-signin-https@example.com", ORIGINAL_PASSWORD);

    expect(findSetCookie(response, "__Host-resetkit_session")).toMatch(/^__Host-resetkit_session=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(findSetCookie(response, "__Host-resetkit_device")).toMatch(/; Secure; SameSite=Lax$/);
  });

  it("answers an unknown address, a wrong password and a sign-up not confirmed yet with the same page and status", async () => {
    await registerAccount("web-known@example.com");
    await signUp("web-pending@example.com", "the passphrase of a sign-up");
    const answers = [];
    for (const [email, password] of [
      ["web-unknown@example.com", "the passphrase of a sign-up"],
      ["web-known@example.com", "the passphrase of a sign-up"],
      ["web-pending@example.com", "the passphrase of a sign-up"],
    ] as const) {
      const response = await signInOnTheWeb(new Browser(), email, password);
      const html = (await response.text()).replace(/value="[^"]*"/g, 'value=""');
      answers.push({ status: response.status, html });
    }

    expect(answers[0]?.status).toBe(401);
    expect(answers[0]?.html).toContain(translatorFor("en").t("signIn.invalidCredentials").replace("'", "&#x27;"));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("keeps the sign-in limits of the API: the 11th wrong password for an address is 429 with Retry-After", async () => {
    await registerAccount("web-limited@example.com");
    const statuses = [];
    for (let guess = 0; guess < 11; guess += 1) statuses.push((await signInOnTheWeb(new Browser(), "web-limited@example.com", `guess ${guess} long`)).status);

    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
  });

  it("refuses a form from another site with 403 and signs nobody in", async () => {
    await registerAccount("web-forged@example.com");
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-in");

    const response = await browser.postForm(
      "/sign-in",
      { csrf_token: csrfToken, email: "web-forged@example.com", password: ORIGINAL_PASSWORD },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    );

    expect(response.status).toBe(403);
    expect(findSetCookie(response, "resetkit_session")).toBeUndefined();
  });

  it("re-shows the address typed, never the password, and says what is wrong with a malformed address", async () => {
    const response = await signInOnTheWeb(new Browser(), "not an address", "whatever I typed");

    expect(response.status).toBe(422);
    const html = await response.text();
    expect(readInputValue(html, "email")).toBe("not an address");
    expect(html).not.toContain("whatever I typed");
    expect(html).toContain("Enter a valid email address, like name@example.com.");
  });

  it("sends someone already signed in straight on to /account", async () => {
    await registerAccount("web-already@example.com");
    const browser = new Browser();
    await signInOnTheWeb(browser, "web-already@example.com", ORIGINAL_PASSWORD);

    const again = await browser.fetch("/sign-in");
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/account");
  });
});
