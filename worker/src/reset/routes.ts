/**
 * The password-reset JSON API: request, verify and confirm. This is the edge: it
 * validates bodies with the shared schemas and turns the flow's typed results into status codes.
 *
 * @example
 * registerPasswordResetRoutes(router); // in worker/src/router.ts
 */
import {
  ApiPath,
  confirmResetRequestSchema,
  passwordResetRequestSchema,
  verifyResetRequestSchema,
  type PasswordResetAcceptedResponse,
  type VerifyResetResponse,
} from "../../../shared/contract.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readApiLocale } from "../i18n/request-locale.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { readJsonBody } from "../http/json-body.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import type { AppRouter } from "../http/app-router.ts";
import { confirmPasswordReset, requestPasswordReset, verifyPasswordResetToken } from "./password-reset.ts";

const NO_STORE = { "cache-control": "no-store" } as const;

/** Adds the three password-reset endpoints to the router. */
export function registerPasswordResetRoutes(router: AppRouter): void {
  router.post(ApiPath.passwordResets, async function handlePasswordResetRequest(request, env) {
    const body = await readJsonBody(request, passwordResetRequestSchema);
    const outcome = await requestPasswordReset(env, {
      email: body.email,
      client: body.client ?? "web",
      ip: readClientIp(request),
      language: { ...readApiLocale(request, env), timeZone: body.timeZone },
    });
    if (!outcome.accepted) {
      throw new ProblemError(429, ErrorCode.rateLimited, message("problem.tooManyResetRequests"), {
        headers: { "retry-after": String(outcome.retryAfterSeconds) },
      });
    }
    // The same bytes whether or not the address has an account.
    return Response.json({ status: "accepted" } satisfies PasswordResetAcceptedResponse, { status: 202, headers: NO_STORE });
  });
  router.all(ApiPath.passwordResets, rejectOtherMethods(["POST"]));

  router.post(ApiPath.verifyReset, async function handleVerifyResetRequest(request, env) {
    const body = await readJsonBody(request, verifyResetRequestSchema);
    const reset = await verifyPasswordResetToken(env, body.token);
    if (!reset) throw tokenInvalid();
    const response: VerifyResetResponse = {
      email: maskEmail(reset.account.email),
      expiresAt: new Date(reset.expiresAt).toISOString(),
      passwordMinLength: readConfig(env).passwordMinLength,
    };
    return Response.json(response, { headers: NO_STORE });
  });
  router.all(ApiPath.verifyReset, rejectOtherMethods(["POST"]));

  router.post(ApiPath.confirmReset, async function handleConfirmResetRequest(request, env, ctx) {
    const body = await readJsonBody(request, confirmResetRequestSchema);
    const result = await confirmPasswordReset(env, ctx, body);
    if (result.ok) {
      await rememberStatedLocale(env, result.account.id, readApiLocale(request, env));
      return new Response(null, { status: 204, headers: NO_STORE });
    }
    if (result.reason === "password_policy") {
      throw new ProblemError(400, ErrorCode.passwordPolicy, result.message, { errors: { password: result.message } });
    }
    throw tokenInvalid();
  });
  router.all(ApiPath.confirmReset, rejectOtherMethods(["POST"]));
}

/** One answer for unknown, expired and used tokens alike. */
function tokenInvalid(): ProblemError {
  return new ProblemError(410, ErrorCode.tokenInvalid, message("problem.resetLinkInvalid"));
}
