/**
 * Password hashing in PHC string format. Every hash carries its scheme and parameters, so the
 * parameters are versioned with the hash itself:
 *   `$scrypt$ln=14,r=8,p=5$<salt>$<hash>`      (current: scrypt through nodejs_compat)
 *   `$pbkdf2-sha256$i=100000$<salt>$<hash>`    (still verified, rehashed at the next sign-in)
 * When `CURRENT_PARAMETERS` changes, `verifyPassword` reports `needsRehash` for older hashes and
 * sign-in stores a new one. Verification never throws: a malformed string is just not valid.
 * Why scrypt with these numbers, and what each costs, is in docs/password-hashing.md.
 *
 * @example
 * const phc = await hashPassword("correct horse battery staple");
 * const { valid, needsRehash } = await verifyPassword(attempt, phc);
 */
import { scrypt } from "node:crypto";
import { normalizePassword } from "../../../shared/password-policy.ts";
import { random } from "../platform/random.ts";
import { constantTimeEqual } from "./constant-time.ts";
import { decodeBase64, encodeBase64 } from "./encoding.ts";

export type PasswordHashParameters =
  | { scheme: "scrypt"; logN: number; r: number; p: number }
  | { scheme: "pbkdf2-sha256"; iterations: number };

/**
 * The parameters every new hash is made with: scrypt N=2^14, r=8, p=5, 16 MiB per hash, one of
 * OWASP's equivalent scrypt settings (the same work as N=2^17, p=1, in an eighth of the memory).
 */
export const CURRENT_PARAMETERS: PasswordHashParameters = { scheme: "scrypt", logN: 14, r: 8, p: 5 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** workerd refuses PBKDF2 above 100,000 iterations in production. */
const PBKDF2_MAX_ITERATIONS = 100_000;
/** Upper bounds for parameters read back from storage, so no stored string can exhaust the isolate. */
const SCRYPT_MAX_MEMORY_BYTES = 64 * 1024 * 1024;
const SCRYPT_MAX_P = 16;

interface ParsedHash {
  parameters: PasswordHashParameters;
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Hashes a password with the current parameters and a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  return hashPasswordWith(password, CURRENT_PARAMETERS);
}

/** Hashes with explicit parameters: the current ones, or older ones when tests need an old hash. */
export async function hashPasswordWith(password: string, parameters: PasswordHashParameters): Promise<string> {
  const salt = random.bytes(SALT_BYTES);
  const hash = await derive(password, salt, parameters, HASH_BYTES);
  return formatPhc({ parameters, salt, hash });
}

/** Checks a password against a stored PHC string; never throws. */
export async function verifyPassword(password: string, phc: string): Promise<{ valid: boolean; needsRehash: boolean }> {
  const parsed = parsePhc(phc);
  if (!parsed) return { valid: false, needsRehash: false };
  let candidate: Uint8Array;
  try {
    candidate = await derive(password, parsed.salt, parsed.parameters, parsed.hash.length);
  } catch {
    return { valid: false, needsRehash: false };
  }
  const valid = constantTimeEqual(encodeBase64(candidate), encodeBase64(parsed.hash));
  return { valid, needsRehash: valid && formatParameters(parsed.parameters) !== formatParameters(CURRENT_PARAMETERS) };
}

/**
 * Spends the same work as verifying a real hash and reports nothing. Sign-in calls it for
 * unknown addresses, so their answer takes as long as a wrong password for a real account.
 */
export async function verifyPasswordAgainstNothing(password: string): Promise<void> {
  await verifyPassword(password, UNMATCHABLE_HASH);
}

/** A well-formed hash under the current parameters whose all-zero digest no password produces in practice. */
const UNMATCHABLE_HASH = formatPhc({
  parameters: CURRENT_PARAMETERS,
  salt: new Uint8Array(SALT_BYTES),
  hash: new Uint8Array(HASH_BYTES),
});

/** Reads a PHC string, returning null for anything malformed or outside the safe ranges. */
export function parsePhc(phc: unknown): ParsedHash | null {
  if (typeof phc !== "string" || phc.length > 512) return null;
  const parts = phc.split("$");
  if (parts.length !== 5 || parts[0] !== "") return null;
  const [, scheme, params, saltText, hashText] = parts as [string, string, string, string, string];
  const parameters = parseParameters(scheme, params);
  const salt = decodeBase64(saltText);
  const hash = decodeBase64(hashText);
  if (!parameters || !salt || !hash || salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
    return null;
  }
  return { parameters, salt, hash };
}

function parseParameters(scheme: string, params: string): PasswordHashParameters | null {
  if (scheme === "scrypt") {
    const match = /^ln=([1-9][0-9]?),r=([1-9][0-9]?),p=([1-9][0-9]?)$/.exec(params);
    if (!match) return null;
    const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (logN > 20 || p > SCRYPT_MAX_P || scryptMemoryBytes(logN, r) > SCRYPT_MAX_MEMORY_BYTES) return null;
    return { scheme, logN, r, p };
  }
  if (scheme === "pbkdf2-sha256") {
    const match = /^i=([1-9][0-9]{0,5})$/.exec(params);
    const iterations = Number(match?.[1]);
    if (!match || iterations > PBKDF2_MAX_ITERATIONS) return null;
    return { scheme, iterations };
  }
  return null;
}

function formatParameters(parameters: PasswordHashParameters): string {
  return parameters.scheme === "scrypt"
    ? `$scrypt$ln=${parameters.logN},r=${parameters.r},p=${parameters.p}`
    : `$pbkdf2-sha256$i=${parameters.iterations}`;
}

function formatPhc({ parameters, salt, hash }: ParsedHash): string {
  return `${formatParameters(parameters)}$${encodeBase64(salt)}$${encodeBase64(hash)}`;
}

/** The same normalised string the password policy checked (shared/password-policy.ts). */
function passwordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(normalizePassword(password));
}

function derive(password: string, salt: Uint8Array, parameters: PasswordHashParameters, length: number): Promise<Uint8Array> {
  return parameters.scheme === "scrypt"
    ? deriveScrypt(passwordBytes(password), salt, parameters, length)
    : derivePbkdf2(passwordBytes(password), salt, parameters.iterations, length);
}

function scryptMemoryBytes(logN: number, r: number): number {
  return 128 * 2 ** logN * r;
}

function deriveScrypt(
  password: Uint8Array,
  salt: Uint8Array,
  { logN, r, p }: { logN: number; r: number; p: number },
  length: number,
): Promise<Uint8Array> {
  const N = 2 ** logN;
  // node:crypto refuses to allocate more than `maxmem`; allow exactly what scrypt needs plus slack.
  const maxmem = scryptMemoryBytes(logN, r) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { N, r, p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(new Uint8Array(key));
    });
  });
}

async function derivePbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, length * 8);
  return new Uint8Array(bits);
}
