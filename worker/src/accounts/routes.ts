/**
 * The account JSON API: `POST /api/v1/accounts` creates an account (SPEC §3). This is the edge:
 * it validates the body with the shared schema, applies the shared password policy and turns the
 * results into status codes. Creating an account sends no email.
 *
 * @example
 * registerAccountRoutes(router); // in worker/src/router.ts
 */
import { ApiPath, createAccountRequestSchema, type AccountResponse } from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { describePasswordProblem } from "../../../shared/password-policy.ts";
import { readConfig } from "../config.ts";
import { hashPassword } from "../crypto/password-hash.ts";
import { readJsonBody } from "../http/json-body.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import type { AppRouter } from "../http/app-router.ts";
import { createAccount } from "./accounts.ts";

/** Adds the account endpoints to the router. */
export function registerAccountRoutes(router: AppRouter): void {
  router.post(ApiPath.accounts, async function handleCreateAccount(request, env) {
    const { email, password } = await readJsonBody(request, createAccountRequestSchema);
    const problem = describePasswordProblem(password, { minLength: readConfig(env).passwordMinLength, email });
    if (problem) {
      throw new ProblemError(400, ErrorCode.passwordPolicy, problem, { errors: { password: problem } });
    }
    const account = await createAccount(env, { email, passwordHash: await hashPassword(password) });
    if (!account) {
      throw new ProblemError(409, ErrorCode.emailTaken, "That email address already has an account.", {
        errors: { email: "That email address already has an account." },
      });
    }
    const body: AccountResponse = { id: account.id, email: account.email };
    return Response.json(body, { status: 201, headers: { "cache-control": "no-store" } });
  });
  router.all(ApiPath.accounts, rejectOtherMethods(["POST"]));
}
