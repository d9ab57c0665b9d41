/**
 * Signing in with email and password. Every failure looks the same to the caller
 * (`invalid_credentials`), and an unknown address costs the same hashing work as a wrong
 * password, so neither the answer nor its timing reveals which addresses have accounts. A
 * sign-up whose address is not confirmed yet is no account at all (accounts/pending-sign-ups.ts),
 * so it gets that same answer: nobody can tell a registered address from one just signed up.
 * A password locked by "this wasn't me" is treated like an unknown address too: the same work,
 * the same answer, counted as a failure, so someone who knows it learns nothing and gets nowhere.
 * Guessing is limited per network and per address before any hashing (sign-in-limits.ts).
 *
 * A successful sign-in revokes the reset links that were asked for from its own network (a
 * narrower rule than revoking every link: reset/requester-network.ts says why), upgrades a hash
 * made under older parameters, and trusts the client's network and device for the address
 * (trusted-clients.ts), handing back the device token to keep.
 *
 * @example
 * const result = await signIn(env, { email, password, ip: readClientIp(request), deviceToken });
 * if (result.ok) return { token: result.token, expiresAt: result.session.expiresAt, deviceToken: result.deviceToken };
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { isTokenShape } from "../../../shared/token-shape.ts";
import { ACCOUNT_QUERIES, findAccountByEmail, upgradePasswordHash } from "../accounts/accounts.ts";
import { hashPassword, verifyPassword, verifyPasswordAgainstNothing } from "../crypto/password-hash.ts";
import { generateToken } from "../crypto/token.ts";
import { computeRequesterNetwork } from "../reset/requester-network.ts";
import { prepareSignInRevocation } from "../reset/reset-tokens.ts";
import { prepareSignInSession, type Session } from "./session.ts";
import { admitSignInAttempt, clearTrustedClientFailures, forgiveSignInAttempt } from "./sign-in-limits.ts";
import { rememberTrustedClient, type SignInClient } from "./trusted-clients.ts";

export type SignInResult =
  | { ok: true; token: string; session: Session; accountId: string; deviceToken: string }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const INVALID_CREDENTIALS = { ok: false, reason: "invalid_credentials" } as const;

/** Checks credentials and, when they are right, starts a session. Never throws for bad input. */
export async function signIn(
  env: Env,
  input: { email: string; password: string; ip: string; deviceToken?: string | null | undefined },
): Promise<SignInResult> {
  const emailNormalized = normalizeEmail(input.email);
  const client: SignInClient = { ip: input.ip, deviceToken: isTokenShape(input.deviceToken) ? input.deviceToken : null };
  // The limits come first and count the attempt as a failure, so guessing is capped before any
  // hashing; only a success below takes the failure back (sign-in-limits.ts).
  const admission = await admitSignInAttempt(env, emailNormalized, client);
  if (!admission.admitted) return { ok: false, reason: "rate_limited", retryAfterSeconds: admission.retryAfterSeconds };

  const account = await findAccountByEmail(env, input.email);
  if (!account || account.passwordLockedAt !== null) {
    await verifyPasswordAgainstNothing(input.password);
    return INVALID_CREDENTIALS;
  }
  const { valid, needsRehash } = await verifyPassword(input.password, account.passwordHash);
  if (!valid) return INVALID_CREDENTIALS;

  const { token, session, statement } = await prepareSignInSession(env, { accountId: account.id, verifiedPasswordHash: account.passwordHash });
  const revocation = prepareSignInRevocation(env, {
    accountId: account.id,
    verifiedPasswordHash: account.passwordHash,
    signInNetwork: await computeRequesterNetwork(env, input.ip),
  });
  // One batch: the new session exists only if this network's reset links are gone, and vice
  // versa. Both hold only while the verified password is still the account's and not locked;
  // if a reset or "this wasn't me" landed during the hash, neither happens and the attempt
  // stays counted as a failure.
  const [, stored] = await env.DB.batch([
    revocation,
    statement,
    env.DB.prepare(ACCOUNT_QUERIES.recordSignIn).bind(session.createdAt, account.id, session.tokenHash),
  ]);
  if (stored?.meta.changes !== 1) return INVALID_CREDENTIALS;

  await forgiveSignInAttempt(env, admission.attempt);
  const deviceToken = client.deviceToken ?? generateToken();
  await clearTrustedClientFailures(env, emailNormalized, await rememberTrustedClient(env, emailNormalized, { ip: input.ip, deviceToken }));
  if (needsRehash) await upgradePasswordHash(env, account, await hashPassword(input.password));
  return { ok: true, token, session, accountId: account.id, deviceToken };
}
