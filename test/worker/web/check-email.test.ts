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
  readPageText,
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

/** Sends a code as the page's form does and follows the 303 a refusal answers with, as a browser does. */
async function sendWrongCode(browser: Browser, csrfToken: string, email: string, code: string): Promise<{ answer: Response; page: Response; html: string }> {
  const answer = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email, code });
  expect(answer.status).toBe(303);
  expect(answer.headers.get("location")).toBe(CHECK_EMAIL);
  const page = await browser.fetch(CHECK_EMAIL);
  return { answer, page, html: await page.text() };
}

/** The heading levels of a page, in document order: "h1 Check your email". */
function listHeadings(html: string): string[] {
  return [...html.matchAll(/<(h[1-6])[^>]*>(.*?)<\/\1>/g)].map(([, level, text]) => `${level} ${readPageText(text ?? "")}`);
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

  it("keeps the example code of the hint in one piece, read left to right", async () => {
    const { html } = await openForm(new Browser(), CHECK_EMAIL);

    const hint = /<div class="hint" id="code-hint">(.*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(hint).toBe('8 characters, like <bdi dir="ltr" class="reset-code-example">7KQ2-M9XD</bdi>');
  });

  it("puts its headings in order, the error summary's one level below the section the form is in", async () => {
    const otherDevice = new Browser();
    const { csrfToken } = await openForm(otherDevice, CHECK_EMAIL);
    const misshapen = await otherDevice.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "not an address", code: "7KQ2" });
    expect(listHeadings(await misshapen.text())).toEqual(["h1 Enter the code from the email", "h2 Your code", "h3 Please fix these first"]);

    const asked = new Browser();
    const { html } = await sendWrongCode(asked, await askForLink(asked, "headings-web@example.com"), "headings-web@example.com", "AAAA-AAAA");
    expect(listHeadings(html)).toEqual(["h1 Check your email", "h2 Reading the email on another device?", "h3 Please fix this first"]);
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

    const knownRefusal = await sendWrongCode(known, knownCsrf, "wrong-web@example.com", otherCode(code));
    const unknownRefusal = await sendWrongCode(unknown, unknownCsrf, "nobody-web@example.com", otherCode(code));

    const cookieShape = (response: Response) => findSetCookie(response, "resetkit_code_refusals")?.replaceAll("nobody-web", "wrong-web");
    expect(cookieShape(unknownRefusal.answer)).toBe(cookieShape(knownRefusal.answer));
    expect(knownRefusal.page.status).toBe(200);
    expect(unknownRefusal.page.status).toBe(200);
    expect(readPageText(knownRefusal.html)).toContain("That code did not work for this address.");
    expect(withoutCsrf(unknownRefusal.html).replaceAll("nobody-web", "wrong-web")).toBe(withoutCsrf(knownRefusal.html));
  });

  it("answers a wrong code with 303 back to the page, so going Back or reloading never sends the code again", async () => {
    await registerAccount("back-web@example.com");
    const browser = new Browser();
    const csrfToken = await askForLink(browser, "back-web@example.com");
    const code = await readLatestCode("back-web@example.com");

    const { answer, html } = await sendWrongCode(browser, csrfToken, "back-web@example.com", otherCode(code));

    expect(await answer.text()).toBe("");
    const refusal = "That code did not work for this address. Check it against the newest email and try again; after 5 wrong tries the code stops working.";
    expect(readPageText(html).split(refusal)).toHaveLength(2);
    expect(readInputValue(html, "code") ?? "").toBe("");
    expect(findInputTag(html, "code")).toContain('autofocus=""');
    // A reload is a plain GET: the page is the code form again, without the old refusal.
    const reloaded = await (await browser.fetch(CHECK_EMAIL)).text();
    expect(readPageText(reloaded)).not.toContain("That code did not work");
    expect(readPageText(reloaded)).toContain("Check your email");
  });

  it("says the code has stopped working after 5 wrong tries, and then refuses even the right one", async () => {
    await registerAccount("budget-web@example.com");
    const browser = new Browser();
    let csrfToken = await askForLink(browser, "budget-web@example.com");
    const code = await readLatestCode("budget-web@example.com");
    let html = "";
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      ({ html } = await sendWrongCode(browser, csrfToken, "budget-web@example.com", otherCode(code)));
      csrfToken = readInputValue(html, "csrf_token") ?? "";
      expect(readPageText(html).includes("After 5 wrong tries a code stops working")).toBe(attempt === 5);
    }
    expect(readPageText(html)).toContain("That code did not work either. After 5 wrong tries a code stops working: send a new email and use its code.");

    const right = await sendWrongCode(browser, csrfToken, "budget-web@example.com", code);
    expect(readPageText(right.html)).toContain("That code did not work either.");
    expect(browser.cookies.has("resetkit_reset")).toBe(false);
  });

  it("counts the wrong codes afresh for a new email, and for another address typed on another device", async () => {
    await registerAccount("afresh-web@example.com");
    const browser = new Browser();
    let csrfToken = await askForLink(browser, "afresh-web@example.com");
    const code = await readLatestCode("afresh-web@example.com");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      csrfToken = readInputValue((await sendWrongCode(browser, csrfToken, "afresh-web@example.com", otherCode(code))).html, "csrf_token") ?? "";
    }

    csrfToken = await askForLink(browser, "afresh-web@example.com");
    const afterNewEmail = await sendWrongCode(browser, csrfToken, "afresh-web@example.com", otherCode(await readLatestCode("afresh-web@example.com")));
    expect(readPageText(afterNewEmail.html)).toContain("That code did not work for this address.");

    const otherDevice = new Browser();
    let otherCsrf = (await openForm(otherDevice, CHECK_EMAIL)).csrfToken;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      otherCsrf = readInputValue((await sendWrongCode(otherDevice, otherCsrf, "first-try@example.com", "AAAA-AAAA")).html, "csrf_token") ?? "";
    }
    const anotherAddress = await sendWrongCode(otherDevice, otherCsrf, "second-try@example.com", "AAAA-AAAA");
    expect(readPageText(anotherAddress.html)).toContain("That code did not work for this address.");
    expect(readInputValue(anotherAddress.html, "email")).toBe("second-try@example.com");
  });

  it("leads a right code to the new-password form and forgets the wrong ones before it", async () => {
    await registerAccount("right-after-wrong@example.com");
    const browser = new Browser();
    const csrfToken = await askForLink(browser, "right-after-wrong@example.com");
    const code = await readLatestCode("right-after-wrong@example.com");
    const { html } = await sendWrongCode(browser, csrfToken, "right-after-wrong@example.com", otherCode(code));
    expect(browser.cookies.has("resetkit_code_refusals")).toBe(true);

    const right = await browser.postForm(CHECK_EMAIL, { csrf_token: readInputValue(html, "csrf_token") ?? "", email: "right-after-wrong@example.com", code });

    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/reset-password");
    expect(browser.cookies.has("resetkit_code_refusals")).toBe(false);
  });

  it("links the summary to each field to fix by its label, and says each field's sentence once, next to it", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, CHECK_EMAIL);

    const answer = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "not an address", code: "7KQ2" });

    const html = await answer.text();
    const summary = /<div class="error-summary"[^>]*>(.*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(summary).toContain('<ul><li><a href="#email">Email address</a></li><li><a href="#code">Code from the email</a></li></ul>');
    const text = readPageText(html);
    expect(text.split("Enter a valid email address, like name@example.com.")).toHaveLength(2);
    expect(text.split("Enter the 8-character code from the email, like 7KQ2-M9XD.")).toHaveLength(2);
    expect(html).toContain('<p class="error" id="email-error">Enter a valid email address, like name@example.com.</p>');
    expect(findInputTag(html, "email")).toContain('maxLength="254"');
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
      csrfToken = readInputValue((await sendWrongCode(browser, csrfToken, `many-${attempt}@example.com`, "AAAA-AAAA")).html, "csrf_token") ?? "";
    }

    const limited = await browser.postForm(CHECK_EMAIL, { csrf_token: csrfToken, email: "many-more@example.com", code: "AAAA-AAAA" });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const text = readPageText(await limited.text());
    expect(text).toContain("Too many codes were tried from your network.");
    // The form's own 429 carries the development tip as the limit pages do.
    expect(text).toContain("Developing locally? Set RATE_LIMITS=off in .dev.vars.");
  });
});
