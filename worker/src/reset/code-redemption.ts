/**
 * Redeeming an emailed code, as the JSON API and the web page both do it: the per-network
 * limit first, then the exchange in `reset-codes.ts`. The outcome is a typed union; only the
 * edges turn it into a status code or a page.
 *
 * @example
 * const outcome = await redeemResetCodeFromNetwork(env, { email, code, ip: readClientIp(request) });
 * if (outcome.ok) showResetForm(outcome.token);
 */
import { findAccountById, type Account } from "../accounts/accounts.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { redeemResetCode } from "./reset-codes.ts";

export type RedeemCodeOutcome =
  | { ok: true; token: string; account: Account; expiresAt: number }
  | { ok: false; reason: "code_invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** Counts the attempt against the network, then trades a canonical code for a fresh reset token. */
export async function redeemResetCodeFromNetwork(
  env: Env,
  input: { email: string; code: string; ip: string },
): Promise<RedeemCodeOutcome> {
  const limit = await consumeRateLimit(env, "redeem-code-per-network", input.ip);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const redeemed = await redeemResetCode(env, input);
  if (!redeemed) return { ok: false, reason: "code_invalid" };
  // Only a right code gets here, so this lookup tells an attacker nothing a 200 does not.
  const account = await findAccountById(env, redeemed.accountId);
  if (!account) return { ok: false, reason: "code_invalid" };
  return { ok: true, token: redeemed.token, account, expiresAt: redeemed.expiresAt };
}
