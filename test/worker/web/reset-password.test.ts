import { afterEach, describe, expect, it, vi } from "vitest";
import { failingDatabase } from "../storage-fault.ts";
import { parseDeepLink } from "../../../shared/deep-link.ts";
import {
  Browser,
  createResetToken,
  findInputTag,
  findSetCookie,
  GOOD_PASSWORD,
  hasPassword,
  openForm,
  ORIGINAL_PASSWORD,
  readInputValue,
  registerAccount,
  SECURE_ORIGIN,
} from "./web-fixtures.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A browser with the same cookies as `browser` whose requests meet a D1 outage. */
function duringOutage(browser: Browser): Browser {
  const affected = new Browser(browser.origin, { DB: failingDatabase() });
  for (const [name, value] of browser.cookies) affected.cookies.set(name, value);
  return affected;
}

function expectUnavailablePage(response: Response, html: string): void {
  expect(response.status).toBe(503);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(html).toContain("Temporarily unavailable");
  expect(html).not.toContain("invalid");
  expect(html).not.toContain("D1_ERROR");
}

describe("/reset-password during a storage outage", () => {
  it("shows the 503 temporarily-unavailable page for a live link, never the invalid-link page, and keeps the link", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const account = await registerAccount("outage-open@example.com");
    const token = await createResetToken(account);
    const browser = new Browser();

    const response = await duringOutage(browser).fetch(`/reset-password?token=${token}`);

    expectUnavailablePage(response, await response.text());
    expect(findSetCookie(response, "resetkit_reset")).toBeUndefined();
    expect((await browser.fetch(`/reset-password?token=${token}`)).status).toBe(303);
  });

  it("shows the 503 page when the form is sent, never \"form expired\" or \"invalid link\", and leaves the password as it was", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const account = await registerAccount("outage-submit@example.com");
    const token = await createResetToken(account);
    const browser = new Browser();
    await browser.fetch(`/reset-password?token=${token}`);
    const { csrfToken } = await openForm(browser, "/reset-password");

    const response = await duringOutage(browser).postForm("/reset-password", {
      csrf_token: csrfToken,
      password: GOOD_PASSWORD,
      confirm_password: GOOD_PASSWORD,
    });

    const html = await response.text();
    expectUnavailablePage(response, html);
    expect(html).not.toContain("expired");
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });
});

describe("GET /reset-password?token=T", () => {
  it("moves a valid token into a Strict, HttpOnly cookie and redirects with 303 to a token-free URL", async () => {
    const account = await registerAccount("open-link@example.com");
    const token = await createResetToken(account);
    const browser = new Browser();

    const response = await browser.fetch(`/reset-password?token=${token}`);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/reset-password");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const cookie = findSetCookie(response, "resetkit_reset");
    expect(cookie).toMatch(new RegExp(`^resetkit_reset=${token}; `));
    expect(cookie).toContain("Path=/;");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toMatch(/Max-Age=(17\d\d|1800)/);
    // Plain http on 127.0.0.1 is the local development server: a Secure cookie would be dropped there.
    expect(cookie).not.toContain("Secure");
  });

  it("names the cookie __Host- (Secure, Path=/, no Domain) and sends HSTS when served over https, so no sibling subdomain can plant one", async () => {
    const account = await registerAccount("secure-link@example.com");
    const token = await createResetToken(account);

    const response = await new Browser(SECURE_ORIGIN).fetch(`/reset-password?token=${token}`);

    expect(response.status).toBe(303);
    const cookie = findSetCookie(response, "__Host-resetkit_reset");
    expect(cookie).toMatch(new RegExp(`^__Host-resetkit_reset=${token}; Max-Age=\\d+; Path=/; HttpOnly; Secure; SameSite=Strict$`));
    expect(cookie).not.toContain("Domain");
    expect(findSetCookie(response, "resetkit_reset")).toBeUndefined();
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });

  it("shows the invalid-link page with 410 and a way to ask again for an unknown, malformed or expired token", async () => {
    const account = await registerAccount("expired-link@example.com");
    const expired = await createResetToken(account, -1);
    for (const token of ["A".repeat(43), "short", expired, ""]) {
      const response = await new Browser().fetch(`/reset-password?token=${encodeURIComponent(token)}`);
      expect(response.status).toBe(410);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await response.text();
      expect(html).toContain("This reset link is invalid or has expired");
      expect(html).toContain('href="/forgot-password"');
      expect(findSetCookie(response, "resetkit_reset")).toBeUndefined();
    }
  });

  it("leaves the token usable after GET and HEAD prefetches, as mail scanners do", async () => {
    const account = await registerAccount("prefetched@example.com");
    const token = await createResetToken(account);
    const scanner = new Browser();
    expect((await scanner.fetch(`/reset-password?token=${token}`, { method: "HEAD" })).status).toBe(303);
    expect((await scanner.fetch(`/reset-password?token=${token}`)).status).toBe(303);
    expect((await scanner.fetch(`/reset-password?token=${token}`, { method: "HEAD" })).status).toBe(303);

    const person = new Browser();
    expect((await person.fetch(`/reset-password?token=${token}`)).status).toBe(303);
    const { csrfToken } = await openForm(person, "/reset-password");
    const done = await person.postForm("/reset-password", { csrf_token: csrfToken, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });

    expect(done.status).toBe(200);
    expect(await hasPassword(account, GOOD_PASSWORD)).toBe(true);
  });
});

