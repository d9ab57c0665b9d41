import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../../worker/src/accounts/accounts.ts";
import { hashToken } from "../../../worker/src/crypto/token.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import {
  createSession,
  invalidateAccountSessions,
  invalidateSession,
  SESSION_TTL_MS,
  validateSessionToken,
} from "../../../worker/src/sessions/session.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;
let accountCounter = 0;

async function newAccount(): Promise<Account> {
  accountCounter += 1;
  return createVerifiedAccount(`session${accountCounter}@example.com`, "$unused");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sessions", () => {
  it("stores only the SHA-256 of the token, never the token", async () => {
    const account = await newAccount();
    const { token } = await createSession(env, account.id);
    const { results } = await env.DB.prepare("SELECT * FROM sessions WHERE account_id = ?").bind(account.id).all();

    expect(results).toHaveLength(1);
    expect(results[0]?.token_hash).toBe(await hashToken(token));
    expect(JSON.stringify(results)).not.toContain(token);
  });

  it("lasts 30 days from sign-in", async () => {
    expect(SESSION_TTL_MS).toBe(30 * DAY);
    vi.spyOn(clock, "now").mockReturnValue(1_800_000_000_000);
    const { session } = await createSession(env, (await newAccount()).id);
    expect(session.expiresAt).toBe(1_800_000_000_000 + 30 * DAY);
  });

  it("validates a live token into its account and session", async () => {
    const account = await newAccount();
    const { token, session } = await createSession(env, account.id);
    expect(await validateSessionToken(env, token)).toEqual({ account, session });
  });

  it("refuses an expired token without sleeping", async () => {
    const account = await newAccount();
    const start = 1_800_000_000_000;
    const now = vi.spyOn(clock, "now").mockReturnValue(start);
    const { token } = await createSession(env, account.id);
    now.mockReturnValue(start + 30 * DAY - 1);
    expect(await validateSessionToken(env, token)).not.toBeNull();
    now.mockReturnValue(start + 30 * DAY);
    expect(await validateSessionToken(env, token)).toBeNull();
  });

  it("returns null, never throws, for unknown and malformed tokens", async () => {
    for (const token of ["", "short", "A".repeat(43), "A".repeat(44), "!".repeat(43), "' OR 1=1 --"]) {
      await expect(validateSessionToken(env, token)).resolves.toBeNull();
    }
  });

  it("ends one session on sign-out and leaves the others alive", async () => {
    const account = await newAccount();
    const first = await createSession(env, account.id);
    const second = await createSession(env, account.id);
    await invalidateSession(env, first.session.tokenHash);
    expect(await validateSessionToken(env, first.token)).toBeNull();
    expect(await validateSessionToken(env, second.token)).not.toBeNull();
  });

  it("ends every session of one account and no one else's", async () => {
    const account = await newAccount();
    const other = await newAccount();
    const tokens = [await createSession(env, account.id), await createSession(env, account.id)].map((s) => s.token);
    const otherToken = (await createSession(env, other.id)).token;

    await invalidateAccountSessions(env, account.id);
    for (const token of tokens) expect(await validateSessionToken(env, token)).toBeNull();
    expect(await validateSessionToken(env, otherToken)).not.toBeNull();
  });
});
