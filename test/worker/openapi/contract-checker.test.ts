/**
 * The contract check every suite runs its answers through (test/support/openapi-contract.ts),
 * shown here on answers the Worker really gives and on forged ones that break the document in
 * each way the check looks for.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../../worker/src/openapi/document.ts";
import { createContractChecker, type ObservedAnswer } from "../../support/openapi-contract.ts";

const checker = createContractChecker(buildOpenApiDocument());
const PROBLEM = { "content-type": "application/problem+json", "content-language": "en" };

function answer(method: string, path: string, status: number, headers: Record<string, string>, body: unknown): ObservedAnswer {
  return { method, url: `http://127.0.0.1${path}`, status, headers: new Headers(headers), body: typeof body === "string" ? body : JSON.stringify(body) };
}

async function observe(path: string, init: RequestInit = {}): Promise<ObservedAnswer> {
  const response = await exports.default.fetch(`http://127.0.0.1${path}`, init);
  return answer(init.method ?? "GET", path, response.status, Object.fromEntries(response.headers), await response.text());
}

const tokenInvalid = {
  type: "https://resetkit.dev/problems/token-invalid",
  title: "Gone",
  status: 410,
  code: "token_invalid",
  detail: "This reset link is invalid or has expired. Ask for a new one.",
};

describe("the contract check", () => {
  it("passes the Worker's own answers: a problem, a 405 on a path's other method, a development 404 page", async () => {
    const json = { "content-type": "application/json", "cf-connecting-ip": "198.51.100.7" };
    expect(checker.check(await observe("/api/v1/password-resets/verify", { method: "POST", headers: json, body: JSON.stringify({ token: "A".repeat(43) }) }))).toEqual([]);
    expect(checker.check(await observe("/api/v1/me", { method: "PUT" }))).toEqual([]);
    expect(checker.check(await observe("/dev/accounts", { method: "GET", headers: { host: "evil.example" } }))).toEqual([]);
  });

  it("refuses a status the operation does not list", () => {
    const problems = checker.check(answer("POST", "/api/v1/password-resets/verify", 409, PROBLEM, { ...tokenInvalid, status: 409, title: "Conflict" }));
    expect(problems).toEqual([expect.stringContaining("answered 409, which the document does not list")]);
  });

  it("refuses a code the status does not carry, and a field the Problem does not have", () => {
    const problems = checker.check(answer("POST", "/api/v1/password-resets/verify", 410, PROBLEM, { ...tokenInvalid, code: "rate_limited", stack: "at x.ts:1" }));
    expect(problems.join("\n")).toMatch(/#\/code/);
    expect(problems.join("\n")).toMatch(/stack/);
  });

  it("refuses a missing required header: a 429 without Retry-After", () => {
    const limited = { type: "https://resetkit.dev/problems/rate-limited", title: "Too Many Requests", status: 429, code: "rate_limited" };
    expect(checker.check(answer("POST", "/api/v1/password-resets", 429, PROBLEM, limited))).toEqual([
      "POST /api/v1/password-resets 429 lacks the required header Retry-After",
    ]);
    expect(checker.check(answer("POST", "/api/v1/password-resets", 429, { ...PROBLEM, "retry-after": "30" }, limited))).toEqual([]);
  });

  it("refuses another content type, a body that is not JSON, and a body where none is documented", () => {
    expect(checker.check(answer("POST", "/api/v1/password-resets/verify", 410, { "content-type": "application/json", "content-language": "en" }, tokenInvalid))).toEqual([
      expect.stringContaining("sent application/json, not application/problem+json"),
    ]);
    expect(checker.check(answer("POST", "/api/v1/password-resets/verify", 410, PROBLEM, "<html>"))).toEqual([expect.stringContaining("that is not JSON")]);
    expect(checker.check(answer("DELETE", "/api/v1/sessions/current", 204, {}, "{}"))).toEqual([expect.stringContaining("should have no body")]);
  });

  it("refuses a success body of the wrong shape, and leaves undescribed paths alone", () => {
    const session = { token: "too-short", expiresAt: "tomorrow", deviceToken: "B".repeat(43) };
    const problems = checker.check(answer("POST", "/api/v1/sessions", 200, { "content-type": "application/json" }, session));
    expect(problems.join("\n")).toMatch(/#\/token/);
    expect(problems.join("\n")).toMatch(/#\/expiresAt/);
    expect(checker.check(answer("GET", "/forgot-password", 599, {}, "anything"))).toEqual([]);
  });
});
