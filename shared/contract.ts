/**
 * The HTTP contract between the Worker and its clients: paths, request schemas and response
 * types. The Worker validates with these schemas at its edge; the desktop app validates its
 * IPC payloads with the same ones, so both sides agree on what is acceptable.
 */
import { z } from "zod";
import { EMAIL_MAX_LENGTH, emailAddressSchema } from "./email-address.ts";
import { CATALOGUES } from "./i18n/catalogues.ts";
import { message, type Message, type MessageKey, type MessageValues } from "./i18n/translator.ts";
import { PASSWORD_MAX_LENGTH } from "./password-policy.ts";
import { normalizeResetCode, RESET_CODE_EXAMPLE, RESET_CODE_INPUT_MAX_LENGTH } from "./reset-code.ts";
import { TOKEN_PATTERN } from "./token-shape.ts";

export const API_PREFIX = "/api/v1";

export const ApiPath = {
  accounts: `${API_PREFIX}/accounts`,
  verifyEmail: `${API_PREFIX}/accounts/verify`,
  sessions: `${API_PREFIX}/sessions`,
  currentSession: `${API_PREFIX}/sessions/current`,
  me: `${API_PREFIX}/me`,
  mePassword: `${API_PREFIX}/me/password`,
  passwordResets: `${API_PREFIX}/password-resets`,
  verifyReset: `${API_PREFIX}/password-resets/verify`,
  confirmReset: `${API_PREFIX}/password-resets/confirm`,
  redeemResetCode: `${API_PREFIX}/password-resets/redeem-code`,
  /** This contract as an OpenAPI 3.1 document (worker/src/openapi/). */
  openApi: `${API_PREFIX}/openapi.json`,
} as const;

/**
 * The Worker's HTML pages, next to the API paths so every route lives in one table. The reset
 * link in emails opens `resetPassword?token=T`.
 */
export const PagePath = {
  home: "/",
  forgotPassword: "/forgot-password",
  /** Where /forgot-password answers (303), and where a code from the email is redeemed. */
  checkEmail: "/forgot-password/check-email",
  resetPassword: "/reset-password",
  accountAlert: "/account-alert",
  signUp: "/sign-up",
  /** Where /sign-up answers (303), the same for every address. */
  signUpCheckEmail: "/sign-up/check-email",
  verifyEmail: "/verify-email",
  signIn: "/sign-in",
  /** Signed in: who you are, the password change, and the ways out. */
  account: "/account",
  /** A form POST that ends this session, or with `scope=everywhere` every session of the account. */
  signOut: "/sign-out",
  healthz: "/healthz",
  devMailbox: "/dev/mailbox",
  /** The API reference, rendered from the OpenAPI document. */
  apiDocs: "/api/docs",
} as const;

/** The largest request body any endpoint accepts; bigger ones get 413. */
export const MAX_BODY_BYTES = 16 * 1024;

/*
 * Every error below is a catalogue key, not a sentence: the Worker puts it into words in the
 * request's language and the app in its own (`fieldErrorsFrom`). A field that is there but of the
 * wrong type gets the "malformed" key, not the "missing" one.
 */
function missingOr(missing: MessageKey, invalid: MessageKey) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === "" ? missing : invalid);
}

/** A password field before policy checks: present, a string, and not absurdly long. */
const passwordField = z
  .string({ error: missingOr("field.passwordMissing", "field.invalid") })
  .min(1, { error: "field.passwordMissing" })
  .max(PASSWORD_MAX_LENGTH * 4, { error: "passwordPolicy.tooLong" })
  .meta({
    description: `A new password. The Worker then applies the password policy: PASSWORD_MIN_LENGTH (default 12) to ${PASSWORD_MAX_LENGTH} characters, not the address, not a common password and not in a known breach; a refusal is 400 \`password_policy\` naming the rule.`,
  });

/** A password someone already has (sign-in, confirming a sign-up): present and not absurdly long. */
const currentPasswordField = z
  .string({ error: missingOr("field.currentPasswordMissing", "field.invalid") })
  .min(1, { error: "field.currentPasswordMissing" })
  .max(PASSWORD_MAX_LENGTH * 4, { error: "passwordPolicy.tooLong" })
  .meta({ description: "A password the person already has." });

