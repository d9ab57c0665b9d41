import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { findAccountByEmail } from "../../../worker/src/accounts/accounts.ts";
import { hashPassword } from "../../../worker/src/crypto/password-hash.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";
import { captureMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { nextIp, readMailTo } from "../reset/reset-fixtures.ts";
import {
  CHOSEN_PASSWORD,
  readAccount,
  readLatestVerificationToken,
  signIn,
  signUp,
  verify,
} from "./sign-up-fixtures.ts";

const HOUR = 60 * 60_000;
/** Each sign-up and each verify hashes once (about 170 ms idle, several times that on a busy machine). */
const HASHING_TIMEOUT_MS = 120_000;

afterEach(() => {
  vi.restoreAllMocks();
});

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Record<string, string>;
}

/** A sign-up whose mail job is kept back, so only the request path runs. */
async function signUpWithoutConsumer(body: unknown, ip: string, vars: Partial<Env> = {}): Promise<Response> {
  const request = new Request("http://127.0.0.1/api/v1/accounts", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify(body),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], captureMailJobs({ ...env, ...vars } as Env).env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("POST /api/v1/accounts", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("answers a new, a taken and an unconfirmed address with the same 202, headers and bytes", async () => {
    await createVerifiedAccount("taken@example.com", await hashPassword("the owner's own passphrase"));
    // An earlier sign-up, not confirmed yet.
    await signUp("pending@example.com");

    const answers = [];
    for (const email of ["new@example.com", "taken@example.com", "pending@example.com"]) {
      const response = await signUp(email);
      answers.push({ status: response.status, headers: [...response.headers], body: await response.text() });
    }

    expect(answers[0]).toEqual({
      status: 202,
      headers: expect.arrayContaining([["content-type", "application/json"], ["cache-control", "no-store"]]),
      body: '{"status":"accepted"}',
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The difference shows only in the mailboxes: a link for the new and the unconfirmed address, a note for the taken one.
    expect((await readMailTo("new@example.com")).map((message) => message.subject)).toEqual(["Confirm your email address for ResetKit"]);
    expect((await readMailTo("pending@example.com")).map((message) => message.subject)).toEqual([
      "Confirm your email address for ResetKit",
      "Confirm your email address for ResetKit",
    ]);
    expect((await readMailTo("taken@example.com")).map((message) => message.subject)).toEqual([
      "Someone tried to create a ResetKit account with your address",
    ]);
  });

  it("answers 400 password_policy with errors.password for a short, a common or an address-like password, and queues nothing", async () => {
    const cases = [
      { email: "short@example.com", password: "xk3-vq9-pw2", message: "Use at least 12 characters." },
      { email: "common@example.com", password: "qwerty123456", message: "This password is too common. Choose one that is harder to guess." },
      { email: "longname.person@example.com", password: "longname.person@example.com", message: "Don't use your email address as your password." },
      { email: "long@example.com", password: "lantern meadow ".repeat(9), message: "Use at most 128 characters." },
    ];
    for (const { email, password, message } of cases) {
      const captured = captureMailJobs();
      const request = new Request("http://127.0.0.1/api/v1/accounts", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": nextIp() },
        body: JSON.stringify({ email, password }),
      });
      const ctx = createExecutionContext();
      const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], captured.env, ctx);
      await waitOnExecutionContext(ctx);

      expect(response.status, email).toBe(400);
      const problem = await response.json<ProblemBody>();
      expect(problem).toMatchObject({ code: "password_policy", errors: { password: message } });
      expect(captured.jobs).toEqual([]);
    }
  });

  it("uses PASSWORD_MIN_LENGTH from the configuration", async () => {
    const response = await signUpWithoutConsumer({ email: "sixteen@example.com", password: "xk3-vq9-pw2z-7" }, nextIp(), { PASSWORD_MIN_LENGTH: "16" });
    expect(response.status).toBe(400);
    expect((await response.json<ProblemBody>()).errors).toEqual({ password: "Use at least 16 characters." });
  });

  it("answers 400 validation_failed with one message per field for missing or malformed fields", async () => {
    const response = await signUpWithoutConsumer({ email: "not an address", client: "phone" }, nextIp());

    expect(response.status).toBe(400);
    const problem = await response.json<ProblemBody>();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toMatchObject({
      email: "Enter a valid email address, like name@example.com.",
      password: "Enter a password.",
      client: expect.any(String),
    });
  });

  it("refuses an address with a line break, which could inject mail headers", async () => {
    const response = await signUpWithoutConsumer({ email: "ada@example.com\r\nBcc: all@example.com", password: CHOSEN_PASSWORD }, nextIp());
    expect(response.status).toBe(400);
    expect((await response.json<ProblemBody>()).errors?.email).toBe("An email address cannot contain line breaks or control characters.");
  });

  it("answers 429 with Retry-After after 10 sign-ups from one network in an hour, counting an IPv6 /64 as one network", async () => {
    const start = Date.UTC(2026, 2, 1);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    for (let index = 1; index <= 10; index += 1) {
      const response = await signUpWithoutConsumer({ email: `rotating${index}@example.com`, password: CHOSEN_PASSWORD }, `2001:db8:5:6::${index}`);
      expect(response.status).toBe(202);
    }

    // Another address in the same /64 is the same network; the next /64 is another one.
    const refused = await signUpWithoutConsumer({ email: "eleventh@example.com", password: CHOSEN_PASSWORD }, "2001:db8:5:6:ffff:1:2:3");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(60 * 60));
    expect((await refused.json<ProblemBody>()).code).toBe("rate_limited");
    expect((await signUpWithoutConsumer({ email: "neighbour@example.com", password: CHOSEN_PASSWORD }, "2001:db8:5:7::1")).status).toBe(202);

    // The window slides: an hour after the first sign-up the network may sign up again.
    at.mockReturnValue(start + HOUR + 1);
    expect((await signUpWithoutConsumer({ email: "later@example.com", password: CHOSEN_PASSWORD }, "2001:db8:5:6::99")).status).toBe(202);
  });

  it("checks the password policy before the limit, so a refused password does not use up the network's sign-ups", async () => {
    const ip = nextIp();
    for (let index = 0; index < 12; index += 1) {
      expect((await signUpWithoutConsumer({ email: `weak${index}@example.com`, password: "qwerty123456" }, ip)).status).toBe(400);
    }
    expect((await signUpWithoutConsumer({ email: "strong@example.com", password: CHOSEN_PASSWORD }, ip)).status).toBe(202);
  });

  it("answers 405 with Allow: POST for another method", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/api/v1/accounts");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json<ProblemBody>()).code).toBe("method_not_allowed");
  });
});

