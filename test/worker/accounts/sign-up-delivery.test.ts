import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ResetClient } from "../../../shared/contract.ts";
import { findAccountByEmail } from "../../../worker/src/accounts/accounts.ts";
import { findEmailVerification } from "../../../worker/src/accounts/email-verification.ts";
import { findPendingSignUpByEmail } from "./sign-up-fixtures.ts";
import { requestSignUp } from "../../../worker/src/accounts/sign-up.ts";
import { hashPassword } from "../../../worker/src/crypto/password-hash.ts";
import worker from "../../../worker/src/index.ts";
import { findDeliveryRecord } from "../../../worker/src/mail/delivery-records.ts";
import type { MailJob } from "../../../worker/src/jobs/mail-jobs.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";
import { captureMailJobs, runMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { nextIp, readMailTo } from "../reset/reset-fixtures.ts";
import {
  CHOSEN_PASSWORD,
  countVerificationLinks,
  hasPassword,
  pendingSignUpHasPassword,
  readAccount,
  readPendingSignUp,
  readLatestVerificationToken,
  readVerificationTokensSentTo,
  signIn,
  verify,
} from "./sign-up-fixtures.ts";

/** A request that named no language, answered in the default one. */
const UNSTATED_ENGLISH = { locale: "en", stated: false } as const;

const HOUR = 60 * 60_000;
const HASHING_TIMEOUT_MS = 120_000;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the request path of a sign-up and returns the job it queued, which no consumer has seen yet. */
async function queueSignUp(email: string, password = CHOSEN_PASSWORD, client: ResetClient = "web"): Promise<MailJob> {
  const captured = captureMailJobs();
  const result = await requestSignUp(captured.env, { email, password, client, ip: nextIp(), language: UNSTATED_ENGLISH });
  expect(result).toEqual({ ok: true });
  const [job] = captured.jobs;
  if (!job || captured.jobs.length !== 1) throw new Error(`expected one job, got ${captured.jobs.length}`);
  return job;
}

/** Staged sign-ups for an address, in any letter case and with any spaces around it. */
async function countStagedSignUps(address: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS count FROM sign_up_requests WHERE lower(trim(email)) = lower(?)")
    .bind(address)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

/** Records the SQL a D1 binding is asked to run. */
function recordIssuedStatements(db: D1Database, issued: string[]): D1Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          issued.push(sql.replace(/\s+/g, " "));
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("the sign-up request path", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("only limits, hashes, stages and queues: the same statements for a new and a taken address, and no lookup", async () => {
    await createVerifiedAccount("registered@example.com", await hashPassword("the owner's own passphrase"));
    const seen: Array<{ statements: string[]; jobs: MailJob[]; body: string }> = [];
    for (const email of ["registered@example.com", "unregistered@example.com"]) {
      const statements: string[] = [];
      const captured = captureMailJobs({ ...env, DB: recordIssuedStatements(env.DB, statements) });
      const request = new Request("http://127.0.0.1/api/v1/accounts", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": nextIp() },
        body: JSON.stringify({ email, password: CHOSEN_PASSWORD }),
      });
      const ctx = createExecutionContext();
      const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], captured.env, ctx);
      await waitOnExecutionContext(ctx);
      expect(response.status).toBe(202);
      seen.push({ statements, jobs: captured.jobs, body: await response.text() });
    }
    const [known, unknown] = seen;

    expect(known!.statements).not.toHaveLength(0);
    expect(known!.statements.every((sql) => sql.includes("rate_limits") || sql.startsWith("INSERT INTO sign_up_requests"))).toBe(true);
    expect(known!.statements.some((sql) => sql.includes("accounts "))).toBe(false);
    expect(unknown!.statements).toEqual(known!.statements);
    expect(unknown!.body).toBe(known!.body);
    // One job each, naming the staged row: no address, password, hash, token or link.
    for (const { jobs } of seen) {
      expect(jobs).toEqual([
        { kind: "sign_up", id: expect.any(String), requestId: expect.any(String), requestedAt: expect.any(Number), locale: "en", localeStated: false },
      ]);
      expect(JSON.stringify(jobs)).not.toMatch(/@|scrypt|violet|token/);
    }
    const { results } = await env.DB.prepare("SELECT email, password_hash FROM sign_up_requests ORDER BY email").all<{
      email: string;
      password_hash: string;
    }>();
    expect(results.map((row) => row.email)).toEqual(["registered@example.com", "unregistered@example.com"]);
    expect(results.every((row) => row.password_hash.startsWith("$scrypt$"))).toBe(true);
  });
});

