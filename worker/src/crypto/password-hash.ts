/**
 * Password hashing in PHC string format. Each hash carries its scheme and parameters
 * (`$pbkdf2-sha256$i=100000$<salt>$<hash>`), so the parameters are versioned with the hash:
 * when `CURRENT` changes, `verifyPassword` reports `needsRehash` and sign-in stores a new hash.
 * Verification never throws; a malformed or unknown string is simply not valid.
 * The measurements behind the choice are in docs/password-hashing.md.
 *
 * @example
 * const phc = await hashPassword("correct horse battery staple");
 * const { valid, needsRehash } = await verifyPassword(attempt, phc);
 */
import { random } from "../platform/random.ts";
import { constantTimeEqual } from "./constant-time.ts";
import { decodeBase64, encodeBase64 } from "./encoding.ts";

const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** workerd refuses PBKDF2 above 100,000 iterations. */
const PBKDF2_MAX_ITERATIONS = 100_000;

interface Pbkdf2Parameters {
  scheme: "pbkdf2-sha256";
  iterations: number;
}

type Parameters = Pbkdf2Parameters;

/** The parameters every new hash is made with. */
export const CURRENT: Parameters = { scheme: "pbkdf2-sha256", iterations: PBKDF2_MAX_ITERATIONS };

interface ParsedHash {
  parameters: Parameters;
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Hashes a password with the current parameters and a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  return hashPasswordWith(password, CURRENT);
}

/** Hashes with explicit parameters; used by `hashPassword` and by tests that need old hashes. */
export async function hashPasswordWith(password: string, parameters: Parameters): Promise<string> {
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
  return { valid, needsRehash: valid && !sameParameters(parsed.parameters, CURRENT) };
}

async function derive(password: string, salt: Uint8Array, parameters: Parameters, length: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: parameters.iterations },
    key,
    length * 8,
  );
  return new Uint8Array(bits);
}

function sameParameters(a: Parameters, b: Parameters): boolean {
  return a.scheme === b.scheme && a.iterations === b.iterations;
}

function formatPhc({ parameters, salt, hash }: ParsedHash): string {
  return `$${parameters.scheme}$i=${parameters.iterations}$${encodeBase64(salt)}$${encodeBase64(hash)}`;
}

/** Reads a PHC string, returning null for anything malformed or outside the safe ranges. */
export function parsePhc(phc: unknown): ParsedHash | null {
  if (typeof phc !== "string" || phc.length > 512) return null;
  const parts = phc.split("$");
  if (parts.length !== 5 || parts[0] !== "") return null;
  const [, scheme, params, saltText, hashText] = parts as [string, string, string, string, string];
  if (scheme !== "pbkdf2-sha256") return null;
  const match = /^i=([1-9][0-9]{0,6})$/.exec(params);
  if (!match) return null;
  const iterations = Number(match[1]);
  if (iterations > PBKDF2_MAX_ITERATIONS) return null;
  const salt = decodeBase64(saltText);
  const hash = decodeBase64(hashText);
  if (!salt || !hash || salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { parameters: { scheme, iterations }, salt, hash };
}
