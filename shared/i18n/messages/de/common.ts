/** German: the words the web pages and the desktop app share. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { common as source } from "../en/common.ts";

export const common: CatalogueOf<typeof source> = {
  "forgotPassword.title": "Passwort vergessen?",
  "forgotPassword.intro":
    "Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir senden Ihnen an diese Adresse einen Link, mit dem Sie ein neues Passwort festlegen können.",
  "forgotPassword.emailLabel": "E-Mail-Adresse",
  "forgotPassword.submit": "Link senden",
  "forgotPassword.submitting": "Wird gesendet…",

  "resetPassword.title": "Neues Passwort festlegen",
  "resetPassword.forAccount": "Für das Konto <strong>{email}</strong>.",
  "resetPassword.passwordLabel": "Neues Passwort",
  "resetPassword.confirmationLabel": "Neues Passwort bestätigen",
  "resetPassword.submit": "Neues Passwort speichern",
  "resetPassword.submitting": "Wird gespeichert…",
  "resetPassword.missingPassword": "Geben Sie ein neues Passwort ein.",
  "resetPassword.missingConfirmation": "Geben Sie das neue Passwort noch einmal ein.",
  "resetPassword.mismatch": "Die beiden Passwörter stimmen nicht überein.",
  "resetPassword.preferApp": "Lieber in der App?",
  "resetPassword.openInApp": "In der {appName}-Desktop-App öffnen",

  "resetOutcome.invalidTitle": "Dieser Link zum Zurücksetzen ist ungültig oder abgelaufen",
  "resetOutcome.invalidBody":
    "Links zum Zurücksetzen funktionieren nur einmal und nur für begrenzte Zeit. Gültig ist immer nur der zuletzt angeforderte Link.",
  "resetOutcome.askAgain": "Neuen Link anfordern",
  "resetOutcome.usedTitle": "Dieser Link zum Zurücksetzen wurde bereits verwendet",
  "resetOutcome.usedBody":
    "Jeder Link funktioniert nur einmal. Wenn Sie damit ein neues Passwort festgelegt haben, ist es gespeichert: Melden Sie sich damit an. Falls nicht, fordern Sie einen neuen Link an.",
  "resetOutcome.changedTitle": "Ihr Passwort wurde geändert",
  "resetOutcome.changedBody":
    "Zu Ihrer Sicherheit haben wir Sie auf allen Geräten abgemeldet. Melden Sie sich mit Ihrem neuen Passwort an.",
  "resetOutcome.signIn": "Anmelden",

  "checkEmail.title": "Prüfen Sie Ihr Postfach",
  "checkEmail.linkSent":
    "Falls zu {email} ein Konto existiert, haben wir an diese Adresse einen Link zum Zurücksetzen des Passworts gesendet.",
  "checkEmail.howLong":
    "Öffnen Sie den Link auf diesem Gerät. Der Link und der zugehörige Code sind {minutes, plural, one {# Minute} other {# Minuten}} gültig und funktionieren nur einmal. Es kann einen Moment dauern, bis die E-Mail ankommt. Sehen Sie auch in Ihrem Spam-Ordner nach.",
  "checkEmail.openInApp": "Öffnen Sie den Link auf diesem Computer. {appName} zeigt Ihnen dann die Ansicht zum Zurücksetzen des Passworts.",
  "checkEmail.otherDevice": "Lesen Sie die E-Mail auf einem anderen Gerät?",
  "checkEmail.otherDeviceHint": "Geben Sie stattdessen hier den Code aus der E-Mail ein.",

  "resetCode.enterTitle": "Code aus der E-Mail eingeben",
  "resetCode.enterIntro":
    "Die E-Mail zum Zurücksetzen enthält einen Code wie {example}. Geben Sie ihn zusammen mit der Adresse ein, an die die E-Mail gesendet wurde.",
  "resetCode.label": "Code aus der E-Mail",
  "resetCode.hint": "8 Zeichen, z. B. {example}",
  "resetCode.missing": "Geben Sie den Code aus der E-Mail ein.",
  "resetCode.shape": "Geben Sie den 8-stelligen Code aus der E-Mail ein, z. B. {example}.",
  "resetCode.invalid":
    "Dieser Code ist für diese Adresse nicht gültig. Ein Code wird ungültig, sobald der Link verwendet wurde, sobald er abläuft und nach {budget, plural, one {# Fehlversuch} other {# Fehlversuchen}}. Fordern Sie bei Bedarf eine neue E-Mail an.",
  "resetCode.refused":
    "Dieser Code hat für diese Adresse nicht funktioniert. Vergleichen Sie ihn mit der neuesten E-Mail und versuchen Sie es erneut. Nach {budget, plural, one {# Fehlversuch} other {# Fehlversuchen}} wird der Code ungültig.",
  "resetCode.refusedLast":
    "Auch dieser Code hat nicht funktioniert. Nach {budget, plural, one {# Fehlversuch} other {# Fehlversuchen}} wird ein Code ungültig: Lassen Sie sich eine neue E-Mail senden und verwenden Sie den Code daraus.",
  "resetCode.submit": "Mit Code fortfahren",
  "resetCode.submitting": "Wird geprüft…",

  "formError.summaryTitle":
    "{count, plural, one {Bitte korrigieren Sie zuerst diese Angabe} other {Bitte korrigieren Sie zuerst diese Angaben}}",

  "passwordPolicy.hint":
    "Verwenden Sie {min} bis {max} Zeichen. Ein langer Satz lässt sich am leichtesten merken. Häufig verwendete Passwörter und Ihre E-Mail-Adresse sind nicht erlaubt; Sonderzeichen und Ziffern sind optional.",
  "passwordPolicy.tooShort": "Verwenden Sie mindestens {min, plural, one {# Zeichen} other {# Zeichen}}.",
  "passwordPolicy.tooLong": "Verwenden Sie höchstens {max, plural, one {# Zeichen} other {# Zeichen}}.",
  "passwordPolicy.matchesEmail": "Verwenden Sie nicht Ihre E-Mail-Adresse als Passwort.",
  "passwordPolicy.common": "Dieses Passwort wird zu häufig verwendet. Wählen Sie eines, das schwerer zu erraten ist.",
  "passwordPolicy.breached":
    "Dieses Passwort ist bereits in einem Datenleck aufgetaucht. Angreifer probieren es deshalb früh aus. Wählen Sie ein anderes.",
  "passwordPolicy.accepted": "Dieses Passwort erfüllt die Anforderungen.",

  "signUp.title": "Konto erstellen",
  "signUp.intro":
    "Geben Sie Ihre E-Mail-Adresse ein und wählen Sie ein Passwort. Wir senden Ihnen an diese Adresse einen Link, mit dem Sie bestätigen, dass sie Ihnen gehört.",
  "signUp.emailLabel": "E-Mail-Adresse",
  "signUp.passwordLabel": "Passwort",
  "signUp.confirmationLabel": "Passwort bestätigen",
  "signUp.submit": "Konto erstellen",
  "signUp.submitting": "Wird erstellt…",
  "signUp.missingPassword": "Geben Sie ein Passwort ein.",
  "signUp.missingConfirmation": "Geben Sie das Passwort noch einmal ein.",
  "signUp.haveAccount": "Sie haben bereits ein Konto?",
  "signUp.signIn": "Anmelden",
  "signUp.checkEmailTitle": "Prüfen Sie Ihr Postfach",
  "signUp.checkEmailBody":
    "Falls {email} für ein neues Konto verwendet werden kann, haben wir an diese Adresse einen Link zur Bestätigung gesendet. Der Link ist 24 Stunden gültig. Falls zu der Adresse bereits ein Konto existiert, erhält der Inhaber stattdessen einen Hinweis.",
  "signUp.checkEmailBodyNoAddress":
    "Falls die eingegebene Adresse für ein neues Konto verwendet werden kann, haben wir an sie einen Link zur Bestätigung gesendet. Der Link ist 24 Stunden gültig. Falls zu der Adresse bereits ein Konto existiert, erhält der Inhaber stattdessen einen Hinweis.",
  "signUp.spamHint": "Es kann einen Moment dauern, bis die E-Mail ankommt. Sehen Sie auch in Ihrem Spam-Ordner nach.",

  "verifyEmail.title": "E-Mail-Adresse bestätigen",
  "verifyEmail.intro":
    "Geben Sie das Passwort ein, das Sie bei der Registrierung gewählt haben. So ist sichergestellt, dass die Person, die diese E-Mail geöffnet hat, auch das Passwort gewählt hat.",
  "verifyEmail.forAccount": "Für das Konto <strong>{email}</strong>.",
  "verifyEmail.passwordLabel": "Passwort",
  "verifyEmail.missingPassword": "Geben Sie Ihr Passwort ein.",
  "verifyEmail.submit": "E-Mail-Adresse bestätigen",
  "verifyEmail.submitting": "Wird bestätigt…",
  "verifyEmail.wrongPassword":
    "Das ist nicht das Passwort, das bei der Registrierung mit dieser Adresse gewählt wurde. Wenn Sie sich nicht registriert haben, ignorieren Sie die E-Mail. Wenn Sie selbst ein Passwort wählen möchten, registrieren Sie sich erneut mit dieser Adresse.",
  "verifyEmail.verifiedTitle": "Ihre E-Mail-Adresse ist bestätigt",
  "verifyEmail.verifiedBody": "Ihr Konto ist bereit. Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.",
  "verifyEmail.invalidTitle": "Dieser Bestätigungslink ist ungültig oder abgelaufen",
  "verifyEmail.invalidBody":
    "Bestätigungslinks funktionieren nur einmal und sind 24 Stunden gültig. Gültig ist immer nur der neueste Link. Registrieren Sie sich erneut, um einen neuen Link zu erhalten.",
  "verifyEmail.signUpAgain": "Erneut registrieren",
  "verifyEmail.alreadyVerifiedTitle": "Diese Adresse ist bereits bestätigt",
  "verifyEmail.alreadyVerifiedBody":
    "Mit diesem Link wurde die Adresse bereits bestätigt, das Konto existiert also. Melden Sie sich mit der zugehörigen E-Mail-Adresse und dem Passwort an.",

  "signIn.title": "Anmelden",
  "signIn.emailLabel": "E-Mail-Adresse",
  "signIn.passwordLabel": "Passwort",
  "signIn.submit": "Anmelden",
  "signIn.submitting": "Anmeldung läuft…",
  "signIn.forgotPassword": "Passwort vergessen?",
  "signIn.createAccount": "Konto erstellen",
  "signIn.invalidCredentials":
    "Die E-Mail-Adresse oder das Passwort ist falsch. Wenn Sie sich gerade registriert haben, bestätigen Sie zuerst Ihre Adresse über den Link, den wir Ihnen per E-Mail gesendet haben.",
  "signIn.signedOut": "Sie haben sich abgemeldet.",
  "signIn.signedOutEverywhere": "Sie haben sich auf allen Geräten abgemeldet.",

  "account.title": "Ihr Konto",
  "account.signedInAs": "Angemeldet als <strong>{email}</strong>.",
  "account.changeTitle": "Passwort ändern",
  "account.currentLabel": "Aktuelles Passwort",
  "account.newLabel": "Neues Passwort",
  "account.confirmLabel": "Neues Passwort bestätigen",
  "account.missingCurrent": "Geben Sie Ihr aktuelles Passwort ein.",
  "account.missingPassword": "Geben Sie ein neues Passwort ein.",
  "account.missingConfirmation": "Geben Sie das neue Passwort noch einmal ein.",
  "account.submit": "Passwort ändern",
  "account.submitting": "Wird geändert…",
  "account.currentPasswordWrong": "Das ist nicht Ihr aktuelles Passwort.",
  "account.changed":
    "Ihr Passwort wurde geändert. Alle anderen Geräte wurden abgemeldet, und wir haben Ihnen eine Benachrichtigung per E-Mail gesendet.",
  "account.signOut": "Abmelden",
  "account.signOutEverywhere": "Auf allen Geräten abmelden",
  "account.signingOut": "Abmeldung läuft…",
  "account.cancel": "Abbrechen",

  "wait.minutes": "Zu viele Versuche. Bitte versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "wait.seconds": "Zu viele Versuche. Bitte versuchen Sie es in {seconds, plural, one {# Sekunde} other {# Sekunden}} erneut.",
  "wait.unknown": "Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.",

  "email.missing": "Geben Sie Ihre E-Mail-Adresse ein.",
  "email.tooLong": "Eine E-Mail-Adresse darf höchstens {max} Zeichen lang sein.",
  "email.controlCharacters": "Eine E-Mail-Adresse darf keine Zeilenumbrüche oder Steuerzeichen enthalten.",
  "email.invalid": "Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.",
  "email.nonAsciiLocalPart":
    "Verwenden Sie vor dem @ nur lateinische Buchstaben, Ziffern und die Zeichen . _ % + -. Buchstaben wie é oder ü funktionieren im Teil nach dem @ (exämple.de), aber an Adressen mit solchen Zeichen vor dem @ können viele Mailserver nicht zustellen.",
};