describe("the sign_up job", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("stores a pending sign-up, no account, for a new address and mails it one link that confirms it", async () => {
    const job = await queueSignUp("  Newcomer@Example.com");

    const result = await runMailJobs([job]);

    expect(result.explicitAcks).toEqual([`message-${job.id}`]);
    const signUp = await readPendingSignUp("newcomer@example.com");
    expect(signUp).toMatchObject({ email: "Newcomer@Example.com", emailNormalized: "newcomer@example.com" });
    expect(await findAccountByEmail(env, "newcomer@example.com")).toBeNull();
    expect(await pendingSignUpHasPassword("newcomer@example.com", CHOSEN_PASSWORD)).toBe(true);
    const mail = await readMailTo("newcomer@example.com");
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: "Newcomer@Example.com", subject: "Confirm your email address for ResetKit" });
    expect(mail[0]!.text).toContain("expires in 24 hours");
    expect(mail[0]!.text).toContain("http://127.0.0.1:8787/forgot-password");
    expect(mail[0]!.text).not.toContain("resetkit://");
    const [token] = await readVerificationTokensSentTo("newcomer@example.com");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's SHA-256 is stored.
    const stored = await env.DB.prepare("SELECT token_hash FROM email_verifications WHERE sign_up_id = ?").bind(signUp.id).first<{ token_hash: string }>();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await findEmailVerification(env, token!)).toEqual({ email: "Newcomer@Example.com", maskedEmail: "N***@Example.com" });
    expect(await countStagedSignUps("newcomer@example.com")).toBe(0);

    expect((await verify(token!, CHOSEN_PASSWORD)).status).toBe(200);
    // The account is born confirmed, under the pending sign-up's id, which is gone.
    expect(await readAccount("newcomer@example.com")).toMatchObject({ id: signUp.id, email: "Newcomer@Example.com" });
    expect(await findPendingSignUpByEmail("newcomer@example.com")).toBeNull();
    expect((await signIn("newcomer@example.com", CHOSEN_PASSWORD)).status).toBe(200);
  });

  it("puts the desktop deep link in the email when the app signed up", async () => {
    await runMailJobs([await queueSignUp("desktop@example.com", CHOSEN_PASSWORD, "desktop")]);

    const [message] = await readMailTo("desktop@example.com");
    const token = await readLatestVerificationToken("desktop@example.com");
    expect(message!.text).toContain(`resetkit://verify-email?token=${token}`);
    expect(message!.html).toContain(`resetkit://verify-email?token=${token}`);
  });

  it("gives a pending sign-up the newest sign-up's password and ends its older link", async () => {
    await runMailJobs([await queueSignUp("twice@example.com", "the first passphrase I chose")]);
    const first = await readLatestVerificationToken("twice@example.com");

    await runMailJobs([await queueSignUp("twice@example.com", "the second passphrase I chose")]);

    const tokens = await readVerificationTokensSentTo("twice@example.com");
    expect(tokens).toHaveLength(2);
    expect(await pendingSignUpHasPassword("twice@example.com", "the second passphrase I chose")).toBe(true);
    expect(await countVerificationLinks(await readPendingSignUp("twice@example.com"))).toBe(1);
    expect((await verify(first, "the second passphrase I chose")).status).toBe(410);
    expect((await verify(tokens[1]!, "the first passphrase I chose")).status).toBe(401);
    expect((await verify(tokens[1]!, "the second passphrase I chose")).status).toBe(200);
  });

  it("lets the newest sign-up win even when the queue hands the older one over last", async () => {
    const start = Date.UTC(2026, 3, 1);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    const older = await queueSignUp("reordered@example.com", "the older passphrase here");
    at.mockReturnValue(start + 1000);
    const newer = await queueSignUp("reordered@example.com", "the newer passphrase here");

    await runMailJobs([newer]);
    await runMailJobs([older]);

    expect(await pendingSignUpHasPassword("reordered@example.com", "the newer passphrase here")).toBe(true);
    expect(await readVerificationTokensSentTo("reordered@example.com")).toHaveLength(1);
    const { results } = await env.DB.prepare("SELECT id, reason FROM mail_skipped WHERE to_address = ?").bind("reordered@example.com").all();
    expect(results).toEqual([{ id: older.id, reason: "superseded" }]);
  });

  it("makes one pending sign-up of two for a new address handled side by side, with the newer password", async () => {
    const start = Date.UTC(2026, 3, 3);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    const older = await queueSignUp("side-by-side@example.com", "the older passphrase here");
    at.mockReturnValue(start + 1000);
    const newer = await queueSignUp("Side-By-Side@example.com", "the newer passphrase here");

    const result = await runMailJobs([older, newer]);

    expect(result.explicitAcks.sort()).toEqual([`message-${older.id}`, `message-${newer.id}`].sort());
    const { results } = await env.DB.prepare("SELECT id FROM pending_sign_ups WHERE email_normalized = ?").bind("side-by-side@example.com").all();
    expect(results).toHaveLength(1);
    expect(await pendingSignUpHasPassword("side-by-side@example.com", "the newer passphrase here")).toBe(true);
    // Whichever emails went out, exactly one link is live, and it takes the newer password.
    const tokens = await readVerificationTokensSentTo("side-by-side@example.com");
    const live = [];
    for (const token of tokens) if (await findEmailVerification(env, token)) live.push(token);
    expect(live).toHaveLength(1);
    expect((await verify(live[0]!, "the older passphrase here")).status).toBe(401);
    expect((await verify(live[0]!, "the newer passphrase here")).status).toBe(200);
  });

  it("sends the owner of an account a note with no token, and changes nothing", async () => {
    const owner = await createVerifiedAccount("Owner@Example.com", await hashPassword("the owner's own passphrase"));

    await runMailJobs([await queueSignUp("owner@EXAMPLE.com", "an intruder's passphrase")]);

    const mail = await readMailTo("owner@example.com");
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: "Owner@Example.com", subject: "Someone tried to create a ResetKit account with your address" });
    expect(mail[0]!.text).toContain("Someone tried to create an account with your address.");
    // Without SIGN_IN_URL the note leads to the Worker's own sign-in page.
    expect(mail[0]!.text).toContain("If that was you, sign in:\n\nhttp://127.0.0.1:8787/sign-in\n\nor reset your password");
    expect(mail[0]!.text).toContain("http://127.0.0.1:8787/forgot-password");
    expect(mail[0]!.text + mail[0]!.html).not.toMatch(/token=/);
    expect(await findPendingSignUpByEmail("owner@example.com")).toBeNull();
    expect(await hasPassword("owner@example.com", "the owner's own passphrase")).toBe(true);
    expect(await readAccount("owner@example.com")).toEqual(owner);
    expect(await countStagedSignUps("owner@example.com")).toBe(0);
  });

  it("links the note to SIGN_IN_URL when the deployment has a sign-in page", async () => {
    await createVerifiedAccount("signin-page@example.com", await hashPassword("the owner's own passphrase"));
    const job = await queueSignUp("signin-page@example.com");

    await runMailJobs([job], { env: { ...env, SIGN_IN_URL: "https://app.example.com/sign-in" } as Env });

    const [message] = await readMailTo("signin-page@example.com");
    expect(message!.text).toContain("If that was you, sign in:\n\nhttps://app.example.com/sign-in\n\nor reset your password");
    expect(message!.html).toContain('href="https://app.example.com/sign-in"');
  });

  it("sends nothing twice when a job that was already sent is delivered again", async () => {
    const job = await queueSignUp("redelivered@example.com");
    await runMailJobs([job]);

    const again = await runMailJobs([job], { attempts: 2 });

    expect(again.explicitAcks).toEqual([`message-${job.id}`]);
    expect(await readMailTo("redelivered@example.com")).toHaveLength(1);
    expect(await countVerificationLinks(await readPendingSignUp("redelivered@example.com"))).toBe(1);
    expect(await findDeliveryRecord(env, job.id)).toMatchObject({ status: "sent", kind: "email_verification" });
  });

  it("keeps the staged sign-up through a failed send and finishes it on the retry, with one pending sign-up and one live link", async () => {
    const mailchannelsEnv = {
      ...env,
      MAIL_TRANSPORT: "mailchannels",
      MAILCHANNELS_API_URL: "https://mail.test/tx/v1/send",
      MAILCHANNELS_API_KEY: "test-api-key-0123456789",
    } as Env;
    const statuses = [503, 202];
    const texts: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (_input, init) => {
      const status = statuses.shift() ?? 202;
      if (status === 202) texts.push((JSON.parse(String(init?.body)) as { content: Array<{ value: string }> }).content[0]!.value);
      return new Response(null, { status });
    });
    const job = await queueSignUp("outage@example.com");

    const first = await runMailJobs([job], { env: mailchannelsEnv });
    expect(first.retryMessages).toEqual([{ msgId: `message-${job.id}` }]);
    expect(await countStagedSignUps("outage@example.com")).toBe(1);
    await runMailJobs([job], { env: mailchannelsEnv, attempts: 2 });

    expect(texts).toHaveLength(1);
    expect(await countStagedSignUps("outage@example.com")).toBe(0);
    expect(await countVerificationLinks(await readPendingSignUp("outage@example.com"))).toBe(1);
    const token = /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(texts[0]!)?.[1];
    vi.restoreAllMocks();
    expect((await verify(token!, CHOSEN_PASSWORD)).status).toBe(200);
  });

  it("sends at most 3 sign-up emails to one address in an hour, whatever the letter case", async () => {
    const start = Date.UTC(2026, 3, 2);
    const at = vi.spyOn(clock, "now").mockReturnValue(start);
    for (const email of ["bombed@example.com", "Bombed@example.com", "BOMBED@example.com", "bombed@Example.com"]) {
      await runMailJobs([await queueSignUp(email)]);
    }
    expect(await readMailTo("bombed@example.com")).toHaveLength(3);
    expect(await countStagedSignUps("bombed@example.com")).toBe(0);

    at.mockReturnValue(start + HOUR + 1);
    await runMailJobs([await queueSignUp("bombed@example.com")]);
    expect(await readMailTo("bombed@example.com")).toHaveLength(4);
  });
});
