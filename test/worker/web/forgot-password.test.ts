import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PRODUCTION_VARS } from "../production-env.ts";
import { Browser, countMailTo, findInputTag, findSetCookie, openForm, readInputValue, registerAccount, SECURE_ORIGIN, readPageText } from "./web-fixtures.ts";

describe("GET /forgot-password", () => {
  it("waits in its one email field, which takes no more than an address can hold", async () => {
    const { html } = await openForm(new Browser(), "/forgot-password");

    const field = findInputTag(html, "email") ?? "";
    expect(field).toContain('maxLength="254"');
    expect(field).toContain('autofocus=""');
    expect(field).toContain('type="email"');
  });

  it("asks search engines to leave it out, in the page and in its headers", async () => {
    const { response, html } = await openForm(new Browser(), "/forgot-password");

    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
  });

  it("shows a labelled email form with a CSRF field and sets the CSRF cookie", async () => {
    const browser = new Browser();
    const { response, html, csrfToken } = await openForm(browser, "/forgot-password");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toMatch(/<form[^>]*action="\/forgot-password"[^>]*method="post"/);
    expect(browser.cookies.get("resetkit_csrf")).toBe(csrfToken);
  });

  it("answers HEAD with the same status and headers and no body", async () => {
    const response = await new Browser().fetch("/forgot-password", { method: "HEAD" });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await response.text()).toBe("");
  });
});

describe("GET /", () => {
  it("leads to the forgot-password form", async () => {
    const response = await new Browser().fetch("/");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/forgot-password");
  });
});

describe("POST /forgot-password", () => {
  it("answers a known and an unknown address with the same 303 to the check-email page", async () => {
    await registerAccount("known-web@example.com");
    const known = new Browser();
    const unknown = new Browser();
    const knownForm = await openForm(known, "/forgot-password");
    const unknownForm = await openForm(unknown, "/forgot-password");

    const knownAnswer = await known.postForm("/forgot-password", { csrf_token: knownForm.csrfToken, email: "known-web@example.com" });
    const unknownAnswer = await unknown.postForm("/forgot-password", { csrf_token: unknownForm.csrfToken, email: "stranger@example.com" });

    for (const answer of [knownAnswer, unknownAnswer]) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/forgot-password/check-email");
      expect(await answer.text()).toBe("");
    }
    const withoutAddress = (response: Response) => findSetCookie(response, "resetkit_check_email")?.replace(/^[^;]*/, "");
    expect(withoutAddress(knownAnswer)).toBe(withoutAddress(unknownAnswer));
    expect(await countMailTo("known-web@example.com")).toBe(1);
    expect(await countMailTo("stranger@example.com")).toBe(0);

    const knownPage = await (await known.fetch("/forgot-password/check-email")).text();
    const unknownPage = await (await unknown.fetch("/forgot-password/check-email")).text();
    expect(knownPage).toContain("Check your email");
    expect(readPageText(knownPage)).toContain("If known-web@example.com has an account");
    expect(readPageText(unknownPage)).toContain("If stranger@example.com has an account");
  });

  it("keeps the typed address out of the URL, in a __Host- HttpOnly SameSite=Strict cookie", async () => {
    const browser = new Browser(SECURE_ORIGIN);
    const { csrfToken } = await openForm(browser, "/forgot-password");
    const answer = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: "Private+tag@Example.com" });

    expect(answer.headers.get("location")).not.toContain("Example");
    const cookie = findSetCookie(answer, "__Host-resetkit_check_email") ?? "";
    expect(cookie).toMatch(/^__Host-resetkit_check_email=Private\+tag@Example\.com; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });

  it("only counts the per-IP limit and queues the request: no account, token or mail query before or after the answer", async () => {
    await registerAccount("queued-web@example.com");
    const seen: string[][] = [];
    for (const email of ["queued-web@example.com", "queued-stranger@example.com"]) {
      const statements: string[] = [];
      const browser = new Browser(undefined, { DB: recordStatements(env.DB, statements) });
      const { csrfToken } = await openForm(browser, "/forgot-password");
      statements.length = 0;

      const response = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email });

      expect(response.status).toBe(303);
      seen.push([...statements]);
    }
    for (const statements of seen) {
      expect(statements.some((sql) => sql.includes("rate_limits"))).toBe(true);
      expect(statements.filter((sql) => /accounts|password_reset_tokens|mail_/.test(sql))).toEqual([]);
    }
    expect(seen[1]).toEqual(seen[0]);
    // The queue consumer, not the request, sent the email.
    expect(await countMailTo("queued-web@example.com")).toBe(1);
  });

  it("points to the development mailbox only when running in development", async () => {
    for (const [environment, shown] of [["development", true], ["production", false]] as const) {
      const browser = new Browser(undefined, environment === "production" ? PRODUCTION_VARS : { ENVIRONMENT: environment });
      const { csrfToken } = await openForm(browser, "/forgot-password");
      const response = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: `${environment}@example.com` });
      expect(response.status).toBe(303);
      const page = await browser.fetch("/forgot-password/check-email");
      expect((await page.text()).includes('href="/dev/mailbox"')).toBe(shown);
    }
  });

  it("re-renders the form with 422 and the typed address, escaped, for a malformed address", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/forgot-password");

    const response = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: '"><script>alert(1)</script>' });

    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(readInputValue(html, "email")).toBe("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/<input[^>]*autofocus=""[^>]*name="email"|<input[^>]*name="email"[^>]*autofocus=""/);
    expect(html).toContain('aria-live="assertive"');
  });

  it("links the error summary to the email field and says what is wrong once, next to the field", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/forgot-password");

    const html = await (await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: "name@" })).text();

    expect(html).toContain('<h2>Please fix this first</h2><ul><li><a href="#email">Email address</a></li></ul>');
    expect(readPageText(html).split("Enter a valid email address, like name@example.com.")).toHaveLength(2);
    expect(html).toContain('<p class="error" id="email-error">Enter a valid email address, like name@example.com.</p>');
  });

  it("shows a friendly 429 page with Retry-After once one IP asked 10 times, sharing the API's counter", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/forgot-password");
    for (let index = 0; index < 5; index += 1) {
      const api = await browser.fetch("/api/v1/password-resets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `api-${index}@example.com` }),
      });
      expect(api.status).toBe(202);
    }
    for (let index = 0; index < 5; index += 1) {
      const page = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: `web-${index}@example.com` });
      expect(page.status).toBe(303);
    }

    const limited = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: "one-more@example.com" });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Please wait a little");
  });

  it("tells a developer on the 429 page how to turn the limits off, only when running in development", async () => {
    const tip = "Developing locally? Set RATE_LIMITS=off in .dev.vars.";
    for (const [environment, shown] of [["development", true], ["production", false]] as const) {
      const browser = new Browser(undefined, environment === "production" ? PRODUCTION_VARS : { ENVIRONMENT: environment });
      const { csrfToken } = await openForm(browser, "/forgot-password");
      let answer: Response | undefined;
      for (let index = 0; index <= 10; index += 1) {
        answer = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: `tip-${environment}-${index}@example.com` });
      }

      expect(answer?.status).toBe(429);
      const html = (await answer?.text()) ?? "";
      expect(readPageText(html).includes(tip)).toBe(shown);
      if (shown) expect(html).toContain('<code dir="ltr">RATE_LIMITS=off</code>');
    }
  });
});

/** A D1 binding that notes the SQL of every statement the request path prepares. */
function recordStatements(db: D1Database, statements: string[]): D1Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          statements.push(sql.replace(/\s+/g, " "));
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
