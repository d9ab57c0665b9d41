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
  .max(PASSWORD_MAX_LENGTH * 4, { error: "passwordPolicy.tooLong" });

/** A password someone already has (sign-in, confirming a sign-up): present and not absurdly long. */
const currentPasswordField = z
  .string({ error: missingOr("field.currentPasswordMissing", "field.invalid") })
  .min(1, { error: "field.currentPasswordMissing" })
  .max(PASSWORD_MAX_LENGTH * 4, { error: "passwordPolicy.tooLong" });

const resetTokenField = z
  .string({ error: missingOr("field.resetTokenMissing", "field.resetTokenMalformed") })
  .regex(TOKEN_PATTERN, { error: "field.resetTokenMalformed" });

/**
 * The time zone of the person asking, an IANA name, so the email can say until when its link
 * works in their own time ("until 14:05 Central European Standard Time"); without one it says UTC.
 */
export const timeZoneSchema = z
  .string({ error: "field.timeZoneInvalid" })
  .max(64, { error: "field.timeZoneInvalid" })
  .refine((zone) => isTimeZone(zone), { error: "field.timeZoneInvalid" });

export const resetClientSchema = z.enum(["web", "desktop"], { error: "field.clientInvalid" });
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
    .regex(TOKEN_PATTERN, { error: "field.verificationTokenMalformed" }),
  password: currentPasswordField,
});
/** A device token a client kept from an earlier successful sign-in (see `SessionResponse.deviceToken`). */
const deviceTokenField = z.string({ error: "field.deviceTokenMalformed" }).regex(TOKEN_PATTERN, { error: "field.deviceTokenMalformed" });
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

export interface AccountResponse {
  id: string;
  email: string;
}
export interface SessionResponse {
  token: string;
  expiresAt: string;
  /**
   * Keep it and send it with later sign-ins: failures elsewhere never lock out a device that
   * signed in before. It signs nobody in by itself.
   */
  deviceToken: string;
}
/** The one answer to a reset request or a sign-up, whatever the address: `202 {"status":"accepted"}`. */
export interface AcceptedResponse {
  status: "accepted";
}
export type PasswordResetAcceptedResponse = AcceptedResponse;
export type SignUpAcceptedResponse = AcceptedResponse;
export interface VerifyResetResponse {
  email: string;
  expiresAt: string;
  /** The Worker's PASSWORD_MIN_LENGTH, so a client checks the new password by the same rule. */
  passwordMinLength: number;
}
/** A fresh reset token in exchange for an emailed code; the link and the code stop working. */
export interface RedeemResetCodeResponse {
  token: string;
  email: string;
  expiresAt: string;
}

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
