/**
 * The words of the emails. The plain-text part and the HTML part say the same sentences: a
 * `<strong>` or `<link>` tag is markup in HTML and just its text in the plain part.
 */
export const email = {
  "email.greeting": "Hello,",
  "email.signature": "— {appName}",
  "email.copyLink": "If the button does not work, copy this address into your browser:",
  "email.openInAppText": "Or open it straight in the {appName} desktop app:",
  "email.minutes": "{count, plural, one {# minute} other {# minutes}}",
  "email.hours": "{count, plural, one {# hour} other {# hours}}",
  "email.days": "{count, plural, one {# day} other {# days}}",

  "resetEmail.subject": "Reset your {appName} password",
  "resetEmail.title": "Reset your password",
  "resetEmail.asked": "Someone asked to reset the password of your {appName} account.",
  "resetEmail.thisComputerText": "On this computer, open this link to choose a new password:",
  "resetEmail.thisComputerHtml": "<strong>On this computer</strong>, use the button to choose a new password.",
  "resetEmail.button": "Choose a new password",
  "resetEmail.openInAppHtml": "Using the desktop app? <link>Open the reset screen in {appName}</link>.",
  "resetEmail.otherDevice":
    "<strong>On another device</strong>, enter this code in the {appName} app, or on the {appName} “Forgot your password?” web page under “I have a code”:",
  "resetEmail.lifetime":
    "The link and the code go together: each works once, using one ends the other, and each expires in <strong>{lifetime}</strong>, at {until}.",
  "resetEmail.notYou": "Did not ask for this? Ignore this email. Your password stays the same, and nobody can change it without this link or code.",

  "passwordChangedEmail.subject": "Your {appName} password was changed",
  "passwordChangedEmail.title": "Your password was changed",
  "passwordChangedEmail.changed": "The password of your {appName} account (<strong>{email}</strong>) was changed on {when}.",
  "passwordChangedEmail.wasYou": "If that was you, there is nothing to do.",
  "passwordChangedEmail.notYouText":
    "If it was not you, open this link. It signs out every device, stops the current password from working and sends a new reset link to this address:",
  "passwordChangedEmail.notYouHtml":
    "If it was not you, use the button below. It signs out every device, stops the current password from working and sends a new reset link to this address.",
  "passwordChangedEmail.button": "This wasn't me",
  "passwordChangedEmail.lifetime": "This link works once and expires in {lifetime}, at {until}.",

  "signUpNoticeEmail.subject": "Someone tried to create a {appName} account with your address",
  "signUpNoticeEmail.title": "Someone tried to create an account with your address",
  "signUpNoticeEmail.tried": "Someone tried to create an account with your address.",
  "signUpNoticeEmail.exists": "You already have a {appName} account, so no new account was made.",
  "signUpNoticeEmail.signInText": "If that was you, sign in:",
  "signUpNoticeEmail.resetText": "or reset your password if you forgot it:",
  "signUpNoticeEmail.wasYouHtml": "If that was you, <signIn>sign in</signIn>, or reset your password if you forgot it.",
  "signUpNoticeEmail.button": "Reset your password",
  "signUpNoticeEmail.notYou": "If it was not you, there is nothing to do: your account and password stay as they are.",

  "verificationEmail.subject": "Confirm your email address for {appName}",
  "verificationEmail.title": "Confirm your email address",
  "verificationEmail.signedUp": "Someone signed up for a {appName} account with this email address.",
  "verificationEmail.wasYouText": "If it was you, open this link and enter the password you chose to confirm the address:",
  "verificationEmail.wasYouHtml": "If it was you, use the button and enter the password you chose to confirm the address.",
  "verificationEmail.button": "Confirm email address",
  "verificationEmail.openInAppHtml": "Using the desktop app? <link>Confirm in {appName}</link>.",
  "verificationEmail.lifetime": "The link works once and expires in <strong>{lifetime}</strong>, at {until}.",
  "verificationEmail.notYou":
    "Did not sign up? Ignore this email: the account cannot be used until the address is confirmed, and it is deleted after a day.",
  "verificationEmail.takeOver": "To take the account over with a password of your own, <link>reset its password</link>.",
} as const;
