/**
 * The words the web pages and the desktop app share, so both are one product: the same labels,
 * hints and messages in both. ICU MessageFormat: `{name}` is a value, `{n, plural, …}` a count,
 * `<strong>…</strong>` a tag the caller renders.
 */
export const common = {
  "forgotPassword.title": "Forgot your password?",
  "forgotPassword.intro": "Enter the email address you use to sign in. We'll send a link to that address to choose a new password.",
  "forgotPassword.emailLabel": "Email address",
  "forgotPassword.submit": "Send reset link",
  "forgotPassword.submitting": "Sending…",

  "resetPassword.title": "Choose a new password",
  "resetPassword.forAccount": "For the account <strong>{email}</strong>.",
  "resetPassword.passwordLabel": "New password",
  "resetPassword.confirmationLabel": "Confirm new password",
  "resetPassword.submit": "Set new password",
  "resetPassword.submitting": "Saving…",
  "resetPassword.missingPassword": "Enter a new password.",
  "resetPassword.missingConfirmation": "Enter the new password a second time.",
  "resetPassword.mismatch": "The two passwords don't match.",
  "resetPassword.preferApp": "Prefer the app?",
  "resetPassword.openInApp": "Open in {appName} desktop",

  "resetOutcome.invalidTitle": "This reset link is invalid or has expired",
  "resetOutcome.invalidBody": "Reset links work once, for a limited time, and only the newest one you asked for is valid.",
  "resetOutcome.askAgain": "Ask for a new link",
  "resetOutcome.usedTitle": "This reset link has already been used",
  "resetOutcome.usedBody":
    "Each link works once. If you set a new password with it, that password is saved: sign in with it. If you didn't, ask for a new link.",
  "resetOutcome.changedTitle": "Your password has been changed",
  "resetOutcome.changedBody": "For your safety we signed you out everywhere. Sign in with your new password.",
  "resetOutcome.signIn": "Sign in",

  "checkEmail.title": "Check your email",
  "checkEmail.linkSent": "If {email} has an account, we have sent it a link to reset the password.",
  "checkEmail.howLong":
    "Open the link on this device. The link and its code work for {minutes, plural, one {# minute} other {# minutes}} and only once. It can take a minute to arrive; look in your spam folder too.",
  "checkEmail.openInApp": "Open the link on this computer and {appName} will take you to the reset screen.",
  "checkEmail.otherDevice": "Reading the email on another device?",
  "checkEmail.otherDeviceHint": "Enter the code from the email here instead.",

  "resetCode.enterTitle": "Enter the code from the email",
  "resetCode.enterIntro": "The reset email has a code like {example}. Enter it with the address the email went to.",
  "resetCode.label": "Code from the email",
  "resetCode.hint": "8 characters, like {example}",
  "resetCode.missing": "Enter the code from the email.",
  "resetCode.shape": "Enter the 8-character code from the email, like {example}.",
  "resetCode.invalid":
    "This code is not valid for that address. Codes stop working when the link is used, when they expire, and after {budget, plural, one {# wrong try} other {# wrong tries}}; ask for a new email if needed.",
  "resetCode.refused":
    "That code did not work for this address. Check it against the newest email and try again; after {budget, plural, one {# wrong try} other {# wrong tries}} the code stops working.",
  "resetCode.refusedLast":
    "That code did not work either. After {budget, plural, one {# wrong try} other {# wrong tries}} a code stops working: send a new email and use its code.",
  "resetCode.submit": "Continue with code",
  "resetCode.submitting": "Checking…",

  "formError.summaryTitle": "{count, plural, one {Please fix this first} other {Please fix these first}}",

  "passwordPolicy.hint":
    "Use {min} to {max} characters. A long phrase is easiest to remember. Common passwords and your email address are not allowed; symbols and numbers are optional.",
  "passwordPolicy.tooShort": "Use at least {min, plural, one {# character} other {# characters}}.",
  "passwordPolicy.tooLong": "Use at most {max, plural, one {# character} other {# characters}}.",
  "passwordPolicy.matchesEmail": "Don't use your email address as your password.",
  "passwordPolicy.common": "This password is too common. Choose one that is harder to guess.",
  "passwordPolicy.breached": "This password has appeared in a data breach, so attackers try it early. Choose a different one.",
  "passwordPolicy.accepted": "This password meets the requirements.",

  "signUp.title": "Create your account",
  "signUp.intro": "Enter your email address and choose a password. We'll send a link to that address to confirm it's yours.",
  "signUp.emailLabel": "Email address",
  "signUp.passwordLabel": "Password",
  "signUp.confirmationLabel": "Confirm password",
  "signUp.submit": "Create account",
  "signUp.submitting": "Creating…",
  "signUp.missingPassword": "Enter a password.",
  "signUp.missingConfirmation": "Enter the password a second time.",
  "signUp.haveAccount": "Already have an account?",
  "signUp.signIn": "Sign in",
  "signUp.checkEmailTitle": "Check your email",
  "signUp.checkEmailBody":
    "If {email} can be used for a new account, we've sent it a link to confirm the address. The link works for 24 hours. If the address already has an account, its owner gets a note instead.",
  "signUp.checkEmailBodyNoAddress":
    "If the address you entered can be used for a new account, we've sent it a link to confirm the address. The link works for 24 hours. If the address already has an account, its owner gets a note instead.",
  "signUp.spamHint": "It can take a minute to arrive; look in your spam folder too.",

  "verifyEmail.title": "Confirm your email address",
  "verifyEmail.intro":
    "Enter the password you chose when you signed up. This proves that the person who opened this email also chose the password.",
  "verifyEmail.forAccount": "For the account <strong>{email}</strong>.",
  "verifyEmail.passwordLabel": "Password",
  "verifyEmail.missingPassword": "Enter your password.",
  "verifyEmail.submit": "Confirm email address",
  "verifyEmail.submitting": "Confirming…",
  "verifyEmail.wrongPassword":
    "That is not the password chosen when this address was signed up. If you didn't sign up, ignore the email; to choose a password yourself, sign up again with this address.",
  "verifyEmail.verifiedTitle": "Your email address is confirmed",
  "verifyEmail.verifiedBody": "Your account is ready. Sign in with your email address and password.",
  "verifyEmail.invalidTitle": "This confirmation link is invalid or has expired",
  "verifyEmail.invalidBody": "Confirmation links work once, for 24 hours, and only the newest one is valid. Sign up again to get a new link.",
  "verifyEmail.signUpAgain": "Sign up again",
  "verifyEmail.alreadyVerifiedTitle": "This address is already confirmed",
  "verifyEmail.alreadyVerifiedBody": "This link was used to confirm the address, so the account exists. Sign in with its email address and password.",

  "signIn.title": "Sign in",
  "signIn.emailLabel": "Email address",
  "signIn.passwordLabel": "Password",
  "signIn.submit": "Sign in",
  "signIn.submitting": "Signing in…",
  "signIn.forgotPassword": "Forgot password?",
  "signIn.createAccount": "Create an account",
  "signIn.invalidCredentials":
    "The email address or password is not right. If you have just signed up, confirm your address first with the link we emailed you.",
  "signIn.signedOut": "You have signed out.",
  "signIn.signedOutEverywhere": "You have signed out on every device.",

  "account.title": "Your account",
  "account.signedInAs": "Signed in as <strong>{email}</strong>.",
  "account.changeTitle": "Change password",
  "account.currentLabel": "Current password",
  "account.newLabel": "New password",
  "account.confirmLabel": "Confirm new password",
  "account.missingCurrent": "Enter your current password.",
  "account.missingPassword": "Enter a new password.",
  "account.missingConfirmation": "Enter the new password a second time.",
  "account.submit": "Change password",
  "account.submitting": "Changing…",
  "account.currentPasswordWrong": "That is not your current password.",
  "account.changed": "Your password has been changed. Every other device has been signed out, and we emailed you a note.",
  "account.signOut": "Sign out",
  "account.signOutEverywhere": "Sign out of every device",
  "account.signingOut": "Signing out…",
  "account.cancel": "Cancel",

  "wait.minutes": "Too many attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "wait.seconds": "Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.",
  "wait.unknown": "Too many attempts. Wait a little and try again.",

  "email.missing": "Enter your email address.",
  "email.tooLong": "An email address has at most {max} characters.",
  "email.controlCharacters": "An email address cannot contain line breaks or control characters.",
  "email.invalid": "Enter a valid email address, like name@example.com.",
  "email.nonAsciiLocalPart":
    "Use only Latin letters, digits and . _ % + - before the @. Letters such as é or ü work in the part after the @ (exämple.de), but many mail servers cannot deliver to them before it.",
} as const;
