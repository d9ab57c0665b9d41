import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { hashPasswordWith } from "../../../worker/src/crypto/password-hash.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { signIn as signInDirectly } from "../../../worker/src/sessions/sign-in.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";
import { obtainResetToken, postJson, registerAccount as registerResetAccount } from "../reset/reset-fixtures.ts";

const PASSWORD = "violet tractor under the bridge";
const WRONG = "Summer2026!";
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const START = Date.parse("2026-11-26T12:07:30.000Z");
/** Unknown addresses cost a full hash each: about 170 ms idle, several times that on a busy machine. */
const HASHING_TIMEOUT_MS = 120_000;

/** One light hash shared by the fixture accounts, so a wrong guess costs milliseconds, not a full hash. */
const lightHash = hashPasswordWith(PASSWORD, { scheme: "scrypt", logN: 10, r: 8, p: 1 });
let counter = 0;
let now: MockInstance<() => number>;

beforeEach(() => {
  now = vi.spyOn(clock, "now").mockReturnValue(START);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A fresh IPv4 network, so one test never counts against another's. */
function freshNetwork(): string {
  counter += 1;
  return `198.18.${counter >> 8}.${counter & 255}`;
}

async function registerAccount(): Promise<string> {
  const email = `${unique("account")}@example.com`;
  await createVerifiedAccount(email, await lightHash);
  return email;
}

function signIn(email: string, password: string, ip: string, deviceToken?: string): Promise<Response> {
  return exports.default.fetch("http://127.0.0.1/api/v1/sessions", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ email, password, deviceToken }),
  });
}

/** Status and Retry-After, the two things a client sees of a limit. */
async function attempt(email: string, password: string, ip: string, deviceToken?: string): Promise<string> {
  const response = await signIn(email, password, ip, deviceToken);
  const retryAfter = response.headers.get("retry-after");
  return retryAfter === null ? String(response.status) : `${response.status} after ${retryAfter}`;
}

describe("sign-in limits per network", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("stop password spraying: after 20 failures across 25 addresses from one IP, even the right password gets 429", async () => {
    const ip = freshNetwork();
    const accounts = [];
    for (let index = 0; index < 26; index += 1) accounts.push(await registerAccount());

    const statuses = [];
    for (const email of accounts.slice(0, 25)) statuses.push(await attempt(email, WRONG, ip));
    expect(statuses).toEqual([...Array(20).fill("401"), ...Array(5).fill("429 after 900")]);
    expect(await attempt(accounts[25] ?? "", PASSWORD, ip)).toBe("429 after 900");
    // Other networks are not held back, and the network is free again once the failures are 15 minutes old.
    expect(await attempt(accounts[25] ?? "", PASSWORD, freshNetwork())).toBe("200");
    now.mockReturnValue(START + 15 * MINUTE - SECOND);
    expect(await attempt(accounts[0] ?? "", PASSWORD, ip)).toBe("429 after 1");
    now.mockReturnValue(START + 15 * MINUTE);
    expect(await attempt(accounts[0] ?? "", PASSWORD, ip)).toBe("200");
  });

  it("count every address in one IPv6 /64 together, so rotating addresses does not help", async () => {
    const statuses = [];
    for (let host = 1; host <= 21; host += 1) {
      statuses.push(await attempt(await registerAccount(), WRONG, `2001:db8:5ee:d:${host.toString(16)}:${((host * 7919) % 65_536).toString(16)}::1`));
    }
    expect(statuses).toEqual([...Array(20).fill("401"), "429 after 900"]);
    expect(await attempt(await registerAccount(), WRONG, "2001:DB8:5EE:D:FFFF:FFFF:FFFF:FFFF")).toBe("429 after 900");
    expect(await attempt(await registerAccount(), WRONG, "2001:db8:5ee:e::1")).toBe("401");
  });

  it("do not count successful sign-ins as failures", async () => {
    const ip = freshNetwork();
    const [first, second, third] = [await registerAccount(), await registerAccount(), await registerAccount()];
    for (let index = 0; index < 9; index += 1) {
      expect(await attempt(first, WRONG, ip)).toBe("401");
      expect(await attempt(second, WRONG, ip)).toBe("401");
    }
    expect(await attempt(first, PASSWORD, ip)).toBe("200");
    expect(await attempt(second, PASSWORD, ip)).toBe("200");
    // 18 failures and 2 successes: two more failures are still within the 20.
    expect(await attempt(third, WRONG, ip)).toBe("401");
    expect(await attempt(third, WRONG, ip)).toBe("401");
    expect(await attempt(first, PASSWORD, ip)).toBe("429 after 900");
  });
});

