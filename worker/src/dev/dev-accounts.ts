/**
 * `POST /dev/accounts {email, password}`: a verified account, made directly, for `npm start`'s
 * demo account and for tests that need someone to sign in as. The public sign-up cannot do that
 * job: it answers 202 for every address and makes no account until its email is confirmed.
 * Development only (dev-routes.ts registers it behind the same guard as /dev/mailbox).
 *
 * 201 with the new account (a pending sign-up for the address is dropped in the same batch);
 * 409 when the address already has an account. It never checks a password: every place that
 * does counts against the sign-in limits, and the seed has no business guessing. `npm start`
 * then signs in to see whether the demo password still works.
 *
 * @example
 * curl -s http://127.0.0.1:8787/dev/accounts -H 'content-type: application/json' \
 *   -d '{"email":"ada@example.com","password":"a long passphrase"}'   # 201 {"id":"…","email":"ada@example.com"}
 */
import type { AccountResponse } from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { describePasswordProblem } from "../../../shared/password-policy.ts";
import { createAccount } from "../accounts/accounts.ts";
import { prepareDeletePendingSignUp } from "../accounts/pending-sign-ups.ts";
import { readConfig } from "../config.ts";
import { hashPassword } from "../crypto/password-hash.ts";
import { readJsonBody } from "../http/json-body.ts";
import { ProblemError } from "../http/problem.ts";
import { devAccountRequestSchema } from "./dev-contract.ts";


/** Creates a verified account for the body's address and password (201), or answers 409 when the address has one. */
export async function handleDevAccountRequest(request: Request, env: Env): Promise<Response> {
  const { email, password } = await readJsonBody(request, devAccountRequestSchema);
  // The seed's accounts follow the same policy as everyone's, so they are ones a person could have made.
  const problem = describePasswordProblem(password, { minLength: readConfig(env).passwordMinLength, email });
  if (problem) throw new ProblemError(400, ErrorCode.passwordPolicy, problem, { errors: { password: problem } });

  const created = await createAccount(env, { email, passwordHash: await hashPassword(password) });
  if (!created) throw new ProblemError(409, ErrorCode.emailTaken, message("problem.emailTaken"));
  await prepareDeletePendingSignUp(env, email).run();
  const body: AccountResponse = { id: created.id, email: created.email };
  return Response.json(body, { status: 201, headers: { "cache-control": "no-store" } });
}
