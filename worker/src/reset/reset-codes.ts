/**
 * One-time codes for finishing a reset on another device. Each reset link gets a code, printed
 * in the same email as `XXXX-XXXX`; `redeemResetCode` trades the code (with the address it was
 * sent to) for a fresh reset token, and at that moment the emailed link and code stop working.
 *
 * A code is only 40 bits, so three things guard it:
 * - it is stored as an HMAC under `HMAC_KEY`, a Worker secret not kept in D1, over the
 *   normalised address and the code, so a stolen table reverses nothing and a hash matches one
 *   address only;
 * - each typed address, with or without an account, has a guess budget per code: 5 guesses from
 *   each network, and 20 from all networks together; past either, even the right code is refused
 *   until a new reset request. Networks the address signed in from lately are held only by their
 *   own 5, so an attacker guessing from many networks cannot kill the code for its owner there
 *   (docs/reset-codes.md has the numbers);
 * - every redeem does the same work, three HMACs, one lookup and one D1 batch of four
 *   statements, whatever the outcome, so neither the answer nor its timing says whether an
 *   address has an account.
 *
 * The code is never logged: it exists in clear only in this function's caller and in the email.
 *
 * @example
 * const { code, codeHash, resetGuesses } = await createResetCode(env, account.emailNormalized);
 * const redeemed = await redeemResetCode(env, { email, code }); // { token, accountId, expiresAt } | null
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { RESET_CODE_ALPHABET, RESET_CODE_GUESS_BUDGET, RESET_CODE_GUESS_CEILING, RESET_CODE_LENGTH } from "../../../shared/reset-code.ts";
import { readConfig } from "../config.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { computeKeyedHash } from "../crypto/keyed-hash.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { isTrustedNetwork } from "../sessions/trusted-clients.ts";
import { computeRequesterNetwork } from "./requester-network.ts";


export const RESET_CODE_QUERIES = {
  /** Counts a guess; a row older than one link lifetime starts again from one. */
  countGuess: `INSERT INTO reset_code_guesses (address_hash, guesses, expires_at) VALUES (?, 1, ?)
    ON CONFLICT (address_hash) DO UPDATE SET
      guesses = CASE WHEN reset_code_guesses.expires_at <= ? THEN 1 ELSE reset_code_guesses.guesses + 1 END,
      expires_at = CASE WHEN reset_code_guesses.expires_at <= ? THEN excluded.expires_at ELSE reset_code_guesses.expires_at END`,
  // The two statements below finish a redeem. The first marks the emailed link used with a nonce,
  // only while the guesses just counted are within budget (the network's own, and, for a network
  // the address is not trusted from, the address's ceiling); the second creates the fresh token
  // only where that nonce is present, so a losing or refused batch changes nothing.
  claimByCode: `UPDATE password_reset_tokens SET used_at = ?1, claim = ?2
    WHERE code_hash = ?3 AND used_at IS NULL AND expires_at > ?1
    AND (SELECT guesses FROM reset_code_guesses WHERE address_hash = ?4) <= ?5
    AND (?8 = 1 OR (SELECT guesses FROM reset_code_guesses WHERE address_hash = ?6) <= ?7)`,
  // The fresh token keeps the emailed link's client, expiry and requesting network, so the same
  // sign-ins revoke it as would have revoked the link.
  insertRedeemedToken: `INSERT INTO password_reset_tokens (token_hash, account_id, client, created_at, expires_at, requester_network)
    SELECT ?, account_id, client, ?, expires_at, requester_network FROM password_reset_tokens WHERE code_hash = ? AND claim = ?
    RETURNING account_id, expires_at`,
  /** A new link gives the address, and the network it was asked from, a new budget; run in the batch that stores the link. */
  resetGuesses: "DELETE FROM reset_code_guesses WHERE address_hash IN (?1, ?2)",
} as const;

export interface RedeemedResetCode {
  token: string;
  accountId: string;
  expiresAt: number;
}