const resetTokenField = z
  .string({ error: missingOr("field.resetTokenMissing", "field.resetTokenMalformed") })
  .regex(TOKEN_PATTERN, { error: "field.resetTokenMalformed" })
  .meta({ description: "The token from the reset link (`?token=`), or from redeem-code: 43 characters of base64url." });

/**
 * The time zone of the person asking, an IANA name, so the email can say until when its link
 * works in their own time ("until 14:05 Central European Standard Time"); without one it says UTC.
 */
export const timeZoneSchema = z
  .string({ error: "field.timeZoneInvalid" })
  .max(64, { error: "field.timeZoneInvalid" })
  .refine((zone) => isTimeZone(zone), { error: "field.timeZoneInvalid" })
  .meta({
    description:
      "The asker's IANA time zone, so the email names its link's expiry in their own time (\"until 14:05 Central European Standard Time\"); without it the email says UTC. An unknown name is refused with 400.",
    examples: ["Europe/Berlin"],
  });

export const resetClientSchema = z
  .enum(["web", "desktop"], { error: "field.clientInvalid" })
  .meta({ description: "Where the emailed link leads: the web page (default) or the desktop app's `resetkit://` deep link." });
export type ResetClient = z.infer<typeof resetClientSchema>;

/**
 * Sign-up: `client` picks where the verification link in the email leads (the web page, or the
 * desktop app's `resetkit://verify-email` deep link). The answer is the same 202 for a new
 * address and a taken one.
 */
