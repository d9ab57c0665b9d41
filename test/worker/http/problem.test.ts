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

  it("turns anything else into a generic 500 that reveals no message or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toProblemResponse(new Error("database password is hunter2 at worker/src/secret.ts:12"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("secret.ts");
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: "internal_error" });
    // The log line names only the error type, never its message.
    expect(JSON.stringify(log.mock.calls)).not.toContain("hunter2");
    log.mockRestore();
  });
});
