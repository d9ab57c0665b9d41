/**
 * Property-based fuzzing of every JSON endpoint and every form POST, against a real
 * `wrangler dev` with its local D1. fast-check generates requests with invalid JSON, wrong
 * types, huge strings, unicode, control characters and SQL-looking strings, 20 at a time in
 * parallel, 2,200 in all. Whatever arrives, the Worker never answers 5xx; every JSON error is
 * the one problem+json shape, and every form error is an HTML page.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, isProblem } from "../../shared/errors.ts";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";
import { createAccount, freshClientIp, requestResetToken } from "./reliability-fixtures.ts";

const BATCH = 20;
const RUNS = 110;
const KNOWN_EMAIL = "fuzz-known@example.com";
const PROBLEM_KEYS = new Set(["type", "title", "status", "detail", "code", "errors"]);
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

type Target = { kind: "json" | "form"; method: string; path: string; fields: string[]; authorization?: boolean };
const TARGETS: Target[] = [
  { kind: "json", method: "POST", path: "/api/v1/accounts", fields: ["email", "password", "client"] },
  { kind: "json", method: "POST", path: "/api/v1/accounts/verify", fields: ["token", "password"] },
  { kind: "json", method: "POST", path: "/api/v1/sessions", fields: ["email", "password"] },
  { kind: "json", method: "POST", path: "/api/v1/password-resets", fields: ["email", "client"] },
  { kind: "json", method: "POST", path: "/api/v1/password-resets/verify", fields: ["token"] },
  { kind: "json", method: "POST", path: "/api/v1/password-resets/confirm", fields: ["token", "password"] },
  { kind: "json", method: "POST", path: "/api/v1/password-resets/redeem-code", fields: ["email", "code"] },
  { kind: "json", method: "GET", path: "/api/v1/me", fields: [], authorization: true },
  { kind: "json", method: "DELETE", path: "/api/v1/sessions/current", fields: [], authorization: true },
  { kind: "form", method: "POST", path: "/forgot-password", fields: ["email", "csrf_token"] },
  { kind: "form", method: "POST", path: "/forgot-password/check-email", fields: ["email", "code", "wrong_codes", "csrf_token"] },
  { kind: "form", method: "POST", path: "/reset-password", fields: ["password", "confirm_password", "csrf_token", "username"] },
  { kind: "form", method: "POST", path: "/account-alert", fields: ["token", "csrf_token"] },
];

interface FuzzRequest {
  target: Target;
  headers: Record<string, string>;
  body: string | undefined;
  withCsrf: boolean;
}

let worker: RunningWorker;
let liveToken = "";
let csrf = { cookie: "", token: "" };

beforeAll(async () => {
  worker = await startWorker();
  await createAccount(worker, KNOWN_EMAIL);
  liveToken = await requestResetToken(worker, KNOWN_EMAIL);
  // A genuine CSRF cookie and token, so form fuzzing also reaches the handlers behind the check.
  const page = await fetch(`${worker.url}/forgot-password`);
  const html = await page.text();
  csrf = {
    cookie: (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    token: /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? "",
  };
}, 180_000);

afterAll(async () => {
  await worker?.stop();
});

const sqlLooking = fc.constantFrom(
  "' OR '1'='1",
  "'; DROP TABLE accounts; --",
  '" OR 1=1 --',
  "admin@example.com'--",
  "x' UNION SELECT token_hash, account_id FROM password_reset_tokens --",
  "1; DELETE FROM sessions WHERE 1=1",
  "%' AND email_normalized LIKE '%",
);
const text = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  sqlLooking,
  fc.emailAddress(),
  fc.constantFrom(KNOWN_EMAIL, "FUZZ-KNOWN@EXAMPLE.COM", " fuzz-known@example.com\r\nBcc: victim@example.com", "a@b", "web", "desktop"),
  fc.constantFrom("correct horse battery staple", "qwerty123456", "a completely new passphrase 8", "x".repeat(129)),
  fc.constant("live-token"),
  fc.integer({ min: 1_000, max: 40_000 }).map((length) => "é".repeat(length)),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const fieldValue = fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: wrongType, weight: 1 });
/** Well-formed values per field, so many requests get past validation into the handlers. */
const wellFormed: Record<string, fc.Arbitrary<unknown>> = {
  email: fc.oneof(fc.constant(KNOWN_EMAIL), fc.nat({ max: 10_000 }).map((n) => `someone-${n}@example.com`)),
  password: fc.constantFrom("a completely new passphrase 8", "correct horse battery staple", "an original passphrase 4"),
  confirm_password: fc.constantFrom("a completely new passphrase 8", "something else entirely 9"),
  client: fc.constantFrom("web", "desktop"),
  token: fc.oneof(fc.constant("live-token"), fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), minLength: 43, maxLength: 43 })),
  username: fc.constant(KNOWN_EMAIL),
  code: fc.constantFrom("7KQ2-M9XD", " 7kq2 m9xd ", "OIL0-0000", "AAAA-AAAU"),
};
function valueFor(field: string): fc.Arbitrary<unknown> {
  const valid = wellFormed[field];
  return valid ? fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: fieldValue, weight: 3 }) : fieldValue;
}

function resolveValue(value: unknown): unknown {
  return value === "live-token" ? liveToken : value;
}

