/**
 * `POST /dev/accounts {email, password}`: a verified account, made directly, for `npm start`'s
 * demo account and for tests that need someone to sign in as. The public sign-up cannot do that
 * job: it answers 202 for every address and leaves the account unusable until its email is
 * confirmed. Development only (dev-routes.ts registers it behind the same guard as /dev/mailbox).
 *
 * 201 with the new account; 200 with the existing one when the address is already registered
 * with this same password (an unconfirmed sign-up among them is marked verified, since the seed
 * wants an account that signs in); 409 when the address has another password, which the seed
 * reports rather than overwrite.
 *
 * @example
 * curl -s http://127.0.0.1:8787/dev/accounts -H 'content-type: application/json' \
 *   -d '{"email":"ada@example.com","password":"a long passphrase"}'   # 201 {"id":"…","email":"ada@example.com"}
 */
import { createAccountRequestSchema, type AccountResponse } from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { describePasswordProblem } from "../../../shared/password-policy.ts";
import { createAccount, findAccountByEmail, type Account } from "../accounts/accounts.ts";
import { markAccountVerified } from "../accounts/verification-tokens.ts";
import { readConfig } from "../config.ts";
import { hashPassword, verifyPassword } from "../crypto/password-hash.ts";
import { readJsonBody } from "../http/json-body.ts";
import { ProblemError } from "../http/problem.ts";
import { clock } from "../platform/clock.ts";

/** The sign-up's own fields and checks; a seed has no client to send a link to. */
const devAccountRequestSchema = createAccountRequestSchema.pick({ email: true, password: true });

/** Creates (201) or confirms (200) a verified account for the body's address and password. */
export async function handleDevAccountRequest(request: Request, env: Env): Promise<Response> {
  const { email, password } = await readJsonBody(request, devAccountRequestSchema);
  // The seed's accounts follow the same policy as everyone's, so they are ones a person could have made.
  const problem = describePasswordProblem(password, { minLength: readConfig(env).passwordMinLength, email });
  if (problem) throw new ProblemError(400, ErrorCode.passwordPolicy, problem, { errors: { password: problem } });

  const existing = await findAccountByEmail(env, email);
  if (existing) return answerExisting(env, existing, password);
  const created = await createAccount(env, { email, passwordHash: await hashPassword(password), emailVerifiedAt: clock.now() });
  if (created) return answer(created, 201);
  // A concurrent request registered the address first.
  const raced = await findAccountByEmail(env, email);
  if (!raced) throw new Error("the account vanished while it was being seeded");
  return answerExisting(env, raced, password);
}

async function answerExisting(env: Env, account: Account, password: string): Promise<Response> {
  if (!(await verifyPassword(password, account.passwordHash)).valid) {
    throw new ProblemError(409, ErrorCode.invalidCredentials, "That address is already registered with another password.");
  }
  if (account.emailVerifiedAt === null) await markAccountVerified(env, account.id, clock.now());
  return answer(account, 200);
}

function answer(account: Account, status: 200 | 201): Response {
  const body: AccountResponse = { id: account.id, email: account.email };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
