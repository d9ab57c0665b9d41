/**
 * Fuzzing from the description: 10,000 requests generated from the OpenAPI document's own
 * schemas (test/support/openapi-fuzz.ts), valid and broken, across every operation, 100 at a time,
 * through the Worker's fetch handler with its real D1. Whatever arrives, no answer is a 5xx and
 * every answer matches what the document says for its path, method and status
 * (test/worker/contract-check.ts). A share of the valid requests carries live values (a reset
 * token and its code, a registered address and its password, session and operator tokens), so
 * they reach the handlers and not only the edge checks.
 *
 * Valid sign-ins and sign-ups hash a password (scrypt, tens of milliseconds); the per-network
 * limits answer 429 after a few, which keeps the run short, so the requests come from one
 * network only. Mail jobs are kept instead of sent: the consumer's work is no HTTP answer.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../../worker/src/index.ts";
import { buildOpenApiDocument } from "../../../worker/src/openapi/document.ts";
import { fuzzRequests, type FuzzRequest } from "../../support/openapi-fuzz.ts";
import { readLatestVerificationToken, signUp, CHOSEN_PASSWORD } from "../accounts/sign-up-fixtures.ts";
import { captureMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { obtainResetToken, ORIGINAL_PASSWORD, postJson, readMailTo, registerAccount } from "../reset/reset-fixtures.ts";
import { takeContractViolations } from "../contract-check.ts";

const BATCH = 100;
const RUNS = 100;
const KNOWN_EMAIL = "fuzz-known@example.com";
const PENDING_EMAIL = "fuzz-pending@example.com";
const ADMIN_API_TOKEN = "fuzz-operator-token-0123456789abcdef0123456789";
const NETWORK = "198.51.100.10";
const CODE_PATTERN = /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/;
/** Operations whose valid requests always hash a password, with no rate limit to stop them. */
const WEIGHTS = { createDevelopmentAccount: 1 };

const document = buildOpenApiDocument();
const sent = new Map<string, number>();
const statuses = new Map<string, Set<number>>();
let requests: fc.Arbitrary<FuzzRequest>;

beforeAll(async () => {
  const account = await registerAccount(KNOWN_EMAIL);
  const resetToken = await obtainResetToken(KNOWN_EMAIL);
  const code = CODE_PATTERN.exec((await readMailTo(KNOWN_EMAIL)).at(-1)?.text ?? "")?.[1];
  await signUp(PENDING_EMAIL);
  const verificationToken = await readLatestVerificationToken(PENDING_EMAIL);
  const sessions: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    const response = await postJson("/api/v1/sessions", { email: KNOWN_EMAIL, password: ORIGINAL_PASSWORD });
    sessions.push((await response.json<{ token: string }>()).token);
  }
  const { results } = await env.DB.prepare("SELECT id FROM mail_deliveries LIMIT 2").all<{ id: string }>();
  requests = fuzzRequests(document as unknown as Record<string, unknown>, {
    known: {
      email: [KNOWN_EMAIL, PENDING_EMAIL],
      to: [KNOWN_EMAIL],
      password: [ORIGINAL_PASSWORD, CHOSEN_PASSWORD],
      currentPassword: [ORIGINAL_PASSWORD],
      token: [resetToken, verificationToken],
      code: code ? [code] : [],
      id: [account.id, ...results.map((row) => row.id)],
    },
    bearer: { session: sessions, operatorToken: [ADMIN_API_TOKEN] },
    weights: WEIGHTS,
  });
}, 60_000);

/** The development environment, with or without the operator API, its mail jobs kept, not sent. */
const environments = [captureMailJobs({ ...env, ADMIN_API_TOKEN } as Env).env, captureMailJobs({ ...env, ADMIN_API_TOKEN: "" } as Env).env];

async function send(request: FuzzRequest, seed: number): Promise<void> {
  // Mostly loopback; sometimes another Host, for which the development endpoints do not exist.
  const host = seed % 7 === 0 ? "reset.example.com" : "127.0.0.1";
  const outgoing = new Request(`http://${host}${request.target}`, {
    method: request.method,
    headers: { ...request.headers, "cf-connecting-ip": NETWORK },
    body: request.body,
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(outgoing as Parameters<typeof worker.fetch>[0], environments[seed % 2]!, ctx);
  await waitOnExecutionContext(ctx);
  await response.body?.cancel();
  const what = `${request.method} ${request.target} (${request.variant}) with ${JSON.stringify(request.body?.slice(0, 200))} answered ${response.status}`;
  sent.set(request.operation, (sent.get(request.operation) ?? 0) + 1);
  statuses.set(request.operation, (statuses.get(request.operation) ?? new Set()).add(response.status));
  expect(response.status, what).toBeLessThan(500);
}

describe("fuzzing every operation from the OpenAPI document", () => {
  it(`${BATCH * RUNS} generated requests: never a 5xx, every answer as the document says`, { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(requests, fc.nat()), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(([request, seed]) => send(request, seed)));
        const violations = takeContractViolations();
        if (violations.length > 0) throw new Error(`answers that break the OpenAPI document:\n- ${violations.join("\n- ")}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );

    const total = [...sent.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBe(BATCH * RUNS);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      // Every operation gets its share; the few with a weight of 1 get about 40 of the 10,000.
      for (const method of Object.keys(item)) expect(sent.get(`${method.toUpperCase()} ${path}`) ?? 0, `${method} ${path}`).toBeGreaterThan(15);
    }
    // Past the edge checks, into the handlers. Which live value still works depends on the order
    // fast-check chose (a generated confirm spends the reset token, a generated password change
    // ends the sessions), so each operation is held only to answers its handler gives either way.
    const seen = (operation: string) => [...(statuses.get(operation) ?? [])];
    expect(seen("POST /api/v1/password-resets")).toEqual(expect.arrayContaining([202, 400, 413, 415, 429]));
    expect(seen("POST /api/v1/sessions")).toEqual(expect.arrayContaining([401, 429]));
    expect(seen("POST /api/v1/password-resets/verify")).toEqual(expect.arrayContaining([410]));
    expect(seen("GET /api/v1/me")).toEqual(expect.arrayContaining([401, 405]));
    expect(seen("GET /api/v1/admin/deliveries")).toEqual(expect.arrayContaining([200, 400, 401, 404]));
    expect(seen("POST /dev/accounts")).toEqual(expect.arrayContaining([400, 404]));
    expect(seen("POST /dev/accounts").some((status) => status === 201 || status === 409)).toBe(true);
  });
});
