import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createAccount,
  findAccountByEmail,
  findAccountById,
  upgradePasswordHash,
} from "../../../worker/src/accounts/accounts.ts";
import { clock } from "../../../worker/src/platform/clock.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("account queries", () => {
  it("stores the address as typed and finds it by any letter case", async () => {
    vi.spyOn(clock, "now").mockReturnValue(1_700_000_000_000);
    const created = await createAccount(env, { email: "  Ada.Lovelace@Example.com ", passwordHash: "$hash-a" });

    expect(created).toMatchObject({
      email: "Ada.Lovelace@Example.com",
      emailNormalized: "ada.lovelace@example.com",
      passwordHash: "$hash-a",
      createdAt: 1_700_000_000_000,
      passwordChangedAt: 1_700_000_000_000,
    });
    expect(created?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await findAccountByEmail(env, "ADA.LOVELACE@EXAMPLE.COM")).toEqual(created);
    expect(await findAccountById(env, created?.id ?? "")).toEqual(created);
  });

  it("returns null for unknown addresses and ids", async () => {
    expect(await findAccountByEmail(env, "nobody@example.com")).toBeNull();
    expect(await findAccountById(env, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("refuses a second account for the same address in another letter case", async () => {
    expect(await createAccount(env, { email: "grace@example.com", passwordHash: "$hash-1" })).not.toBeNull();
    expect(await createAccount(env, { email: "GRACE@example.com", passwordHash: "$hash-2" })).toBeNull();
    expect((await findAccountByEmail(env, "grace@example.com"))?.passwordHash).toBe("$hash-1");
  });

  it("upgrades a hash without touching the password-change time, unless the hash changed meanwhile", async () => {
    const account = await createAccount(env, { email: "upgrade@example.com", passwordHash: "$old" });
    if (!account) throw new Error("account not created");
    await upgradePasswordHash(env, account, "$new");
    const upgraded = await findAccountById(env, account.id);
    expect(upgraded?.passwordHash).toBe("$new");
    expect(upgraded?.passwordChangedAt).toBe(account.passwordChangedAt);

    // A stale view (the old hash) must not overwrite a hash set since, e.g. by a password reset.
    await upgradePasswordHash(env, account, "$stale-upgrade");
    expect((await findAccountById(env, account.id))?.passwordHash).toBe("$new");
  });
});
