import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  Browser,
  findInputTag,
  findSetCookie,
  GOOD_PASSWORD,
  hasPassword,
  openForm,
  readInputValue,
  registerAccount,
} from "./web-fixtures.ts";

const CHECK_EMAIL = "/forgot-password/check-email";

/** The code printed in the newest email to `address`. */
async function readLatestCode(address: string): Promise<string> {
  const row = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE lower(to_address) = lower(?) ORDER BY seq DESC LIMIT 1")
    .bind(address)
    .first<{ text_body: string }>();
  const code = row ? /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/.exec(row.text_body)?.[1] : undefined;
  if (!code) throw new Error(`no code reached ${address}`);
  return code;
}

/** Asks for a link through the form, as a person would, and lands on the check-email page. */
async function askForLink(browser: Browser, email: string): Promise<string> {
  const { csrfToken } = await openForm(browser, "/forgot-password");
  const answer = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email });
  expect(answer.status).toBe(303);
  return (await openForm(browser, CHECK_EMAIL)).csrfToken;
}

function otherCode(code: string): string {
  return `${code.slice(0, 8)}${code.endsWith("Z") ? "Y" : "Z"}`;
}

/** The page without its per-render CSRF token, to compare two answers. */
function withoutCsrf(html: string): string {
  return html.replace(/name="csrf_token" value="[^"]*"/, "");
}

describe("GET /forgot-password/check-email", () => {
  it("asks for the address and the code when this browser did not ask for a link", async () => {
    const { response, html } = await openForm(new Browser(), CHECK_EMAIL);

    expect(response.status).toBe(200);
    expect(html).toContain("Enter the code from the email");
    expect(findInputTag(html, "email")).toContain('type="email"');
    const code = findInputTag(html, "code") ?? "";
    expect(code).toMatch(/autocomplete="one-time-code"/i);
    expect(html).toMatch(/<form[^>]*action="\/forgot-password\/check-email"[^>]*method="post"/);
    expect(html).toContain('<script src="/reset-code-input.js" defer="">');
  });

  it("shows the typed address and carries it in a hidden field after a request", async () => {
    const browser = new Browser();
    await askForLink(browser, "hidden-field@example.com");
    const html = await (await browser.fetch(CHECK_EMAIL)).text();

    expect(html).toContain("Check your email");
    expect(findInputTag(html, "email")).toContain('type="hidden"');
    expect(readInputValue(html, "email")).toBe("hidden-field@example.com");
    expect(findInputTag(html, "code")).toMatch(/autocomplete="one-time-code"/i);
  });

  it("answers HEAD with the same status and no body", async () => {
    const response = await new Browser().fetch(CHECK_EMAIL, { method: "HEAD" });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("POST /forgot-password/check-email", () => {
  it("moves the fresh token into the reset cookie and leads to the new-password form", async () => {
    const account = await registerAccount("code-web@example.com");
    const browser = new Browser();
    const csrfToken = await askForLink(browser, "code-web@example.com");
    const code = await readLatestCode("code-web@example.com");

    const answer = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "code-web@example.com", code: code.toLowerCase().replace("-", " ") });

    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/reset-password");
    const resetCookie = findSetCookie(answer, "resetkit_reset") ?? "";
    expect(resetCookie).toMatch(/^resetkit_reset=[A-Za-z0-9_-]{43};/);
    expect(resetCookie).toContain("HttpOnly");
    expect(resetCookie).toContain("Path=/;");
    expect(browser.cookies.has("resetkit_check_email")).toBe(false);

    const { html, csrfToken: resetCsrf } = await openForm(browser, "/reset-password");
    expect(html).toContain("Choose a new password");
    const changed = await browser.postForm("/reset-password", { csrf_token: resetCsrf, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });
    expect(changed.status).toBe(200);
    expect(await hasPassword(account, GOOD_PASSWORD)).toBe(true);
  });

  it("says the same about a wrong code whether or not the address has an account", async () => {
    await registerAccount("wrong-web@example.com");
    const known = new Browser();
    const knownCsrf = await askForLink(known, "wrong-web@example.com");
    const code = await readLatestCode("wrong-web@example.com");
    const unknown = new Browser();
    const unknownCsrf = await askForLink(unknown, "nobody-web@example.com");

    const knownAnswer = await known.postForm(CHECK_EMAIL, { csrf_token: knownCsrf, email: "wrong-web@example.com", code: otherCode(code) });
    const unknownAnswer = await unknown.postForm(CHECK_EMAIL, { csrf_token: unknownCsrf, email: "nobody-web@example.com", code: otherCode(code) });

    expect(knownAnswer.status).toBe(400);
    expect(unknownAnswer.status).toBe(400);
    const knownHtml = await knownAnswer.text();
    expect(knownHtml).toContain("That code did not work for this address.");
    expect(withoutCsrf(await unknownAnswer.text()).replaceAll("nobody-web", "wrong-web")).toBe(withoutCsrf(knownHtml));
  });

  it("says the code has stopped working after 5 wrong tries, and then refuses even the right one", async () => {
    await registerAccount("budget-web@example.com");
    const browser = new Browser();
    let csrfToken = await askForLink(browser, "budget-web@example.com");
    const code = await readLatestCode("budget-web@example.com");
    let html = "";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrongCodes = readInputValue(html, "wrong_codes") ?? "0";
      const answer = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "budget-web@example.com", code: otherCode(code), wrong_codes: wrongCodes });
      html = await answer.text();
      csrfToken = readInputValue(html, "csrf_token") ?? "";
    }
    expect(html).toContain("After 5 wrong tries a code stops working: send a new email and use its code.");

    const right = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "budget-web@example.com", code, wrong_codes: "5" });
    expect(right.status).toBe(400);
  });

  it("asks again with 422, spending no guess, for something that cannot be a code", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, CHECK_EMAIL);

    const answer = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "short@example.com", code: "7KQ2" });

    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain("Enter the 8-character code from the email");
    expect(readInputValue(html, "code")).toBe("7KQ2");
    expect(readInputValue(html, "email")).toBe("short@example.com");
  });

  it("refuses a post without the CSRF token with 403 and redeems nothing", async () => {
    await registerAccount("forged@example.com");
    const browser = new Browser();
    await askForLink(browser, "forged@example.com");
    const code = await readLatestCode("forged@example.com");

    // The attacker's page: <form action="https://resetkit/forgot-password/check-email" method="post">
    const forged = await new Browser().postForm(CHECK_EMAIL, { email: "forged@example.com", code }, { "sec-fetch-site": "cross-site" });

    expect(forged.status).toBe(403);
    expect(findSetCookie(forged, "resetkit_reset")).toBeUndefined();
    const { csrfToken } = await openForm(browser, CHECK_EMAIL);
    expect((await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "forged@example.com", code })).status).toBe(303);
  });

  it("shows a 429 page with Retry-After once one network tried 10 codes", async () => {
    const browser = new Browser();
    let csrfToken = (await openForm(browser, CHECK_EMAIL)).csrfToken;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const answer = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: `many-${attempt}@example.com`, code: "AAAA-AAAA" });
      expect(answer.status).toBe(400);
      csrfToken = readInputValue(await answer.text(), "csrf_token") ?? "";
    }

    const limited = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "many-more@example.com", code: "AAAA-AAAA" });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many codes were tried from your network.");
  });
});
