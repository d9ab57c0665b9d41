import { describe, expect, it } from "vitest";
import { signInStatus, signUpAndReadToken } from "./sign-up-fixtures.ts";
import { Browser, findInputTag, findSetCookie, GOOD_PASSWORD, openForm, ORIGINAL_PASSWORD, readInputValue, SECURE_ORIGIN } from "./web-fixtures.ts";

/** Opens the link in a fresh browser and returns it with the form's CSRF token. */
async function openLink(token: string): Promise<{ browser: Browser; csrfToken: string; html: string }> {
  const browser = new Browser();
  const opened = await browser.fetch(`/verify-email?token=${token}`);
  expect(opened.status).toBe(303);
  const { csrfToken, html } = await openForm(browser, "/verify-email");
  return { browser, csrfToken, html };
}

describe("GET /verify-email?token=T", () => {
  it("moves the token into a Strict, HttpOnly cookie for /verify-email and redirects with 303 to a token-free URL", async () => {
    const token = await signUpAndReadToken("open-verify@example.com");

    const response = await new Browser().fetch(`/verify-email?token=${token}`);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/verify-email");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const cookie = findSetCookie(response, "resetkit_verify_email") ?? "";
    expect(cookie).toMatch(new RegExp(`^resetkit_verify_email=${token}; `));
    for (const attribute of ["Path=/;", "HttpOnly", "SameSite=Strict", "Max-Age=86400"]) expect(cookie).toContain(attribute);
    // Plain http on 127.0.0.1 is the local development server: a Secure cookie would be dropped there.
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure over https", async () => {
    const token = await signUpAndReadToken("secure-verify@example.com");

    const response = await new Browser(SECURE_ORIGIN).fetch(`/verify-email?token=${token}`);

    expect(findSetCookie(response, "__Host-resetkit_verify_email")).toMatch(/^__Host-resetkit_verify_email=[\w-]{43}; Max-Age=86400; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });

  it("shows the 410 page, with the ways to sign up again and to reset the password, for an unknown, malformed or empty token", async () => {
    for (const token of ["A".repeat(43), "short", "<script>", ""]) {
      const response = await new Browser().fetch(`/verify-email?token=${encodeURIComponent(token)}`);
      expect(response.status).toBe(410);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await response.text();
      expect(html).toContain("This confirmation link is invalid or has expired");
      expect(html).toContain('href="/sign-up">Sign up again</a>');
      expect(html).toContain('href="/forgot-password">Forgot your password?</a>');
      expect(html).not.toContain("<script>");
      expect(findSetCookie(response, "resetkit_verify_email")).toBeUndefined();
    }
  });

  it("confirms nothing when mail scanners prefetch the link with GET and HEAD; the person still can afterwards", async () => {
    const token = await signUpAndReadToken("scanned-verify@example.com");
    const scanner = new Browser();
    for (const method of ["HEAD", "GET", "GET", "HEAD"]) {
      expect((await scanner.fetch(`/verify-email?token=${token}`, { method })).status).toBe(303);
    }
    // A scanner that follows the redirect with the cookie sees the form, and that is all.
    expect((await scanner.fetch("/verify-email")).status).toBe(200);
    expect(await signInStatus("scanned-verify@example.com", ORIGINAL_PASSWORD)).toBe(401);

    const { browser, csrfToken } = await openLink(token);
    const done = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: ORIGINAL_PASSWORD });

    expect(done.status).toBe(200);
    expect(await signInStatus("scanned-verify@example.com", ORIGINAL_PASSWORD)).toBe(200);
  });
});

