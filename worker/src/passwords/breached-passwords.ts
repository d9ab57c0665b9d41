/**
 * Whether a new password appears in a known breach, asked of a Pwned Passwords range API with
 * k-anonymity: the Worker sends only the first 5 hex characters of the SHA-1 of the password's
 * NFKC form (the form the policy checks and the hash stores), with `Add-Padding: true` so the size
 * of the answer says nothing either, and looks for the other 35 itself. The API never sees the
 * password, its hash, or which of the ~800 suffixes in the answer was meant.
 *
 * Nobody is held up by it: an answer that takes longer than 2 seconds, or fails, lets the password
 * through, with one log line that holds no password material. Range answers are kept in the Cache
 * API for a day, so common prefixes cost no call.
 *
 * `BREACHED_PASSWORD_CHECK=off` switches it off; `PWNED_PASSWORDS_API_URL` points it elsewhere
 * (a stand-in in the tests, a mirror in production).
 *
 * @example
 * await checkBreachedPassword(env, "P@ssw0rd"); // "breached" | "not_found" | "unchecked"
 */
import { normalizePassword } from "../../../shared/password-policy.ts";
import { readConfig } from "../config.ts";
import { encodeHex } from "../crypto/encoding.ts";

export type BreachCheck = "breached" | "not_found" | "unchecked";

/** How long a range answer may take before the password is let through. */
export const BREACH_CHECK_TIMEOUT_MS = 2_000;
/** How long a range answer is kept in the cache. */
const RANGE_CACHE_SECONDS = 24 * 60 * 60;
const PREFIX_LENGTH = 5;

/** Looks the password up in the range API; "unchecked" when the check is off, slow or failing. */
export async function checkBreachedPassword(env: Env, password: string): Promise<BreachCheck> {
  const config = readConfig(env);
  if (!config.breachedPasswordCheck.enabled) return "unchecked";
  const digest = await sha1Hex(normalizePassword(password));
  const rangeUrl = `${config.breachedPasswordCheck.apiUrl}${digest.slice(0, PREFIX_LENGTH)}`;
  const range = await readRange(rangeUrl);
  if (range === null) return "unchecked";
  return findSuffixCount(range, digest.slice(PREFIX_LENGTH)) > 0 ? "breached" : "not_found";
}

/** The range answer, from the cache or the API; null (and one log line) when the API fails or is slow. */
async function readRange(rangeUrl: string): Promise<string | null> {
  const cache = caches.default;
  const cached = await cache.match(rangeUrl);
  if (cached) return cached.text();
  try {
    const signal = AbortSignal.timeout(BREACH_CHECK_TIMEOUT_MS);
    const response = await fetch(rangeUrl, { headers: { "add-padding": "true", "user-agent": "ResetKit" }, signal });
    if (!response.ok) {
      await response.body?.cancel();
      console.warn(`breached-password check skipped: the range API answered HTTP ${response.status}; the password was accepted`);
      return null;
    }
    const range = await response.text();
    await cache.put(rangeUrl, new Response(range, { headers: { "cache-control": `max-age=${RANGE_CACHE_SECONDS}` } }));
    return range;
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    const what = name === "TimeoutError" ? `did not answer within ${BREACH_CHECK_TIMEOUT_MS / 1000} s` : `could not be reached (${name})`;
    console.warn(`breached-password check skipped: the range API ${what}; the password was accepted`);
    return null;
  }
}

/** The count listed for `suffix`; padding lines carry 0, and an unlisted suffix is 0 too. */
function findSuffixCount(range: string, suffix: string): number {
  for (const line of range.split("\n")) {
    const [candidate, count] = line.trim().split(":");
    if (candidate?.toUpperCase() === suffix) return Number.parseInt(count ?? "0", 10) || 0;
  }
  return 0;
}

/** The SHA-1 the range API is keyed by, in its upper-case hex. */
async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return encodeHex(new Uint8Array(digest)).toUpperCase();
}
