import { describe, expect, it, vi } from "vitest";
import { ProblemError, problemResponse, toProblemResponse } from "../../../worker/src/http/problem.ts";

describe("problemResponse", () => {
  it("writes RFC 9457 problem+json with a stable code, a title and any extra headers", async () => {
    const response = problemResponse(429, "rate_limited", "Too many requests.", { headers: { "retry-after": "60" } });
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toEqual({
      type: "https://resetkit.dev/problems/rate-limited",
      title: "Too Many Requests",
      status: 429,
      detail: "Too many requests.",
      code: "rate_limited",
    });
  });
});

describe("toProblemResponse", () => {
  it("turns a ProblemError into its response, with field errors", async () => {
    const response = toProblemResponse(new ProblemError(400, "password_policy", "Too short.", { errors: { password: "Too short." } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "password_policy", errors: { password: "Too short." } });
  });

  it("turns anything else into 503 unavailable with Retry-After, revealing no message or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const request = new Request("https://reset.example.com/api/v1/sessions?token=hunter3", { method: "POST", headers: { "cf-ray": "8f0000000000abcd-LHR" } });
    const response = toProblemResponse(new Error("database password is hunter2 at worker/src/secret.ts:12"), request);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("secret.ts");
    expect(JSON.parse(text)).toMatchObject({ status: 503, title: "Service Unavailable", code: "unavailable" });
    // One line with the request id, the route and the error's name; never its message or the query.
    expect(log.mock.calls.map((call) => call.join(" "))).toEqual(["request 8f0000000000abcd-LHR POST /api/v1/sessions failed: Error"]);
    log.mockRestore();
  });

  it("makes up a request id when there is no cf-ray header", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    toProblemResponse(new TypeError("x"), new Request("https://reset.example.com/api/v1/me"));
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^request [0-9a-f-]{36} GET \/api\/v1\/me failed: TypeError$/);
    log.mockRestore();
  });
});