describe("GET /reset-password", () => {
  it("shows the form with the hidden username, two new-password fields, the policy hint and live feedback regions", async () => {
    const account = await registerAccount("Form.Owner@example.com");
    const token = await createResetToken(account);
    const browser = new Browser();
    await browser.fetch(`/reset-password?token=${token}`);

    const { response, html } = await openForm(browser, "/reset-password");

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(readInputValue(html, "username")).toBe("Form.Owner@example.com");
    const username = findInputTag(html, "username") ?? "";
    expect(username).toContain('autoComplete="username"');
    expect(username).toContain('hidden=""');
    expect(findInputTag(html, "password")).toContain('autoComplete="new-password"');
    expect(findInputTag(html, "confirm_password")).toContain('autoComplete="new-password"');
    expect(html).toContain('<label for="password">New password</label>');
    expect(html).toContain('<label for="confirm_password">Confirm new password</label>');
    expect(html).toContain("Use 12 to 128 characters.");
    expect(html).toContain('aria-describedby="password-hint password-feedback"');
    expect(html).toContain('<div class="live-feedback" id="password-feedback" aria-live="polite"></div>');
    expect(html).toContain('<div class="live-feedback" id="confirm_password-feedback" aria-live="polite"></div>');
    expect(html).toContain("F***@example.com");
    expect(html).toContain('<script src="/password-feedback.js" defer=""></script>');
    // The live feedback's sentences, for this minimum length, in a JSON block the browser never runs.
    const policyWords = /<script type="application\/json" id="password-policy-words">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(policyWords ?? "null")).toMatchObject({ "passwordPolicy.tooShort": "Use at least 12 characters." });
    expect(html).toContain('<script src="/submit-once.js" defer=""></script>');
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
    expect(html).toContain('data-submitting-label="Saving…">Set new password</button>');
  });

  it("offers the desktop app only when the reset was asked for in the app", async () => {
    const account = await registerAccount("from-the-app@example.com");
    const fromApp = await createResetToken(account, 30 * 60_000, "desktop");
    const appBrowser = new Browser();
    await appBrowser.fetch(`/reset-password?token=${fromApp}`);
    const { html: appHtml } = await openForm(appBrowser, "/reset-password");
    expect(appHtml).toContain(`href="resetkit://reset-password?token=${fromApp}"`);
    expect(appHtml).toContain("Open in ResetKit desktop");

    const fromWeb = await createResetToken(account);
    const webBrowser = new Browser();
    await webBrowser.fetch(`/reset-password?token=${fromWeb}`);
    const { html: webHtml } = await openForm(webBrowser, "/reset-password");
    expect(webHtml).not.toContain("resetkit://");
    expect(webHtml).not.toContain("Open in ResetKit desktop");
  });

  it("shows the invalid-link page with 410 when there is no reset cookie", async () => {
    const response = await new Browser().fetch("/reset-password", { headers: { "sec-fetch-site": "same-origin" } });

    expect(response.status).toBe(410);
    expect(await response.text()).toContain("Ask for a new link");
  });

  it("reloads once without script when a link followed from another site arrives without the Strict cookie", async () => {
    const response = await new Browser().fetch("/reset-password", { headers: { "sec-fetch-site": "cross-site" } });

    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/reset-password"/>');
    expect(html).toContain('href="/reset-password"');
  });
});