describe("sign-in limits per address", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("lock one account tried from 13 networks after 10 failures for 60 s, then 120 s, and a success ends it", async () => {
    const email = await registerAccount();
    const statuses = [];
    for (let index = 0; index < 10; index += 1) statuses.push(await attempt(email, WRONG, freshNetwork()));
    expect(statuses).toEqual(Array(10).fill("401"));

    // The right password is refused too while the address is locked: a guess must not be checkable.
    expect(await attempt(email, PASSWORD, freshNetwork())).toBe("429 after 60");
    now.mockReturnValue(START + 60 * SECOND);
    expect(await attempt(email, WRONG, freshNetwork())).toBe("401");
    expect(await attempt(email, PASSWORD, freshNetwork())).toBe("429 after 120");
    now.mockReturnValue(START + 179 * SECOND);
    expect(await attempt(email, PASSWORD, freshNetwork())).toBe("429 after 1");
    now.mockReturnValue(START + 180 * SECOND);
    expect(await attempt(email, PASSWORD, freshNetwork())).toBe("200");

    // The success cleared the count: ten more failures are answered, then a minute's lockout again.
    const after = [];
    for (let index = 0; index < 11; index += 1) after.push(await attempt(email, WRONG, freshNetwork()));
    expect(after).toEqual([...Array(10).fill("401"), "429 after 60"]);
  });

  it("double the lockout with each further failure, up to one hour", async () => {
    const email = await registerAccount();
    for (let index = 0; index < 10; index += 1) await attempt(email, WRONG, freshNetwork());
    let at = START;
    const lockouts = [];
    for (let round = 0; round < 8; round += 1) {
      const refused = await attempt(email, WRONG, freshNetwork());
      lockouts.push(refused);
      at += Number(refused.split(" after ")[1]) * SECOND;
      now.mockReturnValue(at);
      expect(await attempt(email, WRONG, freshNetwork())).toBe("401");
    }
    expect(lockouts).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600].map((seconds) => `429 after ${seconds}`));
  });

  it("give an unknown address and a known one the same answers in the same order", async () => {
    const known = await registerAccount();
    const unknown = `${unique("nobody")}@example.com`;
    const sequences = [];
    for (const email of [known, unknown]) {
      now.mockReturnValue(START);
      const statuses = [];
      for (let index = 0; index < 12; index += 1) statuses.push(await attempt(email, WRONG, freshNetwork()));
      now.mockReturnValue(START + 60 * SECOND);
      statuses.push(await attempt(email, WRONG, freshNetwork()), await attempt(email, WRONG, freshNetwork()));
      sequences.push(statuses);
    }
    expect(sequences[0]).toEqual([...Array(10).fill("401"), "429 after 60", "429 after 60", "401", "429 after 120"]);
    expect(sequences[1]).toEqual(sequences[0]);
  });

  it("let no more than 10 of 15 concurrent guesses through", async () => {
    const email = await registerAccount();
    const statuses = await Promise.all(Array.from({ length: 15 }, () => attempt(email, WRONG, freshNetwork())));
    expect(statuses.filter((status) => status === "401")).toHaveLength(10);
    expect(statuses.filter((status) => status.startsWith("429"))).toHaveLength(5);
  });

  it("never lock the owner out on their own network: 30 attacking networks lock everyone else out, but not the network the owner signed in from", async () => {
    const email = await registerAccount();
    const home = freshNetwork();
    expect(await attempt(email, PASSWORD, home)).toBe("200");
    now.mockReturnValue(START + 60 * SECOND);

    const attacks = [];
    for (let network = 0; network < 30; network += 1) attacks.push(await attempt(email, WRONG, freshNetwork()));
    expect(attacks.slice(0, 10)).toEqual(Array(10).fill("401"));
    expect(attacks.slice(10).every((status) => status.startsWith("429"))).toBe(true);

    // The owner, on the network they signed in from a minute ago, still gets in, and so does any other device there.
    expect(await attempt(email, PASSWORD, home)).toBe("200");
    // Residual risk: on a network they never signed in from, the owner waits out the lock like anyone.
    expect(await attempt(email, PASSWORD, freshNetwork())).toMatch(/^429 after \d+$/);
  });

  it("never lock out a device that signed in before, on any network, while guesses from elsewhere lock the address", async () => {
    const email = await registerAccount();
    const first = await signIn(email, PASSWORD, freshNetwork());
    const { deviceToken } = await first.json<{ deviceToken: string }>();
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    for (let network = 0; network < 12; network += 1) await attempt(email, WRONG, freshNetwork());
    expect(await attempt(email, PASSWORD, freshNetwork())).toMatch(/^429/);

    // The same device from a café it never used before.
    const fromCafe = await signIn(email, PASSWORD, freshNetwork(), deviceToken);
    expect(fromCafe.status).toBe(200);
    expect((await fromCafe.json<{ deviceToken: string }>()).deviceToken).toBe(deviceToken);
  });

  it("hold a trusted network's own guesses by the same rule, on a count of its own", async () => {
    const email = await registerAccount();
    const shared = freshNetwork();
    expect(await attempt(email, PASSWORD, shared)).toBe("200");

    // Someone else on the owner's network (the residual risk) gets 10 guesses, then the lock.
    const guesses = [];
    for (let index = 0; index < 11; index += 1) guesses.push(await attempt(email, WRONG, shared));
    expect(guesses).toEqual([...Array(10).fill("401"), "429 after 60"]);
    // Their count is not the address's: elsewhere the address is not locked.
    expect(await attempt(email, PASSWORD, freshNetwork())).toBe("200");
  });

  it("keep the trust as an HMAC of the address with the network or device, never either in clear", async () => {
    const email = await registerAccount();
    const ip = freshNetwork();
    const response = await signIn(email, PASSWORD, ip);
    const { deviceToken } = await response.json<{ deviceToken: string }>();

    const rows = JSON.stringify((await env.DB.prepare("SELECT * FROM trusted_sign_in_clients").all()).results);
    expect(rows).not.toContain(ip);
    expect(rows).not.toContain(deviceToken);
    expect(rows).not.toContain(email);
    expect(rows).toMatch(/"subject":"[A-Za-z0-9_-]{43}"/);
  });

  it("end when the password is reset", async () => {
    const email = `${unique("reset")}@example.com`;
    await registerResetAccount(email);
    for (let index = 0; index < 10; index += 1) await attempt(email, WRONG, freshNetwork());
    expect(await attempt(email, "a brand new passphrase", freshNetwork())).toBe("429 after 60");

    const token = await obtainResetToken(email);
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);
    expect(await attempt(email, "a brand new passphrase", freshNetwork())).toBe("200");
  });

  it("refuse a locked address before the account lookup, so no hashing is spent on it", async () => {
    const email = await registerAccount();
    for (let index = 0; index < 10; index += 1) await attempt(email, WRONG, freshNetwork());
    const issued: string[] = [];
    const recordingDb = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") {
          return (sql: string) => {
            issued.push(sql);
            return target.prepare(sql);
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });

    const result = await signInDirectly({ ...env, DB: recordingDb }, { email, password: PASSWORD, ip: freshNetwork() });
    expect(result).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 60 });
    expect(issued).not.toHaveLength(0);
    // The limits, and the one lookup of trusted clients that runs for every address alike: no account lookup.
    expect(issued.filter((sql) => !/rate_limits|sign_in_failures|trusted_sign_in_clients/.test(sql))).toEqual([]);
  });

  it("match the address in any letter case and with surrounding spaces", async () => {
    const email = await registerAccount();
    for (let index = 0; index < 10; index += 1) {
      await attempt(index % 2 === 0 ? email.toUpperCase() : `  ${email} `, WRONG, freshNetwork());
    }
    expect(await attempt(email, PASSWORD, freshNetwork())).toBe("429 after 60");
  });

  it("are lifted with every other limit when RATE_LIMITS is off in development", async () => {
    const email = await registerAccount();
    const development = { ...env, ENVIRONMENT: "development", RATE_LIMITS: "off" };
    const statuses = [];
    for (let index = 0; index < 12; index += 1) {
      const request = new Request("http://127.0.0.1/api/v1/sessions", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "198.19.0.1" },
        body: JSON.stringify({ email, password: WRONG }),
      });
      const ctx = createExecutionContext();
      statuses.push((await worker.fetch(request as Parameters<typeof worker.fetch>[0], development, ctx)).status);
      await waitOnExecutionContext(ctx);
    }
    expect(statuses).toEqual(Array(12).fill(401));
  });
});