export const createAccountRequestSchema = z.object({
  email: emailAddressSchema,
  password: passwordField,
  client: resetClientSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
/**
 * Email verification. The token proves the mailbox; the password proves that whoever opened the
 * mailbox also chose the account's password, so an account someone else signed up for with this
 * address can never be verified with their password (pre-account takeover, docs/threat-model.md).
 */
export const verifyEmailRequestSchema = z.object({
  token: z
    .string({ error: missingOr("field.verificationTokenMissing", "field.verificationTokenMalformed") })
    .regex(TOKEN_PATTERN, { error: "field.verificationTokenMalformed" })
    .meta({ description: "The token from the confirmation link (`?token=`)." }),
  password: currentPasswordField.meta({ description: "The password chosen at sign-up." }),
});
/** A device token a client kept from an earlier successful sign-in (see `SessionResponse.deviceToken`). */
const deviceTokenField = z
  .string({ error: "field.deviceTokenMalformed" })
  .regex(TOKEN_PATTERN, { error: "field.deviceTokenMalformed" })
  .meta({ description: "The `deviceToken` of an earlier successful sign-in on this device." });
export const signInRequestSchema = z.object({
  email: emailAddressSchema,
  password: currentPasswordField,
  deviceToken: deviceTokenField.optional(),
});
/** A change of password by someone signed in: the password they have, and the new one. */
export const changePasswordRequestSchema = z.object({
  currentPassword: currentPasswordField,
  newPassword: passwordField,
});
export const passwordResetRequestSchema = z.object({
  email: emailAddressSchema,
  client: resetClientSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export const verifyResetRequestSchema = z.object({ token: resetTokenField });
export const confirmResetRequestSchema = z.object({ token: resetTokenField, password: passwordField });
/** A code as typed: anything `normalizeResetCode` can read, handed on in its canonical form. */
const resetCodeField = z
  .string({ error: missingOr("resetCode.missing", "resetCode.shape") })
  .max(RESET_CODE_INPUT_MAX_LENGTH, { error: "resetCode.shape" })
  .transform((typed, context) => {
    const code = normalizeResetCode(typed);
    if (code) return code;
    context.addIssue({ code: "custom", message: "resetCode.shape" });
    return z.NEVER;
  })
  .meta({
    description:
      "The code from the reset email, `XXXX-XXXX`: 8 characters of Crockford's base32. Case, spaces and hyphens do not matter; O reads as 0, I and L as 1.",
    // What normalizeResetCode accepts: any letter but U or digit, 8 of them, among spaces and hyphens.
    pattern: "^[\\s-]*(?:[0-9A-TV-Za-tv-z][\\s-]*){8}$",
    examples: [RESET_CODE_EXAMPLE],
  });
export const redeemResetCodeRequestSchema = z.object({ email: emailAddressSchema, code: resetCodeField });

export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;
export type VerifyEmailRequest = z.infer<typeof verifyEmailRequestSchema>;
export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
export type VerifyResetRequest = z.infer<typeof verifyResetRequestSchema>;
export type ConfirmResetRequest = z.infer<typeof confirmResetRequestSchema>;
export type RedeemResetCodeRequest = z.input<typeof redeemResetCodeRequestSchema>;

/*
 * The success bodies. They are schemas rather than interfaces so the OpenAPI document
 * (worker/src/openapi/) describes exactly these shapes, and the contract tests hold every answer
 * to them.
 */
const isoInstant = (description: string) => z.iso.datetime().meta({ description, examples: ["2026-12-04T14:05:00.000Z"] });

export const accountResponseSchema = z
  .object({
    id: z.string().meta({ description: "The account's id." }),
    email: z.string().meta({ description: "The address as stored: as typed at sign-up, with an internationalised domain in punycode." }),
  })
  .meta({ id: "Account" });
export type AccountResponse = z.infer<typeof accountResponseSchema>;

export const sessionResponseSchema = z
  .object({
    token: z.string().regex(TOKEN_PATTERN).meta({ description: "The session token: send it as `Authorization: Bearer <token>`." }),
    expiresAt: isoInstant("When the session ends."),
    /**
     * Keep it and send it with later sign-ins: failures elsewhere never lock out a device that
     * signed in before. It signs nobody in by itself.
     */
    deviceToken: z
      .string()
      .regex(TOKEN_PATTERN)
      .meta({ description: "Keep it and send it with later sign-ins: failures elsewhere never lock out a device that signed in before. It signs nobody in by itself." }),
  })
  .meta({ id: "Session" });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** The one answer to a reset request or a sign-up, whatever the address: `202 {"status":"accepted"}`. */
export const acceptedResponseSchema = z
  .object({ status: z.literal("accepted") })
  .meta({ id: "Accepted", description: "The same bytes for every address, whether or not it has an account." });
export type AcceptedResponse = z.infer<typeof acceptedResponseSchema>;
export type PasswordResetAcceptedResponse = AcceptedResponse;
export type SignUpAcceptedResponse = AcceptedResponse;

export const verifyResetResponseSchema = z
  .object({
    email: z.string().meta({ description: "The account's address, masked: its first character, `***` and the domain." }),
    expiresAt: isoInstant("When the reset link stops working."),
    /** The Worker's PASSWORD_MIN_LENGTH, so a client checks the new password by the same rule. */
    passwordMinLength: z.number().int().meta({ description: "The Worker's PASSWORD_MIN_LENGTH, so a client checks the new password by the same rule." }),
  })
  .meta({ id: "VerifiedReset" });
export type VerifyResetResponse = z.infer<typeof verifyResetResponseSchema>;

/** A fresh reset token in exchange for an emailed code; the link and the code stop working. */
export const redeemResetCodeResponseSchema = z
  .object({
    token: z.string().regex(TOKEN_PATTERN).meta({ description: "A fresh reset token, for verify and confirm." }),
    email: z.string().meta({ description: "The account's address, masked." }),
    expiresAt: isoInstant("When the fresh token stops working."),
  })
  .meta({ id: "RedeemedResetCode" });
export type RedeemResetCodeResponse = z.infer<typeof redeemResetCodeResponseSchema>;

/** The values the schemas' messages name, such as the longest password. */
const FIELD_MESSAGE_VALUES: Partial<Record<MessageKey, MessageValues>> = {
  "passwordPolicy.tooLong": { max: PASSWORD_MAX_LENGTH },
  "email.tooLong": { max: EMAIL_MAX_LENGTH },
  "resetCode.shape": { example: RESET_CODE_EXAMPLE },
};

/**
 * Turns a failed parse into the `errors` map of a problem body: one message per field, still to
 * be put into words. A message zod wrote itself (a body that is not an object, say) becomes the
 * catalogue's plain "not valid".
 */
export function fieldErrorsFrom(error: z.ZodError): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    const key = isMessageKey(issue.message) ? issue.message : "field.invalid";
    errors[field] ??= message(key, FIELD_MESSAGE_VALUES[key]);
  }
  return errors;
}

/** The first problem of a failed parse, for a form that shows one sentence per field. */
export function firstProblemOf(error: z.ZodError): Message {
  return Object.values(fieldErrorsFrom(error))[0] ?? message("field.invalid");
}

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(CATALOGUES.en, value);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