/** Draws a new code: 8 characters from the 32-letter alphabet, 5 random bits each. */
export function generateResetCode(): string {
  return Array.from(random.bytes(RESET_CODE_LENGTH), (byte) => RESET_CODE_ALPHABET[byte % 32]).join("");
}

/**
 * A new code for an address: the code for the email, the keyed hash to store with the link, and
 * the statement that gives the address, and the network the link was asked from, a fresh guess
 * budget, for the batch that stores the link. Other networks keep their count until it expires:
 * asking for a new email from your own network gives you your guesses back, not an attacker.
 */
export async function createResetCode(
  env: Env,
  emailNormalized: string,
  requesterNetwork: string | null,
): Promise<{ code: string; codeHash: string; resetGuesses: D1PreparedStatement }> {
  const code = generateResetCode();
  const [codeHash, addressHash, networkHash] = await Promise.all([
    hashResetCode(env, emailNormalized, code),
    hashGuessingAddress(env, emailNormalized),
    hashGuessingNetwork(env, emailNormalized, requesterNetwork),
  ]);
  return { code, codeHash, resetGuesses: env.DB.prepare(RESET_CODE_QUERIES.resetGuesses).bind(addressHash, networkHash) };
}

/** The keyed hash of a canonical code, bound to the normalised address it was sent to. */
export function hashResetCode(env: Env, emailNormalized: string, code: string): Promise<string> {
  return computeKeyedHash(env, "reset-code", `code\n${emailNormalized}\n${code}`);
}

/** The key of an address's guess counter, all networks together. */
export function hashGuessingAddress(env: Env, emailNormalized: string): Promise<string> {
  return computeKeyedHash(env, "reset-code", `address\n${emailNormalized}`);
}

/** The key of one network's guess counter for an address; `requesterNetwork` is the network's keyed hash, or null when unparseable. */
export function hashGuessingNetwork(env: Env, emailNormalized: string, requesterNetwork: string | null): Promise<string> {
  return computeKeyedHash(env, "reset-code", `network\n${emailNormalized}\n${requesterNetwork ?? "unparseable"}`);
}

/**
 * Trades a canonical code for a fresh reset token that expires with the emailed link. Returns
 * null for a wrong, used, revoked or expired code, an address without an account, and any guess
 * past the budget, all after the same work. D1 failures propagate: an outage is not a bad code.
 */
export async function redeemResetCode(env: Env, input: { email: string; code: string; ip: string }): Promise<RedeemedResetCode | null> {
  const emailNormalized = normalizeEmail(input.email);
  const requesterNetwork = await computeRequesterNetwork(env, input.ip);
  const [addressHash, networkHash, codeHash, trusted] = await Promise.all([
    hashGuessingAddress(env, emailNormalized),
    hashGuessingNetwork(env, emailNormalized, requesterNetwork),
    hashResetCode(env, emailNormalized, input.code),
    isTrustedNetwork(env, emailNormalized, requesterNetwork),
  ]);
  const now = clock.now();
  const token = generateToken();
  const claim = encodeBase64Url(random.bytes(16));
  const guessesExpireAt = now + readConfig(env).resetTokenTtlMs;
  const [, , , inserted] = await env.DB.batch([
    env.DB.prepare(RESET_CODE_QUERIES.countGuess).bind(addressHash, guessesExpireAt, now, now),
    env.DB.prepare(RESET_CODE_QUERIES.countGuess).bind(networkHash, guessesExpireAt, now, now),
    env.DB.prepare(RESET_CODE_QUERIES.claimByCode).bind(
      now,
      claim,
      codeHash,
      networkHash,
      RESET_CODE_GUESS_BUDGET,
      addressHash,
      RESET_CODE_GUESS_CEILING,
      trusted ? 1 : 0,
    ),
    env.DB.prepare(RESET_CODE_QUERIES.insertRedeemedToken).bind(await hashToken(token), now, codeHash, claim),
  ]);
  const row = (inserted?.results as { account_id: string; expires_at: number }[] | undefined)?.[0];
  return row ? { token, accountId: row.account_id, expiresAt: row.expires_at } : null;
}
