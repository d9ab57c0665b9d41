import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Record<string, string>;
}

const PROBLEM_KEYS = ["code", "detail", "errors", "status", "title", "type"];

/** Asserts the one problem shape: RFC 9457 members, a stable code, and nothing else. */
async function expectOneProblemShape(response: Response): Promise<ProblemBody> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await response.json<ProblemBody>();
  for (const key of Object.keys(problem)) expect(PROBLEM_KEYS).toContain(key);
  expect(problem.status).toBe(response.status);
  expect(problem.type).toMatch(/^https:\/\/resetkit\.dev\/problems\/[a-z-]+$/);
  expect(problem.type.endsWith(problem.code.replaceAll("_", "-"))).toBe(true);
  expect(typeof problem.title).toBe("string");
  expect(problem.code).toMatch(/^[a-z_]+$/);
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+|Error:/);
  return problem;
}

describe("unknown API paths", () => {
  it("answer 404 problem+json for any method", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/nothing-here"],
      ["POST", "/api/v1/accounts/extra"],
      ["DELETE", "/api/v2/sessions"],
      ["GET", "/api/"],
      ["PATCH", "/api/v1/me/../../admin"],
    ] as const) {
      const response = await exports.default.fetch(`http://127.0.0.1${path}`, { method });
      expect(response.status).toBe(404);
      const problem = await expectOneProblemShape(response);
      expect(problem.code).toBe("not_found");
    }
  });

  it("outside /api are not problem+json", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/no-such-page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).not.toBe("application/problem+json");
  });
});

describe("a known API path with the wrong method", () => {
  it("answers 405 with the allowed methods", async () => {
    for (const [method, path, allow] of [
      ["GET", "/api/v1/accounts", "POST"],
      ["DELETE", "/api/v1/accounts", "POST"],
      ["GET", "/api/v1/accounts/verify", "POST"],
      ["GET", "/api/v1/sessions", "POST, DELETE"],
      ["GET", "/api/v1/me/password", "POST"],
      ["POST", "/api/v1/me", "GET"],
      ["GET", "/api/v1/sessions/current", "DELETE"],
      ["GET", "/api/v1/password-resets", "POST"],
      ["PUT", "/api/v1/password-resets/verify", "POST"],
      ["GET", "/api/v1/password-resets/confirm", "POST"],
    ] as const) {
      const response = await exports.default.fetch(`http://127.0.0.1${path}`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect((await expectOneProblemShape(response)).code).toBe("method_not_allowed");
    }
  });
});

describe("every JSON error", () => {
  it("has the one problem shape, whatever went wrong", async () => {
    const json = { "content-type": "application/json" };
    const cases: Array<[string, RequestInit, number]> = [
      ["/api/v1/accounts", { method: "POST", headers: json, body: "{" }, 400],
      ["/api/v1/accounts", { method: "POST", headers: json, body: "{}" }, 400],
      ["/api/v1/accounts", { method: "POST", headers: json, body: JSON.stringify({ email: "a@example.com", password: "short" }) }, 400],
      ["/api/v1/accounts", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }, 415],
      ["/api/v1/accounts", { method: "POST", headers: json, body: " ".repeat(17_000) }, 413],
      ["/api/v1/sessions", { method: "POST", headers: json, body: JSON.stringify({ email: "a@example.com", password: "x" }) }, 401],
      ["/api/v1/me", { headers: { authorization: "Bearer nope" } }, 401],
      ["/api/v1/sessions/current", { method: "DELETE" }, 401],
      ["/api/v1/me", { method: "PUT" }, 405],
      ["/api/v1/unknown", {}, 404],
    ];
    for (const [path, init, status] of cases) {
      const response = await exports.default.fetch(`http://127.0.0.1${path}`, init);
      expect(response.status, `${init.method ?? "GET"} ${path}`).toBe(status);
      await expectOneProblemShape(response);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});
