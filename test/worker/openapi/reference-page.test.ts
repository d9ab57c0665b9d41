/**
 * `/api/docs`: the reference an integrator reads, rendered on the server from the document, in
 * the pages' layout and under their strict CSP, its frame in the reader's language.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { buildOpenApiDocument } from "../../../worker/src/openapi/document.ts";

const PAGE = "http://127.0.0.1/api/docs";

/** Text as React writes it into the page. */
function escaped(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

describe("GET /api/docs", () => {
  it("lists every operation with its method, path, summary, request body, responses and examples", async () => {
    const response = await exports.default.fetch(PAGE);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    const document = buildOpenApiDocument();
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        expect(html, `${method} ${path}`).toContain(`id="${operation.operationId}"`);
        expect(html).toContain(`<span class="api-method">${method.toUpperCase()}</span> <code>${path}</code>`);
        expect(html).toContain(escaped(operation.summary ?? ""));
      }
    }
    // The reset request: its body's fields, the 429 with Retry-After, an example problem.
    const reset = html.slice(html.indexOf('id="requestPasswordReset"'), html.indexOf('id="verifyPasswordReset"'));
    expect(reset).toContain("<code>timeZone</code>");
    expect(reset).toContain('<strong class="api-status">429</strong>');
    expect(reset).toContain("<code>Retry-After</code>");
    expect(reset).toContain("&quot;code&quot;: &quot;rate_limited&quot;");
    expect(html).toContain('id="webhook.password_reset.completed"');
    expect(html).toContain('href="/api/v1/openapi.json"');
  });

  it("is an ordinary page: the strict CSP, no inline script or style, nothing from another origin", async () => {
    const response = await exports.default.fetch(PAGE);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc="\/)/);
    expect(html).not.toMatch(/\sstyle="|<style/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("speaks the reader's language in its frame and marks the API's English descriptions as English", async () => {
    const response = await exports.default.fetch(PAGE, { headers: { "accept-language": "de" } });
    expect(response.headers.get("content-language")).toBe("de");
    const html = await response.text();
    const { t } = translatorFor("de");
    expect(html).toContain(`<h1>${t("apiReference.title")}</h1>`);
    expect(html).toContain(`<h4>${t("apiReference.responses")}</h4>`);
    expect(html).toContain('<p class="api-summary">Ask for a reset link</p>');
    expect(html).toMatch(/<div lang="en" dir="ltr" class="api-text"><p class="api-summary">Ask for a reset link<\/p>/);
  });

  it("answers HEAD without a body and another method with the HTML 405 and Allow", async () => {
    const head = await exports.default.fetch(PAGE, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await exports.default.fetch(PAGE, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(post.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });
});
