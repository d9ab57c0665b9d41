import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { createSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { obtainResetToken, postJson, readMailTo } from "../reset/reset-fixtures.ts";
import { Browser, findSetCookie, GOOD_PASSWORD, hasPassword, openForm, ORIGINAL_PASSWORD, registerAccount } from "./web-fixtures.ts";

const HASHING_TIMEOUT_MS = 120_000;

/** A browser signed in on the web as a new account. */
async function signedIn(email: string) {
  const account = await registerAccount(email);
  const browser = new Browser();
  const { csrfToken } = await openForm(browser, "/sign-in");
  const response = await browser.postForm("/sign-in", { csrf_token: csrfToken, email, password: ORIGINAL_PASSWORD });
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  return { account, browser, session: browser.cookies.get("resetkit_session") ?? "" };
}

describe("GET /account", () => {
  it("sends a visitor without a session to /sign-in", async () => {
    const response = await new Browser().fetch("/account");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in");
  });

  it("shows the change-password form with live feedback, and the two ways out", { timeout: HASHING_TIMEOUT_MS }, async () => {
    const { browser } = await signedIn("account-page@example.com");
    const { html } = await openForm(browser, "/account");

    expect(html).toMatch(/<input id="current_password"[^>]*autoComplete="current-password"/);
    expect(html).toMatch(/<input id="password"[^>]*autoComplete="new-password"/);
    expect(html).toMatch(/<input id="confirm_password"[^>]*autoComplete="new-password"/);
    expect(html).toContain('<div class="live-feedback" id="password-feedback" aria-live="polite"></div>');
    expect(html).toContain('<script src="/password-feedback.js" defer=""></script>');
    expect(html).toContain(">Sign out</button>");
    expect(html).toContain('<input type="hidden" name="scope" value="everywhere"/>');
    expect(html).toContain(">Sign out of every device</button>");
  });
});

describe("POST /account", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("changes the password, keeps this session, signs the others out and tells the owner by email", async () => {
    const { account, browser, session } = await signedIn("account-change@example.com");
    const { token: other } = await createSession(env, account.id);
    const { csrfToken } = await openForm(browser, "/account");

    const response = await browser.postForm("/account", {
      csrf_token: csrfToken,
      current_password: ORIGINAL_PASSWORD,
      password: GOOD_PASSWORD,
      confirm_password: GOOD_PASSWORD,
    });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account");
    expect(await hasPassword(account, GOOD_PASSWORD)).toBe(true);
    expect(await validateSessionToken(env, session)).not.toBeNull();
    expect(await validateSessionToken(env, other)).toBeNull();
    const page = await (await browser.fetch("/account")).text();
    expect(page).toContain("Your password has been changed. Every other device has been signed out");
    // The notice shows once.
    expect(await (await browser.fetch("/account")).text()).not.toContain("Your password has been changed");
    await vi.waitFor(async () => {
      expect((await readMailTo("account-change@example.com")).map((message) => message.subject)).toContain("Your ResetKit password was changed");
    });
  });

  it("answers a wrong current password with 401 next to its field, changes nothing, and counts it as a failed sign-in", async () => {
    const { account, browser } = await signedIn("account-wrong@example.com");
    const { csrfToken } = await openForm(browser, "/account");

    const statuses = [];
    for (let guess = 0; guess < 11; guess += 1) {
      const response = await browser.postForm("/account", {
        csrf_token: csrfToken,
        current_password: `guess ${guess} long`,
        password: GOOD_PASSWORD,
        confirm_password: GOOD_PASSWORD,
      });
      statuses.push(response.status);
      if (guess === 0) expect(await response.text()).toMatch(/<p class="error" id="current_password-error">That is not your current password.<\/p>/);
    }

    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });

  it("checks the new password as a reset does: empty fields, a mismatch and the policy, before anything changes", async () => {
    const { account, browser } = await signedIn("account-policy@example.com");
    const { csrfToken } = await openForm(browser, "/account");

    const empty = await browser.postForm("/account", { csrf_token: csrfToken, current_password: "", password: "", confirm_password: "" });
    const mismatch = await browser.postForm("/account", { csrf_token: csrfToken, current_password: ORIGINAL_PASSWORD, password: GOOD_PASSWORD, confirm_password: "something else" });
    const common = await browser.postForm("/account", { csrf_token: csrfToken, current_password: ORIGINAL_PASSWORD, password: "qwerty123456", confirm_password: "qwerty123456" });

    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    for (const message of ["Enter your current password.", "Enter a new password.", "Enter the new password a second time."]) expect(emptyHtml).toContain(message);
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain("The two passwords don&#x27;t match.");
    expect(common.status).toBe(422);
    expect(await common.text()).toContain("This password is too common.");
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });

  it("refuses a change from another site with 403 and changes nothing", async () => {
    const { account, browser } = await signedIn("account-forged@example.com");
    const { csrfToken } = await openForm(browser, "/account");

    const response = await browser.postForm(
      "/account",
      { csrf_token: csrfToken, current_password: ORIGINAL_PASSWORD, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD },
      { "sec-fetch-site": "cross-site" },
    );

    expect(response.status).toBe(403);
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });
});

describe("POST /sign-out", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("ends this session and clears the cookie, leaving the account's other sessions", async () => {
    const { account, browser, session } = await signedIn("sign-out@example.com");
    const { token: other } = await createSession(env, account.id);
    const { csrfToken } = await openForm(browser, "/account");

    const response = await browser.postForm("/sign-out", { csrf_token: csrfToken });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in");
    expect(findSetCookie(response, "resetkit_session")).toContain("Max-Age=0");
    expect(await validateSessionToken(env, session)).toBeNull();
    expect(await validateSessionToken(env, other)).not.toBeNull();
    expect(await (await browser.fetch("/sign-in")).text()).toContain("You have signed out.");
    expect((await browser.fetch("/account")).status).toBe(303);
  });

  it("with scope=everywhere ends every session of the account, the API's too", async () => {
    const { account, browser, session } = await signedIn("sign-out-everywhere@example.com");
    const { token: apiSession } = await createSession(env, account.id);
    const { csrfToken } = await openForm(browser, "/account");

    await browser.postForm("/sign-out", { csrf_token: csrfToken, scope: "everywhere" });

    expect(await validateSessionToken(env, session)).toBeNull();
    expect(await validateSessionToken(env, apiSession)).toBeNull();
    expect(await (await browser.fetch("/sign-in")).text()).toContain("You have signed out on every device.");
  });
});

describe("web sessions", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("are the API's sessions: a completed reset ends them", async () => {
    const { browser } = await signedIn("shared-session@example.com");
    const token = await obtainResetToken("shared-session@example.com");

    expect((await postJson("/api/v1/password-resets/confirm", { token, password: GOOD_PASSWORD })).status).toBe(204);

    expect((await browser.fetch("/account")).status).toBe(303);
  });
});