describe("POST /api/v1/accounts/verify", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("verifies the address with the link and the sign-up's password: 200 {id, email}, and the account signs in", async () => {
    await signUp("Ada@Example.com");
    const token = await readLatestVerificationToken("ada@example.com");
    // Until then the sign-up is no account: the same 401 as an address nobody signed up with.
    expect((await signIn("ada@example.com", CHOSEN_PASSWORD)).status).toBe(401);

    const response = await verify(token, CHOSEN_PASSWORD);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const account = await readAccount("ada@example.com");
    expect(await response.json()).toEqual({ id: account.id, email: "Ada@Example.com" });
    expect(account.emailVerifiedAt).toEqual(expect.any(Number));
    expect((await signIn("ada@example.com", CHOSEN_PASSWORD)).status).toBe(200);
  });

  it("answers 410 token_invalid for an unknown, a used and an expired link alike", async () => {
    const start = Date.UTC(2026, 2, 2);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    await signUp("used@example.com");
    await signUp("expired@example.com");
    const used = await readLatestVerificationToken("used@example.com");
    const expired = await readLatestVerificationToken("expired@example.com");
    expect((await verify(used, CHOSEN_PASSWORD)).status).toBe(200);
    at.mockReturnValue(start + 24 * HOUR);

    const answers = [];
    for (const token of ["A".repeat(43), used, expired]) {
      const response = await verify(token, CHOSEN_PASSWORD);
      answers.push({ status: response.status, body: await response.json<ProblemBody>() });
    }

    expect(answers[0]).toMatchObject({ status: 410, body: { code: "token_invalid" } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await findAccountByEmail(env, "expired@example.com")).toBeNull();
  });

  it("answers 401 invalid_credentials, explaining, for a password other than the sign-up's, and the link still works", async () => {
    await signUp("typo@example.com");
    const token = await readLatestVerificationToken("typo@example.com");

    const response = await verify(token, "not the password I chose");

    expect(response.status).toBe(401);
    expect(await response.json<ProblemBody>()).toMatchObject({
      code: "invalid_credentials",
      detail: translatorFor("en").t("verifyEmail.wrongPassword"),
      errors: { password: translatorFor("en").t("verifyEmail.wrongPassword") },
    });
    expect(await findAccountByEmail(env, "typo@example.com")).toBeNull();
    expect((await verify(token, CHOSEN_PASSWORD)).status).toBe(200);
  });

  it("ends the link after 5 wrong passwords, even for the right one after them", async () => {
    await signUp("guessed@example.com");
    const token = await readLatestVerificationToken("guessed@example.com");

    const wrong = await Promise.all([1, 2, 3, 4, 5, 6].map((index) => verify(token, `wrong guess number ${index}`)));

    // Concurrent guesses still get five passwords checked, no more: the sixth finds the link spent.
    expect(wrong.map((response) => response.status).sort()).toEqual([401, 401, 401, 401, 401, 410]);
    expect((await verify(token, CHOSEN_PASSWORD)).status).toBe(410);
    expect(await findAccountByEmail(env, "guessed@example.com")).toBeNull();
  });

  it("counts every wrong password as a failed sign-in of the address, so the link is no side door for guessing", async () => {
    await signUp("side-door@example.com");
    const token = await readLatestVerificationToken("side-door@example.com");
    for (let guess = 0; guess < 4; guess += 1) expect((await verify(token, `guess number ${guess}`)).status).toBe(401);
    // Six more wrong sign-ins make the ten that lock the address.
    for (let guess = 0; guess < 6; guess += 1) expect((await signIn("side-door@example.com", `sign-in guess ${guess}`)).status).toBe(401);

    const locked = await verify(token, CHOSEN_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.json<ProblemBody>()).toMatchObject({ code: "rate_limited" });
  });

  it("refuses a malformed token with 400 and another method with 405", async () => {
    const malformed = await verify("too-short", CHOSEN_PASSWORD);
    expect(malformed.status).toBe(400);
    expect((await malformed.json<ProblemBody>()).errors?.token).toBe("The verification token is malformed.");

    const wrongMethod = await exports.default.fetch("http://127.0.0.1/api/v1/accounts/verify");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});