describe("POST /reset-password", () => {
  async function openResetForm(email: string) {
    const account = await registerAccount(email);
    const token = await createResetToken(account);
    const browser = new Browser();
    await browser.fetch(`/reset-password?token=${token}`);
    const { html, csrfToken } = await openForm(browser, "/reset-password");
    return { account, token, browser, csrfToken, formId: readInputValue(html, "form_id") ?? "" };
  }

  it("re-renders the form with 422, an announced message and focus on the confirmation when the passwords differ", async () => {
    const { account, browser, csrfToken } = await openResetForm("mismatch@example.com");

    const response = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: GOOD_PASSWORD, confirm_password: `${GOOD_PASSWORD}!` });

    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("The two passwords don&#x27;t match.");
    expect(html).toMatch(/<div class="error-summary" role="alert" aria-live="assertive">/);
    expect(html).toMatch(/<input id="confirm_password"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    expect(html).not.toMatch(/<input id="password"[^>]*autofocus/);
    expect(html).not.toContain(GOOD_PASSWORD);
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });

  it("re-renders the form with 422 and the policy message for a common password", async () => {
    const { account, browser, csrfToken } = await openResetForm("weak@example.com");

    const response = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: "qwerty123456", confirm_password: "qwerty123456" });

    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("This password is too common.");
    expect(html).toMatch(/<input id="password"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });

  it("refuses a short password and the email address as a password", async () => {
    const { browser, csrfToken } = await openResetForm("policy-owner@example.com");

    const short = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: "short", confirm_password: "short" });
    const email = await browser.postForm("/reset-password", {
      csrf_token: csrfToken,
      password: "policy-owner@example.com",
      confirm_password: "policy-owner@example.com",
    });

    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Use at least 12 characters.");
    expect(email.status).toBe(422);
    expect(await email.text()).toContain("Don&#x27;t use your email address as your password.");
  });

  it("changes the password, clears the reset cookie and shows the success page; the link then no longer works", async () => {
    const { account, token, browser, csrfToken } = await openResetForm("success@example.com");

    const response = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain("Your password has been changed");
    // A reset started on the web does not offer the desktop app.
    expect(page).not.toContain("resetkit:");
    const cleared = findSetCookie(response, "resetkit_reset");
    expect(cleared).toContain("Max-Age=0");
    expect(cleared).toContain("Path=/;");
    expect(await hasPassword(account, GOOD_PASSWORD)).toBe(true);
    expect((await new Browser().fetch(`/reset-password?token=${token}`)).status).toBe(410);
  });

  it("tells another tab's form, sent with another password after the link was used, that the link was used", async () => {
    const { account, browser, csrfToken, formId } = await openResetForm("two-tabs@example.com");
    const cookie = browser.cookies.get("resetkit_reset") ?? "";
    const otherTab = await openForm(browser, "/reset-password");
    await browser.postForm("/reset-password", { csrf_token: csrfToken, form_id: formId, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });
    browser.cookies.set("resetkit_reset", cookie);

    const response = await browser.postForm("/reset-password", {
      csrf_token: csrfToken,
      form_id: readInputValue(otherTab.html, "form_id") ?? "",
      password: "yet another passphrase 3",
      confirm_password: "yet another passphrase 3",
    });

    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("This reset link has already been used");
    expect(html).not.toContain("Your password has been changed");
    expect(await hasPassword(account, GOOD_PASSWORD)).toBe(true);
  });

  it("checks no password on a repeat: a leaked used link tried with the right and the wrong password gets the same page", async () => {
    const { browser, csrfToken, formId } = await openResetForm("leaked@example.com");
    const usedToken = browser.cookies.get("resetkit_reset") ?? "";
    await browser.postForm("/reset-password", { csrf_token: csrfToken, form_id: formId, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });

    const answers = [];
    for (const password of [GOOD_PASSWORD, "a wrong guess at the new one"]) {
      // Whoever holds the leaked link plants it in a browser of their own.
      const holder = new Browser();
      holder.cookies.set("resetkit_reset", usedToken);
      const form = await openForm(holder, "/forgot-password");
      const response = await holder.postForm("/reset-password", { csrf_token: form.csrfToken, form_id: formId, password, confirm_password: password });
      answers.push({ status: response.status, body: (await response.text()).replace(/value="[^"]*"/g, "") });
    }

    expect(answers[0]?.status).toBe(410);
    expect(answers[1]).toEqual(answers[0]);
  });

  it("tells the second of a double click's two posts that the link was used, and that the password it set is saved", async () => {
    const { account, browser, csrfToken, formId } = await openResetForm("double-click@example.com");
    const fields = { csrf_token: csrfToken, form_id: formId, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD };
    const cookies = new Map(browser.cookies);

    const first = await browser.postForm("/reset-password", fields);
    // The second click left before the first answer arrived, with the cookies of that moment.
    const second = new Browser();
    for (const [name, value] of cookies) second.cookies.set(name, value);
    const repeat = await second.postForm("/reset-password", fields, { "cf-connecting-ip": browser.ip });

    expect(first.status).toBe(200);
    // It left before the receipt arrived, so it cannot be told from a stranger with the link.
    expect(repeat.status).toBe(410);
    expect(await repeat.text()).toContain("If you set a new password with it, that password is saved");
    expect(await hasPassword(account, GOOD_PASSWORD)).toBe(true);
  });

  it("shows the success page again when the browser re-sends the form after success, as a reload does", async () => {
    const { browser, csrfToken, formId } = await openResetForm("reload-success@example.com");
    const fields = { csrf_token: csrfToken, form_id: formId, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD };
    await browser.postForm("/reset-password", fields);
    expect(browser.cookies.has("resetkit_reset")).toBe(false);

    const reload = await browser.postForm("/reset-password", fields);
    const reopened = await browser.fetch("/reset-password");

    expect(reload.status).toBe(200);
    expect(await reload.text()).toContain("Your password has been changed");
    expect(reopened.status).toBe(200);
    expect(await reopened.text()).toContain("Your password has been changed");
  });

  it("answers 413 saying the form was too large, not that it expired, for a 20 KB field", async () => {
    const { account, browser, csrfToken } = await openResetForm("too-large@example.com");

    const response = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: "x".repeat(20_000), confirm_password: "x" });

    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain("That was more text than this form accepts");
    expect(html).not.toContain("expired");
    expect(await hasPassword(account, ORIGINAL_PASSWORD)).toBe(true);
  });
});

