/**
 * The document's reset operations (worker/src/reset/routes.ts, redeem-code-route.ts): ask for a
 * link, verify its token, confirm a new password, and trade an emailed code for a fresh token.
 */
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  acceptedResponseSchema,
  ApiPath,
  confirmResetRequestSchema,
  passwordResetRequestSchema,
  redeemResetCodeRequestSchema,
  redeemResetCodeResponseSchema,
  verifyResetRequestSchema,
  verifyResetResponseSchema,
} from "../../../../shared/contract.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { message } from "../../../../shared/i18n/translator.ts";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "../../../../shared/password-policy.ts";
import { RESET_CODE_EXAMPLE, RESET_CODE_GUESS_BUDGET } from "../../../../shared/reset-code.ts";
import { rateLimited, type ProblemAnswer } from "../answers.ts";
import { describeOperation, EXAMPLE_INSTANT, EXAMPLE_TOKEN, TAGS } from "../operation.ts";
import { passwordPolicyProblem } from "./accounts.ts";

const TOKEN_INVALID: ProblemAnswer = {
  status: 410,
  description: "`token_invalid`: one answer for unknown, expired and used tokens alike. Ask for a new link.",
  examples: [{ code: ErrorCode.tokenInvalid, summary: "Dead link", detail: message("problem.resetLinkInvalid") }],
};

export const PASSWORD_RESET_PATHS: ZodOpenApiPathsObject = {
  [ApiPath.passwordResets]: {
    post: describeOperation({
      operationId: "requestPasswordReset",
      tag: TAGS.passwordResets,
      summary: "Ask for a reset link",
      description:
        "Queues a reset email and answers at once. The answer is byte-identical whether or not the address has an account, and nothing that depends on the account runs before it: the queue's consumer looks the address up, revokes older links and sends the link (valid RESET_TOKEN_TTL_MINUTES, default 30, from the moment it is sent) and a one-time code. `timeZone` names the asker's zone, so the email gives the link's expiry in their time.",
      rejectsOtherMethods: true,
      body: {
        schema: passwordResetRequestSchema,
        examples: {
          web: { summary: "From the web", value: { email: "ada@example.com" } },
          desktop: { summary: "From the desktop app, with a time zone", value: { email: "ada@example.com", client: "desktop", timeZone: "Europe/Berlin" } },
        },
      },
      success: {
        status: 202,
        description: "Accepted: the same bytes for every address.",
        schema: acceptedResponseSchema,
        examples: { accepted: { value: { status: "accepted" } } },
      },
      problems: [rateLimited(message("problem.tooManyResetRequests"), "Too many reset requests from this network.")],
    }),
  },
  [ApiPath.verifyReset]: {
    post: describeOperation({
      operationId: "verifyPasswordReset",
      tag: TAGS.passwordResets,
      summary: "Check a reset token",
      description: "Says whether a reset token still works, for whom (masked) and until when, and the minimum length a new password needs. It uses nothing up.",
      rejectsOtherMethods: true,
      body: { schema: verifyResetRequestSchema, examples: { verify: { value: { token: EXAMPLE_TOKEN } } } },
      success: {
        status: 200,
        description: "The token works.",
        schema: verifyResetResponseSchema,
        examples: { live: { value: { email: "a***@example.com", expiresAt: EXAMPLE_INSTANT, passwordMinLength: DEFAULT_PASSWORD_MIN_LENGTH } } },
      },
      problems: [TOKEN_INVALID],
    }),
  },
  [ApiPath.confirmReset]: {
    post: describeOperation({
      operationId: "confirmPasswordReset",
      tag: TAGS.passwordResets,
      summary: "Set the new password",
      description:
        "Sets the new password in one atomic batch: the new hash, the token used, every other link and every session of the account ended. Then the \"password changed\" email is queued, with a \"this wasn't me\" link.",
      rejectsOtherMethods: true,
      body: { schema: confirmResetRequestSchema, examples: { confirm: { value: { token: EXAMPLE_TOKEN, password: "a brand new long passphrase" } } } },
      success: { status: 204, description: "Changed. Sign in with the new password." },
      problems: [passwordPolicyProblem("password"), TOKEN_INVALID],
    }),
  },
  [ApiPath.redeemResetCode]: {
    post: describeOperation({
      operationId: "redeemResetCode",
      tag: TAGS.passwordResets,
      summary: "Trade an emailed code for a reset token",
      description: `The cross-device half of a reset: the address and the code from the email give a fresh reset token for verify and confirm; the emailed link and code stop working. Each network has ${RESET_CODE_GUESS_BUDGET} wrong guesses at an address's code.`,
      rejectsOtherMethods: true,
      body: { schema: redeemResetCodeRequestSchema, examples: { redeem: { value: { email: "ada@example.com", code: RESET_CODE_EXAMPLE } } } },
      success: {
        status: 200,
        description: "A fresh reset token.",
        schema: redeemResetCodeResponseSchema,
        examples: { redeemed: { value: { token: EXAMPLE_TOKEN, email: "a***@example.com", expiresAt: EXAMPLE_INSTANT } } },
      },
      problems: [
        {
          status: 400,
          description: "`code_invalid`: one answer, byte for byte, for a wrong, used, expired or over-budget code and for an unknown address.",
          examples: [{ code: ErrorCode.codeInvalid, summary: "Not a live code", detail: message("resetCode.invalid", { budget: RESET_CODE_GUESS_BUDGET }) }],
        },
        rateLimited(message("problem.tooManyCodes"), "Too many codes tried from this network."),
      ],
    }),
  },
};
