/**
 * The document's session operations (worker/src/sessions/routes.ts): sign in, who am I, change
 * the password, and sign out here or everywhere. Everything but signing in takes the session
 * token as `Authorization: Bearer`.
 */
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { accountResponseSchema, ApiPath, changePasswordRequestSchema, sessionResponseSchema, signInRequestSchema } from "../../../../shared/contract.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { message } from "../../../../shared/i18n/translator.ts";
import { rateLimited } from "../answers.ts";
import { describeOperation, EXAMPLE_ACCOUNT_ID, EXAMPLE_DEVICE_TOKEN, EXAMPLE_INSTANT, EXAMPLE_TOKEN, TAGS } from "../operation.ts";
import { passwordPolicyProblem } from "./accounts.ts";

const ACCOUNT_EXAMPLE = { account: { value: { id: EXAMPLE_ACCOUNT_ID, email: "ada@example.com" } } };
const SIGNED_OUT = { status: 204, description: "Signed out." };
const TOO_MANY_PASSWORDS = rateLimited(message("problem.tooManyPasswordAttempts"), "Too many wrong passwords from this network or for this address.");

export const SESSION_PATHS: ZodOpenApiPathsObject = {
  [ApiPath.sessions]: {
    post: describeOperation({
      operationId: "signIn",
      tag: TAGS.sessions,
      summary: "Sign in",
      description:
        "Starts a session. Every refusal is the same 401, and an unknown address costs the same hashing as a wrong password, so neither the answer nor its timing tells which addresses have accounts; a sign-up not confirmed yet gets that answer too. Keep the `deviceToken` and send it with later sign-ins: failures elsewhere then never lock this device out. A success ends the reset links asked for from this network.",
      rejectsOtherMethods: true,
      body: {
        schema: signInRequestSchema,
        examples: {
          first: { summary: "First sign-in on this device", value: { email: "ada@example.com", password: "violet tractor under the bridge" } },
          again: { summary: "With the device token kept from before", value: { email: "ada@example.com", password: "violet tractor under the bridge", deviceToken: EXAMPLE_DEVICE_TOKEN } },
        },
      },
      success: {
        status: 200,
        description: "Signed in.",
        schema: sessionResponseSchema,
        examples: { session: { value: { token: EXAMPLE_TOKEN, expiresAt: EXAMPLE_INSTANT, deviceToken: EXAMPLE_DEVICE_TOKEN } } },
      },
      problems: [
        {
          status: 401,
          description: "`invalid_credentials`: the same for an unknown address, a wrong or locked password and an unconfirmed sign-up.",
          examples: [{ code: ErrorCode.invalidCredentials, summary: "Not signed in", detail: message("signIn.invalidCredentials") }],
        },
        rateLimited(message("problem.tooManySignIns"), "Too many failed sign-ins from this network or for this address, counted before any hashing."),
      ],
    }),
    delete: describeOperation({
      operationId: "signOutEverywhere",
      tag: TAGS.sessions,
      summary: "Sign out everywhere",
      description: "Ends every session of the account, this one included.",
      auth: "session",
      rejectsOtherMethods: true,
      success: SIGNED_OUT,
    }),
  },
  [ApiPath.currentSession]: {
    delete: describeOperation({
      operationId: "signOut",
      tag: TAGS.sessions,
      summary: "Sign out",
      description: "Ends this session only.",
      auth: "session",
      rejectsOtherMethods: true,
      success: SIGNED_OUT,
    }),
  },
  [ApiPath.me]: {
    get: describeOperation({
      operationId: "readCurrentAccount",
      tag: TAGS.sessions,
      summary: "Who am I",
      description: "The account the session token belongs to.",
      auth: "session",
      rejectsOtherMethods: true,
      success: { status: 200, description: "The signed-in account.", schema: accountResponseSchema, examples: ACCOUNT_EXAMPLE },
    }),
  },
  [ApiPath.mePassword]: {
    post: describeOperation({
      operationId: "changePassword",
      tag: TAGS.sessions,
      summary: "Change the password",
      description:
        "Changes the password of the signed-in account, under the same policy and breach check as a reset. In one batch the hash changes and every other session and every live reset link ends; then the \"password changed\" email, with its \"this wasn't me\" link, is queued. Wrong current passwords count against the sign-in limits.",
      auth: "session",
      rejectsOtherMethods: true,
      body: {
        schema: changePasswordRequestSchema,
        examples: { change: { value: { currentPassword: "violet tractor under the bridge", newPassword: "a brand new long passphrase" } } },
      },
      success: { status: 204, description: "Changed; this session stays, every other one has ended." },
      problems: [
        passwordPolicyProblem("newPassword"),
        {
          status: 401,
          description: "`invalid_credentials`: the current password is wrong (or locked by \"this wasn't me\").",
          examples: [
            {
              code: ErrorCode.invalidCredentials,
              summary: "Wrong current password",
              detail: message("account.currentPasswordWrong"),
              errors: { currentPassword: message("account.currentPasswordWrong") },
            },
          ],
        },
        TOO_MANY_PASSWORDS,
      ],
    }),
  },
};
