/**
 * Accepting a sign-up. The answer must not tell a new address from a taken one, in its bytes or
 * its timing, so the request path does only what depends on the input alone: the password policy,
 * the per-network limit, one hash of the password (the same work for every address), a staging
 * row and one message on the mail queue. It never looks the address up. The queue consumer, in
 * another invocation, does the rest (sign-up-delivery.ts): it creates the unverified account and
 * mails the verification link, or mails the owner of an existing account a note instead.
 *
 * The JSON API and the web sign-up page both call `requestSignUp`, so they share its rules and
 * its limit.
 *
 * @example
 * const result = await requestSignUp(env, { email, password, client: "web", ip: readClientIp(request) });
 * if (result.ok) return accepted(); // 202 {"status":"accepted"}, whatever the address
 */
import type { ResetClient } from "../../../shared/contract.ts";
import type { Message } from "../../../shared/i18n/translator.ts";
import { hashPassword } from "../crypto/password-hash.ts";
import { toJobLanguage, type RequestLanguage } from "../i18n/request-language.ts";
import { enqueueMail } from "../jobs/mail-jobs.ts";
import { findNewPasswordProblem } from "../passwords/new-password.ts";
import { clock } from "../platform/clock.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { storeSignUpRequest } from "./sign-up-requests.ts";

export type SignUpResult =
  | { ok: true }
  | { ok: false; reason: "password_policy"; message: Message }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** Checks, limits, hashes and queues a sign-up; the input is already schema-validated. */
export async function requestSignUp(
  env: Env,
  input: { email: string; password: string; client: ResetClient; ip: string; language: RequestLanguage },
): Promise<SignUpResult> {
  // The policy and the breach check depend only on what was typed, so a refusal tells nothing about the address.
  const problem = await findNewPasswordProblem(env, input.password, input.email);
  if (problem) return { ok: false, reason: "password_policy", message: problem };
  const perNetwork = await consumeRateLimit(env, "sign-up-per-network", input.ip);
  if (!perNetwork.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perNetwork.retryAfterSeconds };

  const requestedAt = clock.now();
  const requestId = crypto.randomUUID();
  await storeSignUpRequest(env, {
    id: requestId,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    client: input.client,
    requestedAt,
  });
  await enqueueMail(env, { kind: "sign_up", requestId, requestedAt, ...toJobLanguage(input.language) });
  return { ok: true };
}