describe("GET /verify-email", () => {
  it("asks for the sign-up password for the masked address, with a hidden username for password managers", async () => {
    const token = await signUpAndReadToken("Form.Verify@example.com");

    const { html } = await openLink(token);

    expect(html).toContain("<h1>Confirm your email address</h1>");
    expect(html).toMatch(/For the account <strong><bdi dir="ltr">[Ff]\*\*\*@example\.com<\/bdi><\/strong>\./);
    expect(readInputValue(html, "username")?.toLowerCase()).toBe("form.verify@example.com");
    expect(findInputTag(html, "username")).toContain('hidden=""');
    expect(findInputTag(html, "password")).toContain('autoComplete="current-password"');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<form[^>]*action="\/verify-email"[^>]*method="post"/);
    expect(html).toContain('data-submitting-label="Confirming…">Confirm email address</button>');
  });

  it("shows the 410 page without the cookie, and reloads once without script when the link came from another site", async () => {
    const sameOrigin = await new Browser().fetch("/verify-email", { headers: { "sec-fetch-site": "same-origin" } });
    const crossSite = await new Browser().fetch("/verify-email", { headers: { "sec-fetch-site": "cross-site" } });

    expect(sameOrigin.status).toBe(410);
    expect(crossSite.status).toBe(200);
    expect(await crossSite.text()).toContain('<meta http-equiv="refresh" content="0;url=/verify-email"/>');
  });

  it("answers other methods with an HTML 405 that names the allowed ones", async () => {
    const response = await new Browser().fetch("/verify-email", { method: "DELETE" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
  });
});

describe("POST /verify-email", () => {
  it("refuses a form without the CSRF token, or from another site, with 403 and confirms nothing", async () => {
    const token = await signUpAndReadToken("forged-verify@example.com");
    const { browser, csrfToken } = await openLink(token);

    // <form action="https://resetkit.example/verify-email" method="post"><input name="password" value="…"></form>, elsewhere:
    const withoutToken = await browser.postForm("/verify-email", { password: ORIGINAL_PASSWORD });
    const crossSite = await browser.postForm(
      "/verify-email",
      { csrf_token: csrfToken, password: ORIGINAL_PASSWORD },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    );

    for (const response of [withoutToken, crossSite]) expect(response.status).toBe(403);
    expect(await signInStatus("forged-verify@example.com", ORIGINAL_PASSWORD)).toBe(401);
  });

  it("re-renders the form with 400 and the wrong-password message for another password, and confirms nothing", async () => {
    const token = await signUpAndReadToken("wrong-verify@example.com");
    const { browser, csrfToken } = await openLink(token);

    const response = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: GOOD_PASSWORD });

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("That is not the password chosen when this address was signed up.");
    expect(html).toMatch(/<div class="error-summary" role="alert" aria-live="assertive">/);
    expect(html).toMatch(/<input id="password"[^>]*aria-invalid="true"[^>]*autofocus=""/);
    expect(html).not.toContain(GOOD_PASSWORD);
    expect(await signInStatus("wrong-verify@example.com", ORIGINAL_PASSWORD)).toBe(401);
    // The link still works with the right password.
    const done = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: ORIGINAL_PASSWORD });
    expect(done.status).toBe(200);
  });

  it("re-renders the form with 422 when the password is left empty", async () => {
    const token = await signUpAndReadToken("empty-verify@example.com");
    const { browser, csrfToken } = await openLink(token);

    const response = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: "" });

    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Enter your password.");
  });

  it("lets the link die after five wrong passwords: the next answer is the 410 page, even for the right one", async () => {
    const token = await signUpAndReadToken("worn-out-verify@example.com");
    const { browser, csrfToken } = await openLink(token);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: `${GOOD_PASSWORD} ${attempt}` });
      expect([400, 410]).toContain(response.status);
    }

    const response = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: ORIGINAL_PASSWORD });

    expect(response.status).toBe(410);
    expect(await response.text()).toContain("This confirmation link is invalid or has expired");
    expect(await signInStatus("worn-out-verify@example.com", ORIGINAL_PASSWORD)).toBe(401);
  });

  it("confirms the address with the sign-up password and leads to sign-in; the link then no longer works", async () => {
    const token = await signUpAndReadToken("done-verify@example.com");
    const browser = new Browser(undefined, { SIGN_IN_URL: "https://app.example.test/sign-in" });
    await browser.fetch(`/verify-email?token=${token}`);
    const { csrfToken } = await openForm(browser, "/verify-email");

    const response = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: ORIGINAL_PASSWORD });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("Your email address is confirmed");
    expect(html).toContain('<a class="button button-primary" href="https://app.example.test/sign-in">Sign in</a>');
    // The token goes; a receipt stays five minutes, only so a repeat of this form lands here again.
    expect(findSetCookie(response, "resetkit_verify_email")).toContain("Max-Age=0");
    expect(findSetCookie(response, "resetkit_verify_done")).toMatch(/^resetkit_verify_done=\d+\.[\w-]{43}; Max-Age=300; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(await signInStatus("done-verify@example.com", ORIGINAL_PASSWORD)).toBe(200);
    expect((await new Browser().fetch(`/verify-email?token=${token}`)).status).toBe(410);
  });

  it("shows the success page again when the same form arrives twice, as a double click or a reload sends it", async () => {
    const token = await signUpAndReadToken("double-verify@example.com");
    const browser = new Browser();
    await browser.fetch(`/verify-email?token=${token}`);
    const { csrfToken } = await openForm(browser, "/verify-email");
    const fields = { csrf_token: csrfToken, password: ORIGINAL_PASSWORD };

    const first = await browser.postForm("/verify-email", fields);
    const repeat = await browser.postForm("/verify-email", fields);

    expect(first.status).toBe(200);
    expect(repeat.status).toBe(200);
    expect(await repeat.text()).toContain("Your email address is confirmed");
  });

  it("checks no password on a repeat: another browser holding the used link is told the address is confirmed, whatever it sends", async () => {
    const token = await signUpAndReadToken("repeat-other-verify@example.com");
    const browser = new Browser();
    await browser.fetch(`/verify-email?token=${token}`);
    const { csrfToken } = await openForm(browser, "/verify-email");
    expect((await browser.postForm("/verify-email", { csrf_token: csrfToken, password: ORIGINAL_PASSWORD })).status).toBe(200);

    const answers = [];
    for (const password of [ORIGINAL_PASSWORD, GOOD_PASSWORD]) {
      const holder = new Browser();
      holder.cookies.set("resetkit_verify_email", token);
      const form = await openForm(holder, "/sign-up");
      const response = await holder.postForm("/verify-email", { csrf_token: form.csrfToken, password });
      answers.push({ status: response.status, body: await response.text() });
    }
    const reopened = await new Browser().fetch(`/verify-email?token=${token}`);

    expect(answers[0]?.status).toBe(410);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]?.body).toContain("This address is already confirmed");
    expect(answers[0]?.body).not.toContain("Sign up again");
    expect(reopened.status).toBe(410);
    expect(await reopened.text()).toContain("This address is already confirmed");
  });

  it("shows the 410 page when the form arrives without the cookie", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");

    const response = await browser.postForm("/verify-email", { csrf_token: csrfToken, password: ORIGINAL_PASSWORD });

    expect(response.status).toBe(410);
  });
});
