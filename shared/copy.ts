/**
 * The words people read in the reset flow, shared by the Worker's pages and the desktop screens,
 * so the web and the app are one product: the same labels, hints and messages in both. Sentences
 * that depend on configuration are functions of it.
 */
import { PASSWORD_MAX_LENGTH } from "./password-policy.ts";

export const ForgotPasswordCopy = {
  title: "Forgot your password?",
  intro: "Enter the email address you use to sign in. We'll send a link to that address to choose a new password.",
  emailLabel: "Email address",
  submit: "Send reset link",
  submitting: "Sending…",
} as const;

export const ResetPasswordCopy = {
  title: "Choose a new password",
  forAccount: "For the account",
  passwordLabel: "New password",
  confirmationLabel: "Confirm new password",
  submit: "Set new password",
  submitting: "Saving…",
  missingPassword: "Enter a new password.",
  missingConfirmation: "Enter the new password a second time.",
  mismatch: "The two passwords don't match.",
  preferApp: "Prefer the app?",
} as const;

export const ResetOutcomeCopy = {
  invalidTitle: "This reset link is invalid or has expired",
  invalidBody: "Reset links work once, for a limited time, and only the newest one you asked for is valid.",
  askAgain: "Ask for a new link",
  changedTitle: "Your password has been changed",
  changedBody: "For your safety we signed you out everywhere. Sign in with your new password.",
  signIn: "Sign in",
} as const;

export const FormErrorCopy = {
  summaryTitle: (count: number) => `Please fix ${count === 1 ? "this" : "these"} first`,
} as const;

/** The hint under a new-password field: the shared policy in one sentence. */
export function describePasswordPolicy(minLength: number): string {
  return `Use ${minLength} to ${PASSWORD_MAX_LENGTH} characters. A long phrase is easiest to remember. Common passwords and your email address are not allowed; symbols and numbers are optional.`;
}

/** The label of the button that opens the desktop app. */
export function describeOpenInApp(appName: string): string {
  return `Open in ${appName} desktop`;
}
