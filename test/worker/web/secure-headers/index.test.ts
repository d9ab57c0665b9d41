import { describe, expect, it } from "vitest";
import { secureHeaders } from "../../../../worker/src/web/secure-headers/index.ts";
import { Browser, createResetToken, openForm, registerAccount, SECURE_ORIGIN } from "../web-fixtures.ts";

/** Splits a CSP header into directive name → sources. */
function parsePolicy(header: string | null): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const directive of (header ?? "").split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

function expectSecureHtmlHeaders(response: Response): void {
  const policy = parsePolicy(response.headers.get("content-security-policy"));
  expect(policy.get("default-src")).toEqual(["'none'"]);
  expect(policy.get("script-src")).toEqual(["'self'"]);
  expect(policy.get("style-src")).toEqual(["'self'"]);
  expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(response.headers.get("content-security-policy")).not.toContain("unsafe-inline");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-robots-tag")).toBe("noindex");
}

describe("secureHeaders()", () => {
  it("adds the headers to a copy of the response, with HSTS only over https", () => {
    const applySecureHeaders = secureHeaders();
    const original = new Response("<p>hi</p>", { status: 418, headers: { "content-type": "text/html" } });

    const overHttp = applySecureHeaders(new Request("http://127.0.0.1/"), original.clone());
    const overHttps = applySecureHeaders(new Request("https://resetkit.test/"), original);

    expect(overHttp.status).toBe(418);
    expectSecureHtmlHeaders(overHttp);
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("takes option overrides from its table of defaults", () => {
    const applySecureHeaders = secureHeaders({ referrerPolicy: "same-origin" });

    const response = applySecureHeaders(new Request("http://127.0.0.1/"), new Response("x"));

    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("every HTML page of the Worker", () => {
  it("carries the CSP, referrer, nosniff, no-store, noindex and (over https) HSTS headers", async () => {
    const account = await registerAccount("headers@example.com");
    const browser = new Browser(SECURE_ORIGIN);
    const { csrfToken } = await openForm(browser, "/forgot-password");
    const responses = [
      await browser.fetch("/forgot-password"),
      await browser.postForm("/forgot-password", { csrf_token: csrfToken, email: "headers@example.com" }, { origin: SECURE_ORIGIN }),
      await browser.fetch("/forgot-password/check-email"),
      await browser.postForm("/forgot-password", { email: "headers@example.com" }),
      // Created after the forgot-password post, which replaced any older link of this account.
      await browser.fetch(`/reset-password?token=${await createResetToken(account)}`),
      await browser.fetch("/reset-password"),
      await browser.fetch(`/reset-password?token=${"x".repeat(43)}`),
      await browser.fetch("/account-alert?token=nope"),
      await browser.fetch("/no/such/page"),
    ];

    expect(responses.map((response) => response.status)).toEqual([200, 303, 200, 403, 303, 200, 410, 410, 404]);
    for (const response of responses) {
      expectSecureHtmlHeaders(response);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
      // Every page with a body also says so in its head, for crawlers that only read the page.
      const html = await response.text();
      if (response.status !== 303) expect(html).toContain('<meta name="robots" content="noindex"/>');
    }
  });
});
