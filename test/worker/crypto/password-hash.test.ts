import { describe, expect, it } from "vitest";
import { normalizePassword } from "../../../shared/password-policy.ts";
import {
  CURRENT_PARAMETERS,
  hashPassword,
  hashPasswordWith,
  parsePhc,
  verifyPassword,
} from "../../../worker/src/crypto/password-hash.ts";

const PASSWORD = "correct horse battery staple";
/** About 170 ms per hash idle, several times that on a busy machine. */
const HASHING_TIMEOUT_MS = 60_000;

describe("hashPassword", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("writes a PHC string with the scheme, its parameters, a salt and a digest", async () => {
    const phc = await hashPassword(PASSWORD);
    expect(phc).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(phc).not.toContain(PASSWORD);
  });

  it("salts every hash, so the same password hashes differently twice", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it("uses scrypt at N=2^14, r=8, p=5, which needs 16 MiB, well inside the 128 MB isolate", () => {
    expect(CURRENT_PARAMETERS).toEqual({ scheme: "scrypt", logN: 14, r: 8, p: 5 });
    if (CURRENT_PARAMETERS.scheme !== "scrypt") return;
    expect(128 * 2 ** CURRENT_PARAMETERS.logN * CURRENT_PARAMETERS.r).toBe(16 * 1024 * 1024);
  });
});

describe("verifyPassword", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("accepts the right password and needs no rehash under current parameters", async () => {
    const phc = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, phc)).toEqual({ valid: true, needsRehash: false });
  });

  it("refuses a wrong password", async () => {
    const phc = await hashPassword(PASSWORD);
    expect(await verifyPassword("correct horse battery stapler", phc)).toEqual({ valid: false, needsRehash: false });
  });

  it("matches the same password typed in another Unicode form", async () => {
    const phc = await hashPassword("crème brûlée at noon");
    expect((await verifyPassword("cre\u0300me bru\u0302le\u0301e at noon", phc)).valid).toBe(true);
  });

  it("hashes the NFKC form the policy checked, so full-width letters, ligatures and superscripts match their plain form", async () => {
    const phc = await hashPassword("ｌａｎｔｅｒｎ ｍｅａｄｏｗ ﬁeld²");
    expect((await verifyPassword("lantern meadow field2", phc)).valid).toBe(true);
    expect((await verifyPassword(normalizePassword("ｌａｎｔｅｒｎ ｍｅａｄｏｗ ﬁeld²"), phc)).valid).toBe(true);
    expect((await verifyPassword("lantern meadow field²", phc)).valid).toBe(true);
    expect((await verifyPassword("lantern meadow field", phc)).valid).toBe(false);
  });

  it("accepts a hash made under older PBKDF2 parameters and asks for a rehash", async () => {
    const old = await hashPasswordWith(PASSWORD, { scheme: "pbkdf2-sha256", iterations: 100_000 });
    expect(old).toMatch(/^\$pbkdf2-sha256\$i=100000\$/);
    expect(await verifyPassword(PASSWORD, old)).toEqual({ valid: true, needsRehash: true });
    expect(await verifyPassword("not the password", old)).toEqual({ valid: false, needsRehash: false });
  });

  it("asks for a rehash when only the scrypt cost differs", async () => {
    const weaker = await hashPasswordWith(PASSWORD, { scheme: "scrypt", logN: 10, r: 8, p: 1 });
    expect(weaker).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(await verifyPassword(PASSWORD, weaker)).toEqual({ valid: true, needsRehash: true });
  });

  it("returns invalid, never throws, for malformed or hostile PHC strings", async () => {
    const good = await hashPassword(PASSWORD);
    const [, , params, salt, digest] = good.split("$");
    const malformed = [
      "",
      "plaintext",
      "$scrypt$",
      `$argon2id$v=19$m=65536,t=3,p=4$${salt}$${digest}`,
      `$scrypt$${params}$${salt}`,
      `$scrypt$${params}$${salt}$${digest}$extra`,
      `$scrypt$ln=14,r=8$${salt}$${digest}`,
      `$scrypt$ln=14,r=8,p=0$${salt}$${digest}`,
      `$scrypt$ln=30,r=8,p=1$${salt}$${digest}`,
      `$scrypt$ln=20,r=99,p=1$${salt}$${digest}`,
      `$scrypt$ln=14,r=8,p=99$${salt}$${digest}`,
      `$scrypt$${params}$not*base64$${digest}`,
      `$scrypt$${params}$${salt}$${digest}=`,
      `$scrypt$${params}$${salt}$AAAA`,
      `$pbkdf2-sha256$i=100001$${salt}$${digest}`,
      `$pbkdf2-sha256$i=-5$${salt}$${digest}`,
      `$pbkdf2-sha256$i=1e5$${salt}$${digest}`,
      `${good}`.replace("$scrypt$", "$SCRYPT$"),
      "$".repeat(600),
    ];
    for (const phc of malformed) {
      await expect(verifyPassword(PASSWORD, phc)).resolves.toEqual({ valid: false, needsRehash: false });
    }
  });

  it("reads back exactly the parameters, salt and digest it wrote", async () => {
    const phc = await hashPassword(PASSWORD);
    const parsed = parsePhc(phc);
    expect(parsed?.parameters).toEqual(CURRENT_PARAMETERS);
    expect(parsed?.salt).toHaveLength(16);
    expect(parsed?.hash).toHaveLength(32);
  });
});
