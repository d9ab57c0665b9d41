/** The words only the Worker's web pages use. */
export const pages = {
  "page.title": "{title} · {appName}",
  "page.footer": "{appName} never asks for your password by email.",
  "page.languages": "Language",
  "page.devMailbox": "Running locally: emails are kept in the <mailbox>development mailbox</mailbox>.",
  "page.devRateLimits": "Developing locally? Set {setting} in {file}.",
  "page.continue": "Continue",

  "forgotPasswordPage.haveCode": "I have a code",
  "forgotPasswordPage.noAccount": "No account yet? <signUp>Create an account</signUp>",

  "checkEmailPage.yourCode": "Your code",
  "checkEmailPage.sendAnother": "Send another link",
  "checkEmailPage.tooManyCodes": "Too many codes were tried from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.",

  "rateLimited.title": "Too many requests",
  "rateLimited.heading": "Please wait a little",
  "rateLimited.resetRequests":
    "We have received many reset requests from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "rateLimited.signUps": "We have received many sign-ups from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "rateLimited.passwordAttempts":
    "We have received many password attempts from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "rateLimited.back": "Back to the form",

  "resetLinkPage.invalidTitle": "Link invalid or expired",
  "resetLinkPage.usedTitle": "Link already used",
  "resetLinkPage.changedTitle": "Password changed",
  "resetLinkPage.openingTitle": "Opening your reset link",
  "resetLinkPage.opening": "Opening your reset link…",

  "verifyEmailPage.confirmedTitle": "Email address confirmed",
  "verifyEmailPage.alreadyConfirmedTitle": "Address already confirmed",
  "verifyEmailPage.invalidTitle": "Link invalid or expired",
  "verifyEmailPage.openingTitle": "Opening your confirmation link",
  "verifyEmailPage.opening": "Opening your confirmation link…",

  "signUpPage.otherAddress": "Use another address",

  "accountAlert.title": "Secure your account",
  "accountAlert.heading": "Didn't change your password?",
  "accountAlert.body":
    "Someone changed the password of <strong>{email}</strong>. If it wasn't you, we will sign the account out on every device, stop the current password from working and email a new reset link to its address.",
  "accountAlert.submit": "Sign out everywhere and send a reset link",
  "accountAlert.doneTitle": "Account secured",
  "accountAlert.doneHeading": "Your account is signed out everywhere",
  "accountAlert.doneBody":
    "The current password no longer works. We sent a new reset link to the account's email address: use it to choose a new password.",
  "accountAlert.invalidTitle": "Link invalid or expired",
  "accountAlert.invalidHeading": "This link is invalid or has expired",
  "accountAlert.invalidBody":
    "If you still don't recognise a password change, ask for a reset link: it signs nobody in, and a new password signs every other device out.",
  "accountAlert.askForLink": "Ask for a reset link",

  "errorPage.notFoundTitle": "Page not found",
  "errorPage.notFoundBody": "There is no page at this address. If you followed a reset link, copy the whole link from the email.",
  "errorPage.resetYourPassword": "Reset your password",
  "errorPage.formExpiredTitle": "Form expired",
  "errorPage.formExpiredHeading": "This form has expired",
  "errorPage.formExpiredBody": "For your safety we only accept forms sent from this site. Go back, reload the page and try again.",
  "errorPage.startAgain": "Start again",
  "errorPage.tooLargeTitle": "Too much text",
  "errorPage.tooLargeHeading": "That was more text than this form accepts",
  "errorPage.tooLargeBody":
    "Passwords can be at most {passwordMax} characters and email addresses {emailMax}. Go back, shorten what you typed and send the form again.",
  "errorPage.unavailableTitle": "Temporarily unavailable",
  "errorPage.unavailableBody": "We can't handle your request right now. Nothing you did caused this. Please try again in a few minutes.",
  "errorPage.unavailableLinkStillWorks": "If you were using a reset link, it still works until it expires.",
  "errorPage.genericTitle": "Something went wrong",
  "errorPage.unreadableForm": "This form could not be read. Reload the page and send it again.",
  "errorPage.wrongMethod": "This page cannot be opened that way. Open it from a link or the form instead.",

  "apiReference.title": "API reference",
  "apiReference.intro": "Every endpoint of this service, read from its <document>OpenAPI document</document>. The descriptions of the API are in English.",
  "apiReference.contents": "Contents",
  "apiReference.authentication": "Authentication",
  "apiReference.noAuthentication": "None",
  "apiReference.parameters": "Parameters",
  "apiReference.requestBody": "Request body",
  "apiReference.responses": "Responses",
  "apiReference.headers": "Headers",
  "apiReference.example": "Example: {name}",
  "apiReference.columnName": "Name",
  "apiReference.columnType": "Type",
  "apiReference.columnLocation": "In",
  "apiReference.columnDetails": "Details",
  "apiReference.required": "required",
  "apiReference.optional": "optional",
  "apiReference.wholeBody": "(the body)",
  "apiReference.noContent": "No body.",
} as const;
