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

export const SignUpCopy = {
  title: "Create your account",
  intro: "Enter your email address and choose a password. We'll send a link to that address to confirm it's yours.",
  emailLabel: "Email address",
  passwordLabel: "Password",
  confirmationLabel: "Confirm password",
  submit: "Create account",
  submitting: "Creating…",
  missingConfirmation: "Enter the password a second time.",
  haveAccount: "Already have an account?",
  signIn: "Sign in",
  checkEmailTitle: "Check your email",
  checkEmailBody: (email: string) =>
    `If ${email} can be used for a new account, we've sent it a link to confirm the address. The link works for 24 hours. If the address already has an account, its owner gets a note instead.`,
} as const;

export const VerifyEmailCopy = {
  title: "Confirm your email address",
  intro: "Enter the password you chose when you signed up. This proves that the person who opened this email also chose the password.",
  forAccount: "For the account",
  passwordLabel: "Password",
  submit: "Confirm email address",
  submitting: "Confirming…",
  wrongPassword: "That is not the password this account was created with. If you didn't sign up, ignore the email; to choose a password yourself, reset it.",
  verifiedTitle: "Your email address is confirmed",
  verifiedBody: "Your account is ready. Sign in with your email address and password.",
  invalidTitle: "This confirmation link is invalid or has expired",
  invalidBody: "Confirmation links work once, for 24 hours, and only the newest one is valid. Sign up again to get a new link.",
  signUpAgain: "Sign up again",
} as const;

/** What signing in says to the right password of an account whose address is not confirmed yet. */
export const EMAIL_UNVERIFIED_MESSAGE = "Confirm your email address first: open the link in the email we sent when you signed up.";
