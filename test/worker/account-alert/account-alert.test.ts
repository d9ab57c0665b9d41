import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "../../../worker/src/crypto/token.ts";
import { findAlert, revokeFromAlert } from "../../../worker/src/account-alert/account-alert.ts";
import { ALERT_TOKEN_TTL_MS } from "../../../worker/src/account-alert/alert-tokens.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { createSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { captureMailJobs, runMailJobs, trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { findAccountById } from "../../../worker/src/accounts/accounts.ts";
import {
  nextIp,
  obtainResetToken,
  ORIGINAL_PASSWORD,
  postJson,
  readMailTo,
  readResetTokensSentTo,
  registerAccount,
} from "../reset/reset-fixtures.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const ALERT_LINK = /http:\/\/127\.0\.0\.1:8787\/account-alert\?token=([A-Za-z0-9_-]{43})/;

/** Runs the "password changed" job for a new account and returns the account and the alert token its email carries. */
async function receiveAlert(email: string) {
  const account = await registerAccount(email);
  await runMailJobs([{ kind: "password_changed", id: crypto.randomUUID(), accountId: account.id, changedAt: clock.now() }]);
  const message = (await readMailTo(email)).at(-1);
  const token = message ? ALERT_LINK.exec(message.text)?.[1] : undefined;
  if (!token) throw new Error("no alert link in the password changed email");
  return { account, token };
}

/** Uses an alert link and waits until the fresh reset link it queued has been handled. */
async function revoke(token: string): Promise<boolean> {
  const ctx = createExecutionContext();
  const tracked = trackMailJobs(env);
  const revoked = await revokeFromAlert(tracked.env, ctx, token);
  await waitOnExecutionContext(ctx);
  await waitForMailJobs(tracked.ids);
  return revoked;
}

describe("the password changed email", () => {
  it("reaches the stored address after a confirmed reset, with a 'this wasn't me' link", async () => {
    await registerAccount("Flow.Owner@Example.com");
    const token = await obtainResetToken("Flow.Owner@Example.com");
    const confirmed = await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase 7" });
    expect(confirmed.status).toBe(204);

    const changed = (await readMailTo("flow.owner@example.com")).filter((m) => m.subject === "Your ResetKit password was changed");
    expect(changed).toHaveLength(1);
    expect(changed[0]!.to).toBe("Flow.Owner@Example.com");
    expect(changed[0]!.text).toMatch(ALERT_LINK);
  });

  it("stores only the SHA-256 hash of the alert token", async () => {
    const { account, token } = await receiveAlert("hash-only@example.com");
    const rows = await env.DB.prepare("SELECT token_hash FROM account_alerts WHERE account_id = ?")
      .bind(account.id)
      .all<{ token_hash: string }>();
    expect(rows.results.map((row) => row.token_hash)).toEqual([await hashToken(token)]);
    const everything = JSON.stringify(await env.DB.prepare("SELECT * FROM account_alerts").all());
    expect(everything).not.toContain(token);
  });
});

describe("findAlert", () => {
  it("shows the masked address and leaves the link usable", async () => {
    const { token } = await receiveAlert("viewer@example.com");
    expect(await findAlert(env, token)).toEqual({ maskedEmail: "v***@example.com" });
    expect(await findAlert(env, token)).toEqual({ maskedEmail: "v***@example.com" });
    expect(await revoke(token)).toBe(true);
  });

  it("knows nothing of a malformed or unknown token", async () => {
    expect(await findAlert(env, "not a token")).toBeNull();
    expect(await findAlert(env, "A".repeat(43))).toBeNull();
  });
});