describe("the success page", () => {
  async function changePassword(email: string, client: "web" | "desktop", vars: Partial<Env> = {}) {
    const account = await registerAccount(email);
    const token = await createResetToken(account, 30 * 60_000, client);
    const browser = new Browser(undefined, vars);
    await browser.fetch(`/reset-password?token=${token}`);
    const { csrfToken } = await openForm(browser, "/reset-password");
    const response = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });
    expect(response.status).toBe(200);
    return response.text();
  }

  it("leads to the web sign-in page when SIGN_IN_URL is set, and not to the app for a web reset", async () => {
    const html = await changePassword("signin-url@example.com", "web", { SIGN_IN_URL: "https://app.example.test/sign-in" });

    expect(html).toContain('<a class="button button-primary" href="https://app.example.test/sign-in">Sign in</a>');
    expect(html).not.toContain("resetkit://");
  });

  it("offers the app's sign-in for a reset asked for in the app", async () => {
    const html = await changePassword("signin-app@example.com", "desktop", { SIGN_IN_URL: "https://app.example.test/sign-in" });

    expect(html).toContain('href="https://app.example.test/sign-in"');
    expect(html).toContain('<a class="button button-secondary" href="resetkit://sign-in">Open in ResetKit desktop</a>');
    // Its "open the app" link is one the desktop app accepts and opens on Sign in.
    expect(parseDeepLink(/href="(resetkit:[^"]*)"/.exec(html)?.[1])).toEqual({ kind: "sign-in" });
  });

  it("leads to the Worker's own /sign-in when the deployment has no SIGN_IN_URL", async () => {
    const html = await changePassword("signin-none@example.com", "web");

    expect(html).toContain('<a class="button button-primary" href="/sign-in">Sign in</a>');
  });
});