function asFormText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function jsonBody(target: Target) {
  const shaped = fc
    .record(Object.fromEntries(target.fields.map((field) => [field, valueFor(field)])), { requiredKeys: [] })
    .map((record) => JSON.stringify(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, resolveValue(v)]))));
  const anyJson = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null");
  const broken = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    shaped.chain((json) => fc.nat({ max: Math.max(json.length - 1, 0) }).map((cut) => json.slice(0, cut))),
    fc.constantFrom("{", "{\"email\":", "[1,2", "{'email': 'a@b.c'}", "\u0000", "nul", "{\"email\":\"a@b.c\",}"),
  );
  return fc.oneof({ arbitrary: shaped, weight: 5 }, { arbitrary: anyJson, weight: 1 }, { arbitrary: broken, weight: 2 }, { arbitrary: fc.constant(""), weight: 1 });
}

function formBody(target: Target) {
  const encoded = fc
    .record(Object.fromEntries(target.fields.map((field) => [field, wellFormed[field] ? fc.oneof(wellFormed[field], text) : text])), { requiredKeys: [] })
    .map((record) => new URLSearchParams(Object.entries(record).map(([k, v]) => [k, asFormText(resolveValue(v))])).toString());
  const raw = fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), fc.constantFrom("%E0%A4%A", "email=%ZZ", "=&=&&", "email"));
  return fc.oneof({ arbitrary: encoded, weight: 4 }, { arbitrary: raw, weight: 1 });
}

const jsonContentType = fc.constantFrom("application/json", "application/json", "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded", "none");
const formContentType = fc.constantFrom("application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json", "none");
const authorization = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 60 }).map((value) => `Bearer ${value}`),
  sqlLooking.map((value) => `Bearer ${value}`),
  fc.constantFrom("Bearer", "Basic dXNlcjpwYXNz", "bearer x", "", `Bearer ${"A".repeat(4000)}`),
);

function withContentType(contentType: string): Record<string, string> {
  return contentType === "none" ? {} : { "content-type": contentType };
}

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...TARGETS).chain((target): fc.Arbitrary<FuzzRequest> => {
  if (target.authorization) {
    return authorization.map((value) => ({ target, headers: { authorization: value }, body: undefined, withCsrf: false }));
  }
  if (target.kind === "json") {
    return fc.tuple(jsonBody(target), jsonContentType).map(([body, contentType]) => ({
      target,
      headers: withContentType(contentType),
      body,
      withCsrf: false,
    }));
  }
  return fc.tuple(formBody(target), formContentType, fc.boolean()).map(([body, contentType, withCsrf]) => ({
    target,
    headers: withContentType(contentType),
    body,
    withCsrf,
  }));
});

const sent = new Map<string, number>();
/** Statuses seen per path, to show the fuzz reached the handlers and not only the edge checks. */
const statusesSeen = new Map<string, Set<number>>();

async function send(request: FuzzRequest): Promise<void> {
  const { target } = request;
  const headers: Record<string, string> = { "cf-connecting-ip": freshClientIp(), ...request.headers };
  let body = request.body;
  if (request.withCsrf) {
    headers.cookie = csrf.cookie;
    headers["sec-fetch-site"] = "same-origin";
    // The genuine token replaces a generated one: a form field read twice is read first-come, and
    // the requests with a generated token are the ones sent without the cookie.
    const fields = (body ?? "").split("&").filter((field) => field !== "" && !field.startsWith("csrf_token="));
    body = [...fields, `csrf_token=${encodeURIComponent(csrf.token)}`].join("&");
  }
  const response = await fetch(`${worker.url}${target.path}`, { method: target.method, headers, body, redirect: "manual" });
  const responseText = await response.text();
  sent.set(target.path, (sent.get(target.path) ?? 0) + 1);
  statusesSeen.set(target.path, (statusesSeen.get(target.path) ?? new Set()).add(response.status));
  const what = `${target.method} ${target.path} with ${JSON.stringify(body?.slice(0, 200))} → ${response.status}`;
  expect(response.status, what).toBeLessThan(500);
  const contentType = response.headers.get("content-type") ?? "";
  if (target.kind === "json") {
    if (response.status >= 400) {
      expect(contentType, what).toBe("application/problem+json");
      const problem: unknown = JSON.parse(responseText);
      expect(isProblem(problem), what).toBe(true);
      const shape = problem as { status: number; code: string };
      expect(shape.status, what).toBe(response.status);
      expect(ERROR_CODES.has(shape.code), what).toBe(true);
      expect(Object.keys(problem as object).filter((key) => !PROBLEM_KEYS.has(key)), what).toEqual([]);
    }
  } else if (response.status >= 400 || response.status === 200) {
    expect(contentType, what).toMatch(/^text\/html/);
    expect(responseText, what).toMatch(/<html/i);
  }
}

describe("fuzzing every JSON endpoint and form POST", () => {
  it(
    `${BATCH * RUNS} generated requests: never a 5xx, and every error has its one shape`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fuzzRequest, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          await Promise.all(batch.map(send));
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      const total = [...sent.values()].reduce((sum, count) => sum + count, 0);
      expect(total).toBeGreaterThanOrEqual(2_000);
      for (const target of TARGETS) expect(sent.get(target.path) ?? 0, target.path).toBeGreaterThan(50);
      // Past the validation and CSRF checks, into the handlers themselves:
      expect([...(statusesSeen.get("/api/v1/password-resets") ?? [])]).toContain(202);
      expect([...(statusesSeen.get("/api/v1/sessions") ?? [])]).toContain(401);
      expect([...(statusesSeen.get("/forgot-password") ?? [])]).toEqual(expect.arrayContaining([303, 403, 422]));
      expect([...(statusesSeen.get("/api/v1/password-resets/redeem-code") ?? [])]).toContain(400);
    },
    600_000,
  );
});
