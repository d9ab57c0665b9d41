/**
 * Changing a password one still knows, signed in: `POST /api/v1/me/password` and the web
 * `/account` form both come here. The current password is checked the way a sign-in checks it,
 * under the same limits (sessions/sign-in-limits.ts), so the form is no side door for guessing:
 * a wrong one counts as a failed sign-in of the address, and a password locked by "this wasn't
 * me" gets the same refusal after the same work. The new one passes the same checks as on
 * reset: the shared policy and the breached-password check.
 *
 * The change is one D1 batch: the new hash (only while the checked hash is still the account's),
 * then every other session and every live reset link, only where that new hash is in place. The
 * session that made the change stays. Then the "password changed" email, with its "this wasn't
 * me" link, goes on the mail queue, and the networks and devices trusted for sign-in are
 * forgotten, as after a reset.
 *
 * @example
 * const result = await changePassword(env, ctx, { account, session, currentPassword, newPassword }, { ip, deviceToken });
 * if (result.ok) return new Response(null, { status: 204 });
 */
import type { Message } from "../../../shared/i18n/translator.ts";
import { hashPassword, verifyPassword, verifyPasswordAgainstNothing } from "../crypto/password-hash.ts";
import { announceWebhookEvents, describeWebhookEvent } from "../webhooks/webhook-events.ts";
import { enqueueMail } from "../jobs/mail-jobs.ts";
import { findNewPasswordProblem } from "../passwords/new-password.ts";
import { runInBackground } from "../platform/background.ts";
import { clock } from "../platform/clock.ts";
import { RESET_TOKEN_QUERIES } from "../reset/reset-tokens.ts";
import { SESSION_QUERIES, type Session } from "../sessions/session.ts";
import { admitSignInAttempt, forgiveSignInAttempt } from "../sessions/sign-in-limits.ts";
import { forgetTrustedClients, type SignInClient } from "../sessions/trusted-clients.ts";
import { ACCOUNT_QUERIES, type Account } from "./accounts.ts";

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "password_policy"; message: Message };

/** Checks the current password under the sign-in limits and, when it is right, sets the new one. */
export async function changePassword(
  env: Env,
  ctx: ExecutionContext,
  input: { account: Account; session: Session; currentPassword: string; newPassword: string },
  client: SignInClient,
): Promise<ChangePasswordResult> {
  const { account, session } = input;
  const admission = await admitSignInAttempt(env, account.emailNormalized, client);
  if (!admission.admitted) return { ok: false, reason: "rate_limited", retryAfterSeconds: admission.retryAfterSeconds };
  if (account.passwordLockedAt !== null) {
    await verifyPasswordAgainstNothing(input.currentPassword);
    return { ok: false, reason: "invalid_credentials" };
  }
  if (!(await verifyPassword(input.currentPassword, account.passwordHash)).valid) return { ok: false, reason: "invalid_credentials" };
  // The password was right: whatever follows, this attempt was no guess.
  await forgiveSignInAttempt(env, admission.attempt);

  const problem = await findNewPasswordProblem(env, input.newPassword, account.email);
  if (problem) return { ok: false, reason: "password_policy", message: problem };
  const passwordHash = await hashPassword(input.newPassword);
  const changedAt = clock.now();
  // The `password.changed` event is stored by the batch that changes the password, only if it does.
  const event = describeWebhookEvent(env, "password.changed", `password.changed:${account.id}:${changedAt}`, { accountId: account.id, email: account.email }, changedAt);
  const [changed] = await env.DB.batch([
    env.DB.prepare(ACCOUNT_QUERIES.changePassword).bind(passwordHash, changedAt, account.id, account.passwordHash),
    env.DB.prepare(SESSION_QUERIES.deleteOthersIfPasswordIs).bind(account.id, session.tokenHash, passwordHash),
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteLiveIfPasswordIs).bind(account.id, passwordHash),
    ...(event ? [env.DB.prepare(ACCOUNT_QUERIES.passwordChangedEvent).bind(...event.values, account.id, passwordHash, changedAt)] : []),
  ]);
  // A reset or "this wasn't me" landed while the password was being checked: nothing changed.
  if (changed?.meta.changes !== 1) return { ok: false, reason: "invalid_credentials" };
  await announceWebhookEvents(env, [event]);

  await forgetTrustedClients(env, account.emailNormalized);
  // The password is already changed; a queue hiccup must not turn that into an error.
  ctx.waitUntil(
    runInBackground("queueing the password changed email", () =>
      enqueueMail(env, { kind: "password_changed", accountId: account.id, changedAt }).then(() => undefined),
    ),
  );
  return { ok: true };
}
