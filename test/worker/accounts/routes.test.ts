import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findAccountByEmail } from "../../../worker/src/accounts/accounts.ts";
import { verifyPassword } from "../../../worker/src/crypto/password-hash.ts";
import worker from "../../../worker/src/index.ts";

const PASSWORD = "violet tractor under the bridge";
/** Each sign-up hashes once (about 170 ms idle, several times that on a busy machine). */
const HASHING_TIMEOUT_MS = 60_000;

function createAccountRequest(body: unknown): Promise<Response> {
  return exports.default.fetch("http://127.0.0.1/api/v1/accounts", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Record<string, string>;
}

describe("POST /api/v1/accounts", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("creates an account and answers 201 with its id and email", async () => {
    const response = await createAccountRequest({ email: "ada@example.com", password: PASSWORD });

    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json<{ id: string; email: string }>();
    expect(body).toEqual({ id: expect.any(String), email: "ada@example.com" });
    const stored = await findAccountByEmail(env, "ada@example.com");
    expect(stored?.id).toBe(body.id);
    // Only a PHC hash is stored, and it verifies against the password.
    expect(stored?.passwordHash).toMatch(/^\$scrypt\$/);
    expect((await verifyPassword(PASSWORD, stored?.passwordHash ?? "")).valid).toBe(true);
  });

  it("sends no email when an account is created", async () => {
    await createAccountRequest({ email: "quiet@example.com", password: PASSWORD });
    const { results } = await env.DB.prepare("SELECT id FROM mail_outbox").all();
    expect(results).toHaveLength(0);
  });

  it("answers 409 email_taken for an address already registered in another letter case", async () => {
    expect((await createAccountRequest({ email: "grace@example.com", password: PASSWORD })).status).toBe(201);
    const response = await createAccountRequest({ email: "  Grace@EXAMPLE.com", password: "another fine passphrase" });

    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json<ProblemBody>();
    expect(problem).toMatchObject({ status: 409, code: "email_taken", title: "Conflict" });
  });

  it("lets exactly one of several simultaneous sign-ups for one address succeed", async () => {
    const responses = await Promise.all(
      ["race@example.com", "Race@example.com", "RACE@example.com", "race@EXAMPLE.com", " race@example.com"].map((email) =>
        createAccountRequest({ email, password: PASSWORD }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    const { results } = await env.DB.prepare("SELECT id FROM accounts WHERE email_normalized = 'race@example.com'").all();
    expect(results).toHaveLength(1);
  });

  it("answers 400 password_policy with errors.password for a short password", async () => {
    const response = await createAccountRequest({ email: "short@example.com", password: "xk3-vq9-pw2" });

    expect(response.status).toBe(400);
    const problem = await response.json<ProblemBody>();
    expect(problem.code).toBe("password_policy");
    expect(problem.errors).toEqual({ password: "Use at least 12 characters." });
    expect(await findAccountByEmail(env, "short@example.com")).toBeNull();
  });

  it("uses PASSWORD_MIN_LENGTH from the configuration", async () => {
    const request = new Request("http://127.0.0.1/api/v1/accounts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "sixteen@example.com", password: "xk3-vq9-pw2z-7" }),
    });
    const ctx = createExecutionContext();
    const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], { ...env, PASSWORD_MIN_LENGTH: "16" }, ctx);
    await waitOnExecutionContext(ctx);

    expect(response.status).toBe(400);
    expect((await response.json<ProblemBody>()).errors).toEqual({ password: "Use at least 16 characters." });
    // The same 14-character password is fine under the default minimum of 12.
    expect((await createAccountRequest({ email: "sixteen@example.com", password: "xk3-vq9-pw2z-7" })).status).toBe(201);
  });

  it("refuses qwerty123456 as a common password even though it is long enough", async () => {
    const response = await createAccountRequest({ email: "common@example.com", password: "qwerty123456" });

    expect(response.status).toBe(400);
    const problem = await response.json<ProblemBody>();
    expect(problem.code).toBe("password_policy");
    expect(problem.errors?.password).toBe("This password is too common. Choose one that is harder to guess.");
  });

  it("refuses the email address as the password", async () => {
    const response = await createAccountRequest({ email: "longname.person@example.com", password: "longname.person@example.com" });
    expect(response.status).toBe(400);
    expect((await response.json<ProblemBody>()).errors?.password).toBe("Don't use your email address as your password.");
  });

  it("refuses a password over 128 characters", async () => {
    const response = await createAccountRequest({ email: "long@example.com", password: "lantern meadow ".repeat(9) });
    expect(response.status).toBe(400);
    expect((await response.json<ProblemBody>()).errors?.password).toBe("Use at most 128 characters.");
  });

  it("answers 400 validation_failed with one message per field for missing or malformed fields", async () => {
    const response = await createAccountRequest({ email: "not an address" });

    expect(response.status).toBe(400);
    const problem = await response.json<ProblemBody>();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toEqual({
      email: "Enter a valid email address, like name@example.com.",
      password: "Enter a password.",
    });
  });

  it("refuses an address with a line break, which could inject mail headers", async () => {
    const response = await createAccountRequest({ email: "ada@example.com\r\nBcc: all@example.com", password: PASSWORD });
    expect(response.status).toBe(400);
    expect((await response.json<ProblemBody>()).errors?.email).toBe(
      "An email address cannot contain line breaks or control characters.",
    );
  });

  it("never answers 5xx for odd but well-formed input such as lone surrogates and control characters", async () => {
    const passwords = ["\ud800\ud800\ud800 lonely surrogates", "\u0000".repeat(12), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﬁ ligatures ok", " ".repeat(20)];
    for (const [index, password] of passwords.entries()) {
      const response = await createAccountRequest({ email: `odd${index}@example.com`, password });
      expect(response.status).toBeLessThan(500);
    }
    for (const email of ["ünïcode@example.com", "a@b", "@example.com", "a@example.com\u0000", "<script>@example.com"]) {
      const response = await createAccountRequest({ email, password: PASSWORD });
      expect(response.status, email).toBeLessThan(500);
    }
  });

  it("answers 405 with Allow: POST for another method", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/api/v1/accounts");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json<ProblemBody>()).code).toBe("method_not_allowed");
  });
});
