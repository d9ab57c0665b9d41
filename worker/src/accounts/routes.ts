/**
 * The account JSON API: `POST /api/v1/accounts` (sign-up) and `POST /api/v1/accounts/verify`
 * (confirming the address). This is the edge: it validates bodies with the shared schemas and
 * turns the typed results of sign-up.ts and email-verification.ts into status codes.
 *
 * A sign-up answers the same `202 {"status":"accepted"}`, byte for byte, whether or not the
 * address has an account: only the email that follows differs, and only its owner reads it.
 *
 * @example
 * registerAccountRoutes(router); // in worker/src/router.ts
 */
import {
  ApiPath,
  createAccountRequestSchema,
  verifyEmailRequestSchema,
  type AccountResponse,
  type SignUpAcceptedResponse,
} from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readApiLocale } from "../i18n/request-locale.ts";
import { readClientIp } from "../http/client-ip.ts";
import { readJsonBody } from "../http/json-body.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import type { AppRouter } from "../http/app-router.ts";
import { verifyEmail } from "./email-verification.ts";
import { requestSignUp } from "./sign-up.ts";

const NO_STORE = { "cache-control": "no-store" } as const;

/** Adds the sign-up and verify endpoints to the router. */
export function registerAccountRoutes(router: AppRouter): void {
  router.post(ApiPath.accounts, async function handleSignUp(request, env) {
    const body = await readJsonBody(request, createAccountRequestSchema);
    const result = await requestSignUp(env, {
      email: body.email,
      password: body.password,
      client: body.client ?? "web",
      ip: readClientIp(request),
      language: { ...readApiLocale(request, env), timeZone: body.timeZone },
    });
    if (!result.ok && result.reason === "password_policy") {
      throw new ProblemError(400, ErrorCode.passwordPolicy, result.message, { errors: { password: result.message } });
    }
    if (!result.ok) {
      throw new ProblemError(429, ErrorCode.rateLimited, message("problem.tooManySignUps"), {
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
    return Response.json({ status: "accepted" } satisfies SignUpAcceptedResponse, { status: 202, headers: NO_STORE });
  });
  router.all(ApiPath.accounts, rejectOtherMethods(["POST"]));

  router.post(ApiPath.verifyEmail, async function handleVerifyEmail(request, env) {
    const body = await readJsonBody(request, verifyEmailRequestSchema);
    const result = await verifyEmail(env, body, { ip: readClientIp(request), deviceToken: null });
    if (result.ok) {
      await rememberStatedLocale(env, result.account.id, readApiLocale(request, env));
      const response: AccountResponse = { id: result.account.id, email: result.account.email };
      return Response.json(response, { headers: NO_STORE });
    }
    if (result.reason === "rate_limited") {
      throw new ProblemError(429, ErrorCode.rateLimited, message("problem.tooManyPasswordAttempts"), {
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
    if (result.reason === "wrong_password") {
      const wrongPassword = message("verifyEmail.wrongPassword");
      throw new ProblemError(401, ErrorCode.invalidCredentials, wrongPassword, { errors: { password: wrongPassword } });
    }
    // One answer for unknown, expired, used and worn-out links alike.
    throw new ProblemError(410, ErrorCode.tokenInvalid, message("problem.verificationLinkInvalid"));
  });
  router.all(ApiPath.verifyEmail, rejectOtherMethods(["POST"]));
}
