import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findAccountByEmail } from "../../../worker/src/accounts/accounts.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { issuePasswordReset } from "../../../worker/src/reset/password-reset.ts";
import { generateResetCode, redeemResetCode } from "../../../worker/src/reset/reset-codes.ts";
import { readMailTo, registerAccount } from "./reset-fixtures.ts";

const MINUTE = 60_000;

afterEach(() => {
  vi.restoreAllMocks();
});

interface Work {
  statements: string[];
  batches: number[];
  hmacs: number;
}

/** The real D1, with every statement prepared and every batch sent written down. */
function recordingEnv(work: Work): Env {
  const db = {
    prepare(sql: string) {
      work.statements.push(sql);
      return env.DB.prepare(sql);
    },
    batch(statements: D1PreparedStatement[]) {
      work.batches.push(statements.length);
      return env.DB.batch(statements);
    },
  };
  return { ...env, DB: db as unknown as D1Database };
}

/** Redeems once and returns the outcome with the work it took. */
async function redeemWatched(email: string, code: string): Promise<{ redeemed: boolean; work: Work }> {
  const work: Work = { statements: [], batches: [], hmacs: 0 };
  const sign = crypto.subtle.sign.bind(crypto.subtle);
  const spy = vi.spyOn(crypto.subtle, "sign").mockImplementation((...args: Parameters<typeof crypto.subtle.sign>) => {
    work.hmacs += 1;
    return sign(...args);
  });
  const redeemed = await redeemResetCode(recordingEnv(work), { email, code, ip: "203.0.113.9" });
  spy.mockRestore();
  return { redeemed: redeemed !== null, work };
}

async function issueCode(email: string): Promise<string> {
  const account = await findAccountByEmail(env, email);
  if (!account) throw new Error(`${email} has no account`);
  await issuePasswordReset(env, account, { client: "web", requesterNetwork: null }, { locale: "en" }, { id: crypto.randomUUID(), attempts: 1 });
  const text = (await readMailTo(email)).at(-1)?.text ?? "";
  const code = /\b([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})\b/.exec(text);
  if (!code) throw new Error(`no code reached ${email}`);
  return `${code[1]}${code[2]}`;
}

describe("generateResetCode", () => {
  it("draws 8 characters of Crockford's base32, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, generateResetCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  });
});

describe("redeemResetCode", () => {
  it("does the same D1 and HMAC work for a right code, a wrong one, an expired one, one past the budget and an unknown address", async () => {
    const start = clock.now();
    vi.spyOn(clock, "now").mockReturnValue(start);
    for (const email of ["right@example.com", "wrong@example.com", "expired@example.com", "spent@example.com"]) {
      await registerAccount(email);
    }
    const right = await issueCode("right@example.com");
    await issueCode("wrong@example.com");
    const expired = await issueCode("expired@example.com");
    const spent = await issueCode("spent@example.com");
    for (let guess = 0; guess < 5; guess += 1) await redeemResetCode(env, { email: "spent@example.com", code: "AAAAAAAA", ip: "203.0.113.9" });

    const outcomes = [
      await redeemWatched("right@example.com", right),
      await redeemWatched("wrong@example.com", "AAAAAAAA"),
      await redeemWatched("spent@example.com", spent),
      await redeemWatched("nobody@example.com", "AAAAAAAA"),
    ];
    vi.spyOn(clock, "now").mockReturnValue(start + 31 * MINUTE);
    outcomes.push(await redeemWatched("expired@example.com", expired));

    expect(outcomes.map((outcome) => outcome.redeemed)).toEqual([true, false, false, false, false]);
    const [first, ...rest] = outcomes.map((outcome) => outcome.work);
    expect(first?.batches).toEqual([4]);
    // The address's and the network's guess counters, the code, the network itself and its trust.
    expect(first?.hmacs).toBe(5);
    for (const work of rest) expect(work).toEqual(first);
  });
});
