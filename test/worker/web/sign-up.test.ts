import { describe, expect, it } from "vitest";
import { readVerificationToken, signInStatus, signUpOnTheWeb } from "./sign-up-fixtures.ts";
import {
  Browser,
  countMailTo,
  findInputTag,
  findSetCookie,
  GOOD_PASSWORD,
  openForm,
  ORIGINAL_PASSWORD,
  readInputValue,
  registerAccount,
  SECURE_ORIGIN, readPageText } from "./web-fixtures.ts";

describe("GET /sign-up", () => {
  it("shows the address, password and confirmation fields with the policy hint, live feedback regions and a CSRF field", async () => {
    const browser = new Browser();
    const { response, html, csrfToken } = await openForm(browser, "/sign-up");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(html).toContain("<h1>Create your account</h1>");
    expect(html).toMatch(/<form[^>]*action="\/sign-up"[^>]*method="post"/);
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<label for="confirm_password">Confirm password</label>');
    expect(findInputTag(html, "email")).toContain('autoComplete="username"');
    expect(findInputTag(html, "password")).toContain('autoComplete="new-password"');
    expect(findInputTag(html, "confirm_password")).toContain('autoComplete="new-password"');
    expect(html).toContain("Use 12 to 128 characters.");
    expect(html).toContain('aria-describedby="password-hint password-feedback"');
    expect(html).toContain('<div class="live-feedback" id="password-feedback" aria-live="polite"></div>');
    expect(html).toContain('<div class="live-feedback" id="confirm_password-feedback" aria-live="polite"></div>');
    expect(html).toContain('<script src="/password-feedback.js" defer=""></script>');
    expect(html).toContain('data-submitting-label="Creating…">Create account</button>');
    expect(browser.cookies.get("resetkit_csrf")).toBe(csrfToken);
  });

  it("links to SIGN_IN_URL when it is set, and otherwise to the Worker's own /sign-in", async () => {
    const withPage = await openForm(new Browser(undefined, { SIGN_IN_URL: "https://app.example.test/sign-in" }), "/sign-up");
    const without = await openForm(new Browser(), "/sign-up");

    expect(withPage.html).toContain('Already have an account? <a href="https://app.example.test/sign-in">Sign in</a>');
    expect(without.html).toContain('Already have an account? <a href="/sign-in">Sign in</a>');
  });

  it("answers HEAD with the same status and headers and no body", async () => {
    const response = await new Browser().fetch("/sign-up", { method: "HEAD" });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).toBe("");
  });

  it("answers other methods with an HTML 405 that names the allowed ones", async () => {
    for (const [path, allow] of [
      ["/sign-up", "GET, HEAD, POST"],
      ["/sign-up/check-email", "GET, HEAD"],
    ] as const) {
      const response = await new Browser().fetch(path, { method: "PUT" });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("is linked from the forgot-password page", async () => {
    const { html } = await openForm(new Browser(), "/forgot-password");

    expect(html).toContain('<a href="/sign-up">Create an account</a>');
  });
});

describe("POST /sign-up", () => {
  it("refuses a form without the CSRF token, or sent from another site, with 403 and sends nothing", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");
    const fields = { email: "forged-sign-up@example.com", password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD };

    // <form action="https://resetkit.example/sign-up" method="post"> on the attacker's site, without our token:
    const withoutToken = await browser.postForm("/sign-up", fields);
    // ... or with a token it guessed, from a cross-site page:
    const crossSite = await browser.postForm("/sign-up", { ...fields, csrf_token: csrfToken }, { "sec-fetch-site": "cross-site", origin: "https://evil.example" });

    for (const response of [withoutToken, crossSite]) {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("This form has expired");
    }
    expect(await countMailTo("forged-sign-up@example.com")).toBe(0);
  });

  it("answers a new and a taken address with the same 303 to the check-email page, and the email does the rest", async () => {
    await registerAccount("taken-web@example.com");
    const fresh = new Browser();
    const taken = new Browser();

    const freshAnswer = await signUpOnTheWeb("fresh-web@example.com", GOOD_PASSWORD, fresh);
    const takenAnswer = await signUpOnTheWeb("taken-web@example.com", GOOD_PASSWORD, taken);

    for (const answer of [freshAnswer, takenAnswer]) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/sign-up/check-email");
      expect(await answer.text()).toBe("");
    }
    const withoutAddress = (response: Response) => findSetCookie(response, "resetkit_sign_up_email")?.replace(/^[^;]*/, "");
    expect(withoutAddress(freshAnswer)).toBe(withoutAddress(takenAnswer));

    const freshPage = await fresh.fetch("/sign-up/check-email");
    const takenPage = await (await taken.fetch("/sign-up/check-email")).text();
    expect(freshPage.status).toBe(200);
    expect(readPageText(await freshPage.text())).toContain("If fresh-web@example.com can be used for a new account, we've sent it a link");
    expect(readPageText(takenPage)).toContain("If taken-web@example.com can be used for a new account, we've sent it a link");
    // The new address got a confirmation link; the taken one a note to its owner, and no link.
    expect(await readVerificationToken("fresh-web@example.com")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await countMailTo("taken-web@example.com")).toBe(1);
    expect(await readVerificationToken("taken-web@example.com")).toBeNull();
    // The taken account keeps its password; the new sign-up is no account before it is confirmed.
    expect(await signInStatus("taken-web@example.com", ORIGINAL_PASSWORD)).toBe(200);
    expect(await signInStatus("fresh-web@example.com", GOOD_PASSWORD)).toBe(401);
  });

  it("keeps the typed address out of the URL, in a __Host- HttpOnly SameSite=Strict cookie of its own", async () => {
    const answer = await signUpOnTheWeb("Private+signup@Example.com", GOOD_PASSWORD, new Browser(SECURE_ORIGIN));

    expect(answer.headers.get("location")).not.toContain("Example");
    const cookie = findSetCookie(answer, "__Host-resetkit_sign_up_email") ?? "";
    expect(cookie).toMatch(/^__Host-resetkit_sign_up_email=Private\+signup@Example\.com; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });

  it("says the same without naming an address when the check-email page is opened without the cookie", async () => {
    const response = await new Browser().fetch("/sign-up/check-email");

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("If the address you entered can be used for a new account");
  });

  it("re-renders the form with 422 and the typed address, escaped, for a malformed address; passwords are never echoed", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");

    const response = await browser.postForm("/sign-up", {
      csrf_token: csrfToken,
      email: '"><script>alert(1)</script>',
      password: GOOD_PASSWORD,
      confirm_password: GOOD_PASSWORD,
    });

    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(readInputValue(html, "email")).toBe("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toMatch(/<div class="error-summary" role="alert" aria-live="assertive">/);
    expect(html).toMatch(/<input id="email"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    expect(html).not.toContain(GOOD_PASSWORD);
  });

  it("re-renders the form with 422 and focus on the confirmation when the passwords differ or the confirmation is missing", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");

    const mismatch = await browser.postForm("/sign-up", {
      csrf_token: csrfToken,
      email: "mismatch-signup@example.com",
      password: GOOD_PASSWORD,
      confirm_password: `${GOOD_PASSWORD}!`,
    });
    const missing = await browser.postForm("/sign-up", { csrf_token: csrfToken, email: "mismatch-signup@example.com", password: GOOD_PASSWORD });

    expect(mismatch.status).toBe(422);
    const html = await mismatch.text();
    expect(html).toContain("The two passwords don&#x27;t match.");
    expect(html).toMatch(/<input id="confirm_password"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    expect(readInputValue(html, "email")).toBe("mismatch-signup@example.com");
    expect(html).not.toContain(GOOD_PASSWORD);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Enter the password a second time.");
    expect(await countMailTo("mismatch-signup@example.com")).toBe(0);
  });

  it("re-renders the form with 422 and the shared policy's message for a common, short or address-like password", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");
    const email = "policy-signup@example.com";

    for (const [password, message] of [
      ["qwerty123456", "This password is too common."],
      ["short", "Use at least 12 characters."],
      [email, "Don&#x27;t use your email address as your password."],
    ] as const) {
      const response = await browser.postForm("/sign-up", { csrf_token: csrfToken, email, password, confirm_password: password });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toMatch(/<input id="password"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    }
    expect(await countMailTo(email)).toBe(0);
  });

  it("answers 413 saying the form was too large, not that it expired, for a 20 KB field", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");

    const response = await browser.postForm("/sign-up", { csrf_token: csrfToken, email: "big@example.com", password: "x".repeat(20_000), confirm_password: "x" });

    expect(response.status).toBe(413);
    expect(await response.text()).not.toContain("expired");
  });

  it("shows the friendly 429 page with Retry-After once one network has signed up too often", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");
    let limited: Response | undefined;
    for (let index = 0; index < 30 && !limited; index += 1) {
      const email = `limit-${index}@example.com`;
      const response = await browser.postForm("/sign-up", { csrf_token: csrfToken, email, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(303);
    }

    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = (await limited?.text()) ?? "";
    expect(html).toContain("Please wait a little");
    expect(html).toContain("We have received many sign-ups from your network.");
    expect(html).toContain('href="/sign-up"');
  });
});
