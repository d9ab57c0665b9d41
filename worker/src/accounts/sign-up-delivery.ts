/**
 * The mail-queue consumer's part of a sign-up (the `sign_up` job): everything that depends on
 * whether the address has an account, done away from the request that answered 202.
 *
 *  - No account: the sign-up becomes the address's pending sign-up (no account yet, see
 *    pending-sign-ups.ts), and a verification link is mailed. If the address already has a
 *    pending sign-up, the newest sign-up wins: its password replaces the older one and a new link
 *    replaces the older links. Whoever controls the mailbox gets the link, and it works only with
 *    the newest password (email-verification.ts), so an account is never created with a password
 *    chosen by someone who did not control the mailbox.
 *  - An account: nothing changes; its owner gets a note, with no token.
 *
 * Mail goes to the address stored on the account, never to the one typed. Each address gets at
 * most a few sign-up emails an hour, counted once per sign-up (a retried send does not count
 * again), so sign-ups cannot bomb a mailbox. The staging row is deleted once the job is done;
 * a redelivered job finds its delivery record "sent" and never runs this twice (mail-consumer.ts).
 *
 * @example
 * MAIL_JOB_HANDLERS.sign_up = deliverSignUp; // in worker/src/job-handlers.ts
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { readAccountLanguage } from "../i18n/account-language.ts";
import { fromJobLanguage } from "../i18n/request-language.ts";
import type { MailJob, MailJobContext, MailJobOutcome } from "../jobs/mail-jobs.ts";
import type { DeliveryAttempt } from "../mail/mailer.ts";
import { sendSignUpNoticeEmail, sendVerificationEmail, type EmailLanguage } from "../mail/notifications.ts";
import { clock } from "../platform/clock.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { findAccountByEmail, generateAccountId } from "./accounts.ts";
import { adoptPendingSignUp, type PendingSignUp } from "./pending-sign-ups.ts";
import { deleteSignUpRequest, findSignUpRequest, type SignUpRequest } from "./sign-up-requests.ts";
import { storeVerificationToken, VERIFICATION_TOKEN_TTL_MS } from "./verification-tokens.ts";

/** Handles one attempt of a `sign_up` job. */
export async function deliverSignUp(
  env: Env,
  job: Extract<MailJob, { kind: "sign_up" }>,
  context: MailJobContext,
): Promise<MailJobOutcome> {
  const request = await findSignUpRequest(env, job.requestId);
  if (!request) return { status: "skipped", reason: "request_gone", to: null };
  const outcome = await handleSignUpRequest(env, request, job, context, { id: job.id, attempts: context.attempts });
  // A temporary failure keeps the row for the next attempt; anything else is final.
  if (outcome.status !== "retry") await deleteSignUpRequest(env, request.id);
  return outcome;
}

async function handleSignUpRequest(
  env: Env,
  request: SignUpRequest,
  job: Extract<MailJob, { kind: "sign_up" }>,
  context: MailJobContext,
  attempt: DeliveryAttempt,
): Promise<MailJobOutcome> {
  if (!context.resumed) {
    const perEmail = await consumeRateLimit(env, "sign-up-per-email", normalizeEmail(request.email));
    if (!perEmail.allowed) return { status: "skipped", reason: "address_limit", to: request.email };
  }
  const account = await findAccountByEmail(env, request.email);
  // The owner did not ask for this note, so it is in the account's language, not the sign-up's.
  if (account) return sendSignUpNoticeEmail(env, { to: account.email, language: readAccountLanguage(env, account) }, attempt);
  const pending = await adoptPendingSignUp(env, {
    id: generateAccountId(),
    email: request.email,
    passwordHash: request.passwordHash,
    chosenAt: request.requestedAt,
    now: clock.now(),
    locale: job.localeStated && job.locale ? job.locale : null,
  });
  if (!pending) return { status: "skipped", reason: "superseded", to: request.email };
  return issueVerification(env, pending, request, fromJobLanguage(job), attempt);
}

/**
 * Revokes the pending sign-up's older links, stores a new one and mails it: one send attempt.
 * Like a reset link, each attempt makes a fresh token whose lifetime starts now, so a sign-up
 * that waited out a provider outage still arrives with a link good for the full day.
 */
async function issueVerification(
  env: Env,
  signUp: PendingSignUp,
  request: SignUpRequest,
  language: EmailLanguage,
  attempt: DeliveryAttempt,
): Promise<MailJobOutcome> {
  const token = generateToken();
  const createdAt = clock.now();
  const stored = await storeVerificationToken(env, {
    tokenHash: await hashToken(token),
    signUpId: signUp.id,
    passwordHash: request.passwordHash,
    createdAt,
    expiresAt: createdAt + VERIFICATION_TOKEN_TTL_MS,
  });
  // A newer sign-up took the address over since it was adopted; that one sends the link.
  if (!stored) return { status: "skipped", reason: "superseded", to: request.email };
  const expiresAt = createdAt + VERIFICATION_TOKEN_TTL_MS;
  return sendVerificationEmail(env, { to: signUp.email, token, client: request.client, lifetimeMs: VERIFICATION_TOKEN_TTL_MS, expiresAt, language }, attempt);
}
