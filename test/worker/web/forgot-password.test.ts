import { describe, expect, it } from "vitest";
import { PRODUCTION_VARS } from "../production-env.ts";
import { Browser, countMailTo, openForm, readInputValue, registerAccount } from "./web-fixtures.ts";

describe("GET /forgot-password", () => {
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
  it("shows the same check-your-email page for a known and an unknown address", async () => {
    await registerAccount("known-web@example.com");
    const known = new Browser();
    const unknown = new Browser();
    const knownForm = await openForm(known, "/forgot-password");
    const unknownForm = await openForm(unknown, "/forgot-password");

    const knownAnswer = await known.postForm("/forgot-password", { csrf_token: knownForm.csrfToken, email: "known-web@example.com" });
    const unknownAnswer = await unknown.postForm("/forgot-password", { csrf_token: unknownForm.csrfToken, email: "stranger@example.com" });

    expect(knownAnswer.status).toBe(200);
    expect(unknownAnswer.status).toBe(200);
    const knownHtml = await knownAnswer.text();
    expect(knownHtml).toContain("Check your email");
    expect(await unknownAnswer.text()).toBe(knownHtml);
    expect(await countMailTo("known-web@example.com")).toBe(1);
    expect(await countMailTo("stranger@example.com")).toBe(0);
  });

  it("points to the development mailbox only when running in development", async () => {
    for (const [environment, shown] of [["development", true], ["production", false]] as const) {
      const browser = new Browser(undefined, environment === "production" ? PRODUCTION_VARS : { ENVIRONMENT: environment });
      const { csrfToken } = await openForm(browser, "/forgot-password");
      const response = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: `${environment}@example.com` });
      expect(response.status).toBe(200);
      expect((await response.text()).includes('href="/dev/mailbox"')).toBe(shown);
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
      expect(page.status).toBe(200);
    }

    const limited = await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: "one-more@example.com" });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Please wait a little");
  });
});
