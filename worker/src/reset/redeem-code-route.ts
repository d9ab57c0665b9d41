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
import { maskEmail } from "../../../shared/email-address.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { readClientIp } from "../http/client-ip.ts";
import { readJsonBody } from "../http/json-body.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import type { AppRouter } from "../http/app-router.ts";
import { redeemResetCodeFromNetwork } from "./code-redemption.ts";

const NO_STORE = { "cache-control": "no-store" } as const;

/** The one message for wrong, used, expired and over-budget codes and for unknown addresses. */
export const CODE_INVALID_DETAIL =
  "This code is not valid for that address. Codes stop working when the link is used, when they expire, and after 5 wrong tries; ask for a new email if needed.";

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
      throw new ProblemError(429, ErrorCode.rateLimited, "Too many code attempts from your network. Try again later.", {
        headers: { "retry-after": String(outcome.retryAfterSeconds) },
      });
    }
    throw new ProblemError(400, ErrorCode.codeInvalid, CODE_INVALID_DETAIL);
  });
  router.all(ApiPath.redeemResetCode, rejectOtherMethods(["POST"]));
}
