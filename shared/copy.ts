/**
 * The words people read in the reset flow, shared by the Worker's pages and the desktop screens,
 * so the web and the app are one product: the same labels, hints and messages in both. Sentences
 * that depend on configuration are functions of it.
 */
import { PASSWORD_MAX_LENGTH } from "./password-policy.ts";
import { RESET_CODE_GUESS_BUDGET } from "./reset-code.ts";

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
  usedTitle: "This reset link has already been used",
  usedBody: "Each link works once. If you set a new password with it, that password is saved: sign in with it. If you didn't, ask for a new link.",
  changedTitle: "Your password has been changed",
  changedBody: "For your safety we signed you out everywhere. Sign in with your new password.",
  signIn: "Sign in",
} as const;

/** The "check your email" answer after asking for a reset link, on the web and in the app. */
export const CheckEmailCopy = {
  title: "Check your email",
  linkSent: (email: string) => `If ${email} has an account, we have sent it a link to reset the password.`,
  howLong: (minutes: number) =>
    `Open the link on this device. The link and its code work for ${minutes} minutes and only once. It can take a minute to arrive; look in your spam folder too.`,
  /** The app's own next step: its link opens the app. */
  openInApp: "Open the link on this computer and ResetKit will take you to the reset screen.",
  otherDevice: "Reading the email on another device?",
  otherDeviceHint: "Enter the code from the email here instead.",
} as const;

/** The emailed code: its field, and what a refused one says (the guess budget is the server's). */
export const ResetCodeCopy = {
  enterTitle: "Enter the code from the email",
  enterIntro: "The reset email has a code like 7KQ2-M9XD. Enter it with the address the email went to.",
  label: "Code from the email",
  hint: "8 characters, like 7KQ2-M9XD",
  shape: "Enter the 8-character code from the email, like 7KQ2-M9XD.",
  /** The API's one answer for every refused code. */
  invalid: `This code is not valid for that address. Codes stop working when the link is used, when they expire, and after ${RESET_CODE_GUESS_BUDGET} wrong tries; ask for a new email if needed.`,
  /** What the page or the app says after `wrongCodes` refusals it has seen. */
  refused: (wrongCodes: number) =>
    wrongCodes >= RESET_CODE_GUESS_BUDGET
      ? `That code did not work either. After ${RESET_CODE_GUESS_BUDGET} wrong tries a code stops working: send a new email and use its code.`
      : `That code did not work for this address. Check it against the newest email and try again; after ${RESET_CODE_GUESS_BUDGET} wrong tries the code stops working.`,
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
  missingPassword: "Enter a password.",
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
  wrongPassword: "That is not the password chosen when this address was signed up. If you didn't sign up, ignore the email; to choose a password yourself, sign up again with this address.",
  verifiedTitle: "Your email address is confirmed",
  verifiedBody: "Your account is ready. Sign in with your email address and password.",
  invalidTitle: "This confirmation link is invalid or has expired",
  invalidBody: "Confirmation links work once, for 24 hours, and only the newest one is valid. Sign up again to get a new link.",
  signUpAgain: "Sign up again",
  alreadyVerifiedTitle: "This address is already confirmed",
  alreadyVerifiedBody: "This link was used to confirm the address, so the account exists. Sign in with its email address and password.",
} as const;

/**
 * What signing in says to every failure: an unknown address, a wrong password, and a sign-up not
 * confirmed yet, which is no account until then. Its second sentence is for the last of those.
 */
export const INVALID_CREDENTIALS_MESSAGE =
  "The email address or password is not right. If you have just signed up, confirm your address first with the link we emailed you.";

/** The desktop app's question when a deep link arrives while someone is busy elsewhere in it. */
export const DeepLinkPromptCopy = {
  openResetFor: (maskedEmail: string) => `Open the password reset for ${maskedEmail}?`,
  openReset: "Open the password reset from this link?",
  openVerifyEmail: "Open the email confirmation from this link?",
  openSignIn: "Leave this screen and go to Sign in?",
  body: "A link was opened in ResetKit. If you didn't open it yourself just now, choose Cancel and carry on.",
  open: "Open",
  cancel: "Cancel",
} as const;

/** Signing in on the web and in the app. */
export const SignInCopy = {
  title: "Sign in",
  emailLabel: "Email address",
  passwordLabel: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  forgotPassword: "Forgot password?",
  createAccount: "Create an account",
  keepSignedIn: "Keep me signed in on this computer",
  /** The app, when the OS offers no keyring to protect a kept sign-in. */
  notKept: "You're signed in until you quit. This computer has no keyring to protect a saved sign-in, so nothing was saved and you'll sign in again next time.",
  signedOut: "You have signed out.",
  signedOutEverywhere: "You have signed out on every device.",
} as const;

/** The signed-in account: who you are, the password change, and the ways out. */
export const AccountCopy = {
  title: "Your account",
  signedInAs: "Signed in as",
  changeTitle: "Change password",
  currentLabel: "Current password",
  newLabel: "New password",
  confirmLabel: "Confirm new password",
  missingCurrent: "Enter your current password.",
  missingPassword: "Enter a new password.",
  missingConfirmation: "Enter the new password a second time.",
  submit: "Change password",
  submitting: "Changing…",
  currentPasswordWrong: "That is not your current password.",
  changed: "Your password has been changed. Every other device has been signed out, and we emailed you a note.",
  signOut: "Sign out",
  signOutEverywhere: "Sign out of every device",
  signingOut: "Signing out…",
  /** The app's Signed in screen. */
  signedInTitle: "You're signed in",
  cancel: "Cancel",
} as const;
