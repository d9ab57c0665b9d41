/**
 * A password locked by "this wasn't me": signing in with it looks and costs exactly like a wrong
 * password, counts against the limits, and only a completed reset (by link or by code) lifts it.
 * The lock is always set the real way, by using an alert link.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createAccount, findAccountById, type Account } from "../../../worker/src/accounts/accounts.ts";
import { hashPassword } from "../../../worker/src/crypto/password-hash.ts";
import { revokeFromAlert } from "../../../worker/src/account-alert/account-alert.ts";
import { createAlertToken } from "../../../worker/src/account-alert/alert-tokens.ts";
import { prepareSignInSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { nextIp, postJson, readMailTo, readResetTokensSentTo } from "../reset/reset-fixtures.ts";

const PASSWORD = "violet tractor under the bridge";
const NEW_PASSWORD = "a brand new passphrase 4";
/** Each sign-in hashes once (about 170 ms idle, several times that on a busy machine). */
const HASHING_TIMEOUT_MS = 60_000;
const CODE_PATTERN = /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/;

/** An account whose password is hashed with the production parameters, so timings compare. */
async function registerAccount(email: string): Promise<Account> {
  const account = await createAccount(env, { email, passwordHash: await hashPassword(PASSWORD) });
  if (!account) throw new Error(`${email} is already registered`);
  return account;
}

/** Uses a "this wasn't me" link for the account and waits for the fresh reset link it sends. */
async function sayItWasntMe(account: Account): Promise<void> {
  const { token } = await createAlertToken(env, account.id);
  const ctx = createExecutionContext();
  const tracked = trackMailJobs(env);
  expect(await revokeFromAlert(tracked.env, ctx, token)).toBe(true);
  await waitOnExecutionContext(ctx);
  await waitForMailJobs(tracked.ids);
}

function signIn(email: string, password: string, ip = nextIp()): Promise<Response> {
  return postJson("/api/v1/sessions", { email, password }, { ip });
}

async function snapshot(response: Response): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return { status: response.status, headers: [...response.headers], body: await response.text() };
}

describe("signing in with a locked password", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("answers exactly like a wrong password: 401 invalid_credentials, byte for byte", async () => {
    const locked = await registerAccount("locked@example.com");
    await registerAccount("unlocked@example.com");
    await sayItWasntMe(locked);

    const withLockedPassword = await snapshot(await signIn("locked@example.com", PASSWORD));
    const withWrongPassword = await snapshot(await signIn("unlocked@example.com", "not the right password"));

    expect(withLockedPassword).toEqual(withWrongPassword);
    expect(JSON.parse(withLockedPassword.body)).toMatchObject({ status: 401, code: "invalid_credentials" });
  });

  it("spends the same hashing work as a wrong password", async () => {
    const locked = await registerAccount("locked-timed@example.com");
    await registerAccount("wrong-timed@example.com");
    await sayItWasntMe(locked);
    const time = async (email: string, password: string) => {
      const started = performance.now();
      expect((await signIn(email, password)).status).toBe(401);
      return performance.now() - started;
    };
    const lockedTimes: number[] = [];
    const wrongTimes: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      lockedTimes.push(await time("locked-timed@example.com", PASSWORD));
      wrongTimes.push(await time("wrong-timed@example.com", "not the right password"));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0;
    // Skipping the hash would make the locked case about 30 times faster; the wide band only
    // absorbs noise from other processes on the machine.
    expect(median(lockedTimes) / median(wrongTimes)).toBeGreaterThan(0.3);
    expect(median(lockedTimes) / median(wrongTimes)).toBeLessThan(3);
  });

  it("counts as a failure: after 10 the address answers 429", async () => {
    const locked = await registerAccount("locked-limited@example.com");
    await sayItWasntMe(locked);
    const ip = nextIp();

    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await signIn("locked-limited@example.com", PASSWORD, ip)).status).toBe(401);
    }
    const limited = await signIn("locked-limited@example.com", PASSWORD, nextIp());

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("lifting the lock", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("happens when the reset link from 'this wasn't me' sets a new password; the old one stays refused", async () => {
    const account = await registerAccount("unlock-link@example.com");
    await sayItWasntMe(account);
    const token = (await readResetTokensSentTo("unlock-link@example.com")).at(-1);

    expect((await postJson("/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD })).status).toBe(204);

    expect((await findAccountById(env, account.id))?.passwordLockedAt).toBeNull();
    expect((await signIn("unlock-link@example.com", NEW_PASSWORD)).status).toBe(200);
    expect((await signIn("unlock-link@example.com", PASSWORD)).status).toBe(401);
  });

  it("happens when a reset is finished with the emailed code", async () => {
    const account = await registerAccount("unlock-code@example.com");
    await sayItWasntMe(account);
    const code = CODE_PATTERN.exec((await readMailTo("unlock-code@example.com")).at(-1)?.text ?? "")?.[1];

    const redeemed = await postJson("/api/v1/password-resets/redeem-code", { email: "unlock-code@example.com", code });
    expect(redeemed.status).toBe(200);
    const { token } = await redeemed.json<{ token: string }>();
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD })).status).toBe(204);

    expect((await signIn("unlock-code@example.com", NEW_PASSWORD)).status).toBe(200);
  });

  it("does not happen by anything short of a reset: a locked account stays locked across failed sign-ins", async () => {
    const account = await registerAccount("stays-locked@example.com");
    await sayItWasntMe(account);
    const lockedAt = (await findAccountById(env, account.id))?.passwordLockedAt;

    expect((await signIn("stays-locked@example.com", PASSWORD)).status).toBe(401);
    expect((await signIn("stays-locked@example.com", "another guess entirely")).status).toBe(401);

    expect(lockedAt).toEqual(expect.any(Number));
    expect((await findAccountById(env, account.id))?.passwordLockedAt).toBe(lockedAt);
  });
});

describe("the session a sign-in opens", { timeout: HASHING_TIMEOUT_MS }, () => {
  // Checking a password takes a while; a reset or "this wasn't me" may land in between. The
  // session is stored only if the password just checked is still the account's and unlocked.
  it("is stored while the checked password is still current and unlocked", async () => {
    const account = await registerAccount("session-current@example.com");
    const { token, statement } = await prepareSignInSession(env, { accountId: account.id, verifiedPasswordHash: account.passwordHash });

    expect((await statement.run()).meta.changes).toBe(1);
    expect(await validateSessionToken(env, token)).not.toBeNull();
  });

  it("is not stored when the password changed while it was being checked", async () => {
    const account = await registerAccount("session-changed@example.com");
    const stale = await prepareSignInSession(env, { accountId: account.id, verifiedPasswordHash: "$scrypt$an-older-hash" });

    expect((await stale.statement.run()).meta.changes).toBe(0);
    expect(await validateSessionToken(env, stale.token)).toBeNull();
  });

  it("is not stored when 'this wasn't me' locked the password while it was being checked", async () => {
    const account = await registerAccount("session-locked@example.com");
    const pending = await prepareSignInSession(env, { accountId: account.id, verifiedPasswordHash: account.passwordHash });
    await sayItWasntMe(account);

    expect((await pending.statement.run()).meta.changes).toBe(0);
    expect(await validateSessionToken(env, pending.token)).toBeNull();
  });
});
