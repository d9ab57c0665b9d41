/**
 * Better Auth's password hash swapped for ResetKit's work factor: scrypt N = 2^14, r = 8, p = 5
 * (worker/src/crypto/password-hash.ts), through the same node:crypto scrypt, stored in Better
 * Auth's own `salt:key` hex format with its 64-byte key. Better Auth's default is N = 2^14,
 * r = 16, p = 1, less than half the work; with this, the peer's sign-in and reset-password pay
 * what ResetKit's do, so those rows compare equal work. Runs in the Worker and in Node (the
 * bench seeds accounts with it).
 *
 * @example
 * betterAuth({ emailAndPassword: { password: { hash: hashWithResetKitScrypt, verify: verifyWithResetKitScrypt } } });
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export const RESETKIT_SCRYPT = { N: 16_384, r: 8, p: 5, keyLength: 64 };
// node:crypto refuses more than `maxmem`; scrypt needs 128 · N · r bytes.
const MAX_MEMORY = 128 * RESETKIT_SCRYPT.N * RESETKIT_SCRYPT.r + 1024 * 1024;

function deriveKey(password: string, saltHex: string): Promise<Buffer> {
  const { N, r, p, keyLength } = RESETKIT_SCRYPT;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), saltHex, keyLength, { N, r, p, maxmem: MAX_MEMORY }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes `password` with a fresh 16-byte salt, as `saltHex:keyHex`. */
export async function hashWithResetKitScrypt(password: string): Promise<string> {
  const saltHex = randomBytes(16).toString("hex");
  return `${saltHex}:${(await deriveKey(password, saltHex)).toString("hex")}`;
}

/** Checks `password` against a `saltHex:keyHex` hash; false for anything malformed. */
export async function verifyWithResetKitScrypt({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  const [saltHex, keyHex] = hash.split(":");
  if (!saltHex || !keyHex || keyHex.length !== RESETKIT_SCRYPT.keyLength * 2) return false;
  const key = await deriveKey(password, saltHex);
  return timingSafeEqual(key, Buffer.from(keyHex, "hex"));
}
