/**
 * The mail-queue consumer's part of a sign-up (the `sign_up` job): everything that depends on
 * whether the address has an account, done away from the request that answered 202.
 *
 *  - No account: creates an unverified one with the sign-up's password and mails a verification
 *    link.
 *  - An unverified account: the newest sign-up wins. Its password replaces the older one and a
 *    new link replaces the older links. Whoever controls the mailbox gets the link, and it works
 *    only with the newest password (email-verification.ts), so an account is never verified with a
 *    password chosen by someone who did not control the mailbox.
 *  - A verified account: nothing changes; its owner gets a note, with no token.
 *
 * Mail goes to the address stored on the account, never to the one typed. Each address gets at
 * most a few sign-up emails an hour, counted once per sign-up (a retried send does not count
 * again), so sign-ups cannot bomb a mailbox. The staging row is deleted once the job is done;
 * a redelivered job finds its delivery record "sent" and never runs this twice (mail-consumer.ts).
 *
 * @example
 * MAIL_JOB_HANDLERS.sign_up = deliverSignUp; // in worker/src/mail/mail-job-handlers.ts
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import type { MailJob, MailJobContext, MailJobOutcome } from "../mail/mail-jobs.ts";
import type { DeliveryAttempt } from "../mail/mailer.ts";
import { sendSignUpNoticeEmail, sendVerificationEmail } from "../mail/notifications.ts";
import { clock } from "../platform/clock.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { createAccount, findAccountByEmail, replaceUnverifiedPassword, type Account } from "./accounts.ts";
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
  const outcome = await handleSignUpRequest(env, request, context, { id: job.id, attempts: context.attempts });
  // A temporary failure keeps the row for the next attempt; anything else is final.
  if (outcome.status !== "retry") await deleteSignUpRequest(env, request.id);
  return outcome;
}

async function handleSignUpRequest(
  env: Env,
  request: SignUpRequest,
  context: MailJobContext,
  attempt: DeliveryAttempt,
): Promise<MailJobOutcome> {
  if (!context.resumed) {
    const perEmail = await consumeRateLimit(env, "sign-up-per-email", normalizeEmail(request.email));
    if (!perEmail.allowed) return { status: "skipped", reason: "address_limit", to: request.email };
  }
  const account = await adoptSignUp(env, request);
  if (account === "superseded") return { status: "skipped", reason: "superseded", to: request.email };
  if (account.emailVerifiedAt !== null) return sendSignUpNoticeEmail(env, { to: account.email }, attempt);
  return issueVerification(env, account, request, attempt);
}

/**
 * The account this sign-up is for, after the sign-up has had its effect: a new unverified
 * account, an unverified one now holding this sign-up's password, or a verified one, untouched.
 * "superseded" when a newer sign-up already set the password of the unverified account.
 */
async function adoptSignUp(env: Env, request: SignUpRequest): Promise<Account | "superseded"> {
  const existing = await findAccountByEmail(env, request.email);
  if (existing && existing.emailVerifiedAt !== null) return existing;
  if (!existing) {
    const created = await createAccount(env, {
      email: request.email,
      passwordHash: request.passwordHash,
      emailVerifiedAt: null,
      passwordChangedAt: request.requestedAt,
    });
    if (created) return created;
  }
  // An unverified account, perhaps one a concurrent sign-up created a moment ago.
  const unverified = existing ?? (await requireAccount(env, request.email));
  const updated = await replaceUnverifiedPassword(env, {
    accountId: unverified.id,
    passwordHash: request.passwordHash,
    chosenAt: request.requestedAt,
  });
  if (updated) return updated;
  // Nothing changed: it was verified meanwhile, or a newer sign-up holds it.
  const current = await requireAccount(env, request.email);
  return current.emailVerifiedAt !== null ? current : "superseded";
}

async function requireAccount(env: Env, email: string): Promise<Account> {
  const account = await findAccountByEmail(env, email);
  // Only a deletion racing this job gets here; the queue retries it.
  if (!account) throw new Error("the account of a sign-up disappeared while it was handled");
  return account;
}

/**
 * Revokes the account's older links, stores a new one and mails it: one send attempt. Like a
 * reset link, each attempt makes a fresh token whose lifetime starts now, so a sign-up that
 * waited out a provider outage still arrives with a link good for the full day.
 */
async function issueVerification(env: Env, account: Account, request: SignUpRequest, attempt: DeliveryAttempt): Promise<MailJobOutcome> {
  const token = generateToken();
  const createdAt = clock.now();
  const stored = await storeVerificationToken(env, {
    tokenHash: await hashToken(token),
    accountId: account.id,
    passwordHash: request.passwordHash,
    createdAt,
    expiresAt: createdAt + VERIFICATION_TOKEN_TTL_MS,
  });
  // A newer sign-up took the account over since it was adopted; that one sends the link.
  if (!stored) return { status: "skipped", reason: "superseded", to: request.email };
  return sendVerificationEmail(env, { to: account.email, token, client: request.client, lifetimeMs: VERIFICATION_TOKEN_TTL_MS }, attempt);
}
