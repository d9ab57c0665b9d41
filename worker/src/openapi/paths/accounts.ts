/**
 * The document's account operations (worker/src/accounts/routes.ts): sign-up, which answers the
 * same 202 for every address, and confirming the address with the emailed token and the password.
 */
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { accountResponseSchema, acceptedResponseSchema, ApiPath, createAccountRequestSchema, verifyEmailRequestSchema } from "../../../../shared/contract.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { message } from "../../../../shared/i18n/translator.ts";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "../../../../shared/password-policy.ts";
import { rateLimited, type ProblemAnswer } from "../answers.ts";
import { describeOperation, EXAMPLE_ACCOUNT_ID, EXAMPLE_TOKEN, TAGS } from "../operation.ts";

const tooShort = message("passwordPolicy.tooShort", { min: DEFAULT_PASSWORD_MIN_LENGTH });

/** The password policy's 400, naming the refused field. */
export function passwordPolicyProblem(field: string): ProblemAnswer {
  return {
    status: 400,
    description: `\`password_policy\`: the new password breaks a rule of the policy, or is in a known breach (\`errors.${field}\` says which).`,
    examples: [{ code: ErrorCode.passwordPolicy, summary: "Too short", detail: tooShort, errors: { [field]: tooShort } }],
  };
}

export const ACCOUNT_PATHS: ZodOpenApiPathsObject = {
  [ApiPath.accounts]: {
    post: describeOperation({
      operationId: "signUp",
      tag: TAGS.accounts,
      summary: "Sign up",
      description:
        "Starts a sign-up. The answer is the same 202, byte for byte, for a new address, a taken one and one with an unconfirmed sign-up: only the email that follows differs, and only the mailbox's owner reads it. A new address gets a confirmation link (24 hours, single use); the owner of a taken one gets a note instead. The password policy and the breach check run first. `timeZone` names the asker's zone, so the email gives the link's expiry in their time.",
      rejectsOtherMethods: true,
      body: {
        schema: createAccountRequestSchema,
        examples: {
          web: { summary: "From the web", value: { email: "ada@example.com", password: "violet tractor under the bridge" } },
          desktop: {
            summary: "From the desktop app, with a time zone",
            value: { email: "ada@example.com", password: "violet tractor under the bridge", client: "desktop", timeZone: "Europe/Berlin" },
          },
        },
      },
      success: {
        status: 202,
        description: "Accepted: the email follows from the queue. The same for every address.",
        schema: acceptedResponseSchema,
        examples: { accepted: { value: { status: "accepted" } } },
      },
      problems: [passwordPolicyProblem("password"), rateLimited(message("problem.tooManySignUps"), "More than 10 sign-ups from this network in an hour.")],
    }),
  },
  [ApiPath.verifyEmail]: {
    post: describeOperation({
      operationId: "verifyEmail",
      tag: TAGS.accounts,
      summary: "Confirm an address",
      description:
        "Confirms a sign-up with the token from the emailed link and the password chosen at sign-up, and creates the account. The link proves the mailbox; the password proves that whoever holds the mailbox chose it (the defence against pre-account takeover). Wrong passwords count against the sign-in limits; the fifth ends the link.",
      rejectsOtherMethods: true,
      body: {
        schema: verifyEmailRequestSchema,
        examples: { confirm: { value: { token: EXAMPLE_TOKEN, password: "violet tractor under the bridge" } } },
      },
      success: {
        status: 200,
        description: "The account now exists and is verified; the sign-up's other links are gone.",
        schema: accountResponseSchema,
        examples: { account: { value: { id: EXAMPLE_ACCOUNT_ID, email: "ada@example.com" } } },
      },
      problems: [
        {
          status: 401,
          description: "`invalid_credentials`: not the password chosen at sign-up.",
          examples: [
            {
              code: ErrorCode.invalidCredentials,
              summary: "Not the sign-up's password",
              detail: message("verifyEmail.wrongPassword"),
              errors: { password: message("verifyEmail.wrongPassword") },
            },
          ],
        },
        {
          status: 410,
          description: "`token_invalid`: one answer for unknown, expired, used and worn-out links alike.",
          examples: [{ code: ErrorCode.tokenInvalid, summary: "Dead link", detail: message("problem.verificationLinkInvalid") }],
        },
        rateLimited(message("problem.tooManyPasswordAttempts"), "Too many wrong passwords from this network or for this address."),
      ],
    }),
  },
};
