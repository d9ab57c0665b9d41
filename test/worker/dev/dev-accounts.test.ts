import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findAccountByEmail } from "../../../worker/src/accounts/accounts.ts";
import { findPendingSignUpByEmail } from "../accounts/sign-up-fixtures.ts";
import worker from "../../../worker/src/index.ts";
import { readLatestVerificationToken, signUp, verify } from "../accounts/sign-up-fixtures.ts";
import { productionEnv } from "../production-env.ts";

const PASSWORD = "correct horse battery staple";

/** `POST /dev/accounts` on `origin`, with `workerEnv` (development unless given). */
async function seed(body: unknown, options: { origin?: string; env?: Env } = {}): Promise<Response> {
  const request = new Request(`${options.origin ?? "http://127.0.0.1:8787"}/dev/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], options.env ?? env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function signIn(email: string, password: string): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request("http://127.0.0.1/api/v1/sessions", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.80" },
    body: JSON.stringify({ email, password }),
  });
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("POST /dev/accounts", { timeout: 120_000 }, () => {
  it("creates a verified account that signs in at once: 201 {id, email}", async () => {
    const response = await seed({ email: "Demo@Example.com", password: PASSWORD });

    expect(response.status).toBe(201);
    const account = await findAccountByEmail(env, "demo@example.com");
    expect(await response.json()).toEqual({ id: account?.id, email: "Demo@Example.com" });
    expect(account?.emailVerifiedAt).toEqual(expect.any(Number));
    expect((await signIn("demo@example.com", PASSWORD)).status).toBe(200);
    // Nothing is mailed: this is not a sign-up.
    const outbox = await env.DB.prepare("SELECT COUNT(*) AS n FROM mail_outbox").first<{ n: number }>();
    expect(outbox?.n).toBe(0);
  });

  it("answers 409 for an address that has an account, whatever the password, and checks no password", async () => {
    await seed({ email: "again@example.com", password: PASSWORD });

    const same = await seed({ email: "AGAIN@example.com", password: PASSWORD });
    const other = await seed({ email: "again@example.com", password: "a different long passphrase" });

    expect(same.status).toBe(409);
    expect(other.status).toBe(409);
    const body = await other.text();
    expect(await same.text()).toBe(body);
    expect(JSON.parse(body)).toMatchObject({ code: "email_taken" });
    expect((await signIn("again@example.com", PASSWORD)).status).toBe(200);
  });

  it("takes over a pending sign-up of the address, so the seeded account is ready and the sign-up's link is dead", async () => {
    await signUp("pending@example.com", "a sign-up's own passphrase");
    const link = await readLatestVerificationToken("pending@example.com");

    expect((await seed({ email: "pending@example.com", password: PASSWORD })).status).toBe(201);

    expect((await signIn("pending@example.com", PASSWORD)).status).toBe(200);
    expect(await findPendingSignUpByEmail("pending@example.com")).toBeNull();
    expect((await verify(link, "a sign-up's own passphrase")).status).toBe(410);
  });

  it("applies the password policy and the body schema", async () => {
    const weak = await seed({ email: "weak@example.com", password: "qwerty123456" });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ code: "password_policy" });
    expect((await seed({ email: "not an address", password: PASSWORD })).status).toBe(400);
    expect(await findAccountByEmail(env, "weak@example.com")).toBeNull();
  });

  it("does not exist in production or for a Host that is not loopback", async () => {
    const production = await seed({ email: "prod@example.com", password: PASSWORD }, { env: productionEnv() });
    const rebound = await seed({ email: "rebound@example.com", password: PASSWORD }, { origin: "http://evil.example" });

    expect(production.status).toBe(404);
    expect(rebound.status).toBe(404);
    expect(rebound.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await findAccountByEmail(env, "prod@example.com")).toBeNull();
    expect(await findAccountByEmail(env, "rebound@example.com")).toBeNull();
  });
});
