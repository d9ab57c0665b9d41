import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { message } from "../../../shared/i18n/translator.ts";
import { ProblemError, problemResponse, toProblemResponse } from "../../../worker/src/http/problem.ts";

const API_REQUEST = new Request("https://reset.example.com/api/v1/password-resets", { method: "POST" });
const inGerman = (url = "https://reset.example.com/api/v1/password-resets") =>
  new Request(url, { method: "POST", headers: { "accept-language": "de-AT,de;q=0.9,en;q=0.5" } });

describe("problemResponse", () => {
  it("writes RFC 9457 problem+json with a stable code, a title and any extra headers", async () => {
    const response = problemResponse(API_REQUEST, env, 429, "rate_limited", message("problem.tooManyResetRequests"), { headers: { "retry-after": "60" } });
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("content-language")).toBe("en");
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toEqual({
      type: "https://resetkit.dev/problems/rate-limited",
      title: "Too Many Requests",
      status: 429,
      detail: "Too many reset requests. Try again later.",
      code: "rate_limited",
    });
  });

  it("answers in the request's Accept-Language, with the same code and type", async () => {
    const response = problemResponse(inGerman(), env, 429, "rate_limited", message("problem.tooManyResetRequests"));
    expect(response.headers.get("content-language")).toBe("de");
    expect(response.headers.get("vary")).toContain("Accept-Language");
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({ type: "https://resetkit.dev/problems/rate-limited", code: "rate_limited", status: 429 });
    expect(body.title).toBe("Zu viele Anfragen");
    expect(body.detail).not.toBe("Too many reset requests. Try again later.");
  });

  it("answers a language it does not speak in DEFAULT_LOCALE", async () => {
    const request = new Request("https://reset.example.com/api/v1/me", { headers: { "accept-language": "pt-BR,pt;q=0.9" } });
    expect(problemResponse(request, env, 401, "unauthorized", message("problem.unauthorized")).headers.get("content-language")).toBe("en");
  });
});

describe("toProblemResponse", () => {
  it("turns a ProblemError into its response, with field errors put into words", async () => {
    const tooShort = message("passwordPolicy.tooShort", { min: 12 });
    const response = toProblemResponse(new ProblemError(400, "password_policy", tooShort, { errors: { password: tooShort } }), API_REQUEST, env);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "password_policy",
      detail: "Use at least 12 characters.",
      errors: { password: "Use at least 12 characters." },
    });
  });

  it("turns anything else into 503 unavailable with Retry-After, revealing no message or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const request = new Request("https://reset.example.com/api/v1/sessions?token=hunter3", { method: "POST", headers: { "cf-ray": "8f0000000000abcd-LHR" } });
    const response = toProblemResponse(new Error("database password is hunter2 at worker/src/secret.ts:12"), request, env);
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
    toProblemResponse(new TypeError("x"), new Request("https://reset.example.com/api/v1/me"), env);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^request [0-9a-f-]{36} GET \/api\/v1\/me failed: TypeError$/);
    log.mockRestore();
  });
});
