/**
 * `POST /api/v1/password-resets/redeem-code {email, code}`: the cross-device half of a reset.
 * A right code answers 200 with a fresh reset token for verify and confirm; every kind of wrong
 * answer is the same 400 `code_invalid`, byte for byte, and too many attempts from one network
 * get 429.
 *
 * @example
 * registerRedeemCodeRoute(router); // in worker/src/router.ts
 */
import { ApiPath, redeemResetCodeRequestSchema, type RedeemResetCodeResponse } from "../../../shared/contract.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { RESET_CODE_GUESS_BUDGET } from "../../../shared/reset-code.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { readClientIp } from "../http/client-ip.ts";
import { readJsonBody } from "../http/json-body.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import type { AppRouter } from "../http/app-router.ts";
import { redeemResetCodeFromNetwork } from "./code-redemption.ts";

const NO_STORE = { "cache-control": "no-store" } as const;


/** Adds the redeem-code endpoint to the router. */
export function registerRedeemCodeRoute(router: AppRouter): void {
  router.post(ApiPath.redeemResetCode, async function handleRedeemResetCodeRequest(request, env) {
    const body = await readJsonBody(request, redeemResetCodeRequestSchema);
    const outcome = await redeemResetCodeFromNetwork(env, { ...body, ip: readClientIp(request) });
    if (outcome.ok) {
      const response: RedeemResetCodeResponse = {
        token: outcome.token,
        email: maskEmail(outcome.account.email),
        expiresAt: new Date(outcome.expiresAt).toISOString(),
      };
      return Response.json(response, { headers: NO_STORE });
    }
    if (outcome.reason === "rate_limited") {
      throw new ProblemError(429, ErrorCode.rateLimited, message("problem.tooManyCodes"), {
        headers: { "retry-after": String(outcome.retryAfterSeconds) },
      });
    }
    // One message for wrong, used, expired and over-budget codes and for unknown addresses.
    throw new ProblemError(400, ErrorCode.codeInvalid, message("resetCode.invalid", { budget: RESET_CODE_GUESS_BUDGET }));
  });
  router.all(ApiPath.redeemResetCode, rejectOtherMethods(["POST"]));
}