describe("revokeFromAlert", { timeout: 30_000 }, () => {
  it("signs out every session and mails a fresh reset link to the stored address", async () => {
    const { account, token } = await receiveAlert("Victim@Example.com");
    const first = await createSession(env, account.id);
    const second = await createSession(env, account.id);

    expect(await revoke(token)).toBe(true);

    expect(await validateSessionToken(env, first.token)).toBeNull();
    expect(await validateSessionToken(env, second.token)).toBeNull();
    const resetMail = (await readMailTo("victim@example.com")).filter((m) => m.subject === "Reset your ResetKit password");
    expect(resetMail).toHaveLength(1);
    expect(resetMail[0]!.to).toBe("Victim@Example.com");
    expect(await readResetTokensSentTo("victim@example.com")).toHaveLength(1);
  });

  it("locks the password and kills the sessions and older reset links before the fresh link is even sent", async () => {
    const { account, token } = await receiveAlert("locked-out@example.com");
    const olderLink = await obtainResetToken("locked-out@example.com");
    const signedIn = await postJson("/api/v1/sessions", { email: "locked-out@example.com", password: ORIGINAL_PASSWORD });
    const { token: session } = await signedIn.json<{ token: string }>();

    // The fresh link's job is held back, so what is seen below is the alert's own batch.
    const held = captureMailJobs();
    const ctx = createExecutionContext();
    expect(await revokeFromAlert(held.env, ctx, token)).toBe(true);
    await waitOnExecutionContext(ctx);

    expect((await findAccountById(env, account.id))?.passwordLockedAt).toEqual(expect.any(Number));
    expect(await validateSessionToken(env, session)).toBeNull();
    expect((await postJson("/api/v1/password-resets/verify", { token: olderLink })).status).toBe(410);
    const signIn = await postJson("/api/v1/sessions", { email: "locked-out@example.com", password: ORIGINAL_PASSWORD });
    expect(signIn.status).toBe(401);
    expect(await signIn.json()).toMatchObject({ code: "invalid_credentials" });

    expect(held.jobs).toEqual([{ kind: "account_alert_reset", id: expect.any(String), accountId: account.id, requestedAt: expect.any(Number) }]);
    await runMailJobs(held.jobs);
    const freshLink = (await readResetTokensSentTo("locked-out@example.com")).at(-1);
    expect(freshLink).not.toBe(olderLink);
    expect((await postJson("/api/v1/password-resets/verify", { token: freshLink })).status).toBe(200);
  });

  it("changes nothing when storage fails partway through: the alert still works, nothing is locked or signed out", async () => {
    const { account, token } = await receiveAlert("half-state@example.com");
    const session = await createSession(env, account.id);
    const ctx = createExecutionContext();

    // The sign-out fails: the alert's use and the lock, asked for in the same request, must not stay.
    await expect(revokeFromAlert({ ...env, DB: databaseFailingOn(/DELETE FROM sessions/) }, ctx, token)).rejects.toThrow();
    await waitOnExecutionContext(ctx);

    expect((await findAccountById(env, account.id))?.passwordLockedAt).toBeNull();
    expect(await validateSessionToken(env, session.token)).not.toBeNull();
    expect(await findAlert(env, token)).toEqual({ maskedEmail: "h***@example.com" });
    expect(await revoke(token)).toBe(true);
  });

  it("sends a link no sign-in revokes: the old password, tried from any network, leaves it working", async () => {
    const { account, token } = await receiveAlert("unblockable@example.com");
    expect(await revoke(token)).toBe(true);
    const freshLink = (await readResetTokensSentTo("unblockable@example.com")).at(-1);

    for (const ip of [nextIp(), "198.51.100.200", "2001:db8:dead:beef::1"]) {
      expect((await postJson("/api/v1/sessions", { email: "unblockable@example.com", password: ORIGINAL_PASSWORD }, { ip })).status).toBe(401);
    }

    const stored = await env.DB.prepare("SELECT requester_network FROM password_reset_tokens WHERE account_id = ?")
      .bind(account.id)
      .first<{ requester_network: string | null }>();
    expect(stored).toEqual({ requester_network: null });
    expect((await postJson("/api/v1/password-resets/verify", { token: freshLink })).status).toBe(200);
  });

  it("works once: a second use does nothing and sends nothing", async () => {
    const { token } = await receiveAlert("once@example.com");
    expect(await revoke(token)).toBe(true);
    const mailAfterFirst = (await readMailTo("once@example.com")).length;

    expect(await revoke(token)).toBe(false);
    expect(await findAlert(env, token)).toBeNull();
    expect((await readMailTo("once@example.com")).length).toBe(mailAfterFirst);
  });

  it("refuses a link older than its lifetime", async () => {
    const { account, token } = await receiveAlert("late@example.com");
    const session = await createSession(env, account.id);
    const later = clock.now() + ALERT_TOKEN_TTL_MS + 1;
    vi.spyOn(clock, "now").mockReturnValue(later);

    expect(await findAlert(env, token)).toBeNull();
    expect(await revoke(token)).toBe(false);
    vi.restoreAllMocks();
    expect(await validateSessionToken(env, session.token)).not.toBeNull();
    expect((await findAccountById(env, account.id))?.passwordLockedAt).toBeNull();
  });

  it("refuses a malformed token without touching anything", async () => {
    expect(await revoke("short")).toBe(false);
  });
});

/** A D1 binding on which every statement matching `pattern` fails when it runs, as a fault partway through would. */
function databaseFailingOn(pattern: RegExp): D1Database {
  return new Proxy(env.DB, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => target.prepare(pattern.test(sql) ? "DELETE FROM no_such_table" : sql);
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
