/** German: the words of the emails, the same sentences in the plain-text and the HTML part. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { email as source } from "../en/email.ts";

export const email: CatalogueOf<typeof source> = {
  "email.greeting": "Guten Tag!",
  "email.signature": "— {appName}",
  "email.copyLink": "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:",
  "email.openInAppText": "Oder öffnen Sie den Link direkt in der {appName}-Desktop-App:",
  "email.minutes": "{count, plural, one {# Minute} other {# Minuten}}",
  "email.hours": "{count, plural, one {# Stunde} other {# Stunden}}",
  "email.days": "{count, plural, one {# Tag} other {# Tage}}",

  "resetEmail.subject": "Ihr {appName}-Passwort zurücksetzen",
  "resetEmail.title": "Passwort zurücksetzen",
  "resetEmail.asked": "Für Ihr {appName}-Konto wurde das Zurücksetzen des Passworts angefordert.",
  "resetEmail.thisComputerText": "Öffnen Sie auf diesem Computer den folgenden Link, um ein neues Passwort festzulegen:",
  "resetEmail.thisComputerHtml": "<strong>Auf diesem Computer</strong> können Sie über die Schaltfläche ein neues Passwort festlegen.",
  "resetEmail.button": "Neues Passwort festlegen",
  "resetEmail.openInAppHtml": "Sie nutzen die Desktop-App? <link>Ansicht zum Zurücksetzen in {appName} öffnen</link>.",
  "resetEmail.otherDevice":
    "<strong>Auf einem anderen Gerät</strong> geben Sie diesen Code in der {appName}-App ein oder auf der Webseite „Passwort vergessen?“ von {appName} unter „Ich habe einen Code“:",
  "resetEmail.lifetime":
    "Link und Code gehören zusammen: Beide funktionieren nur einmal, und sobald einer verwendet wird, ist der andere ungültig. Beide sind <strong>{lifetime}</strong> gültig, bis {until}.",
  "resetEmail.notYou":
    "Sie haben das nicht angefordert? Dann ignorieren Sie diese E-Mail. Ihr Passwort bleibt unverändert, und ohne diesen Link oder Code kann es niemand ändern.",

  "passwordChangedEmail.subject": "Ihr {appName}-Passwort wurde geändert",
  "passwordChangedEmail.title": "Ihr Passwort wurde geändert",
  "passwordChangedEmail.changed": "Das Passwort Ihres {appName}-Kontos (<strong>{email}</strong>) wurde am {when} geändert.",
  "passwordChangedEmail.wasYou": "Wenn Sie das waren, müssen Sie nichts weiter tun.",
  "passwordChangedEmail.notYouText":
    "Wenn Sie das nicht waren, öffnen Sie diesen Link. Damit werden alle Geräte abgemeldet, das aktuelle Passwort wird ungültig, und an diese Adresse wird ein neuer Link zum Zurücksetzen gesendet:",
  "passwordChangedEmail.notYouHtml":
    "Wenn Sie das nicht waren, verwenden Sie die Schaltfläche unten. Damit werden alle Geräte abgemeldet, das aktuelle Passwort wird ungültig, und an diese Adresse wird ein neuer Link zum Zurücksetzen gesendet.",
  "passwordChangedEmail.button": "Das war ich nicht",
  "passwordChangedEmail.lifetime": "Dieser Link funktioniert nur einmal und ist {lifetime} gültig, bis {until}.",

  "signUpNoticeEmail.subject": "Jemand wollte mit Ihrer Adresse ein {appName}-Konto erstellen",
  "signUpNoticeEmail.title": "Jemand wollte mit Ihrer Adresse ein Konto erstellen",
  "signUpNoticeEmail.tried": "Jemand wollte mit Ihrer Adresse ein Konto erstellen.",
  "signUpNoticeEmail.exists": "Sie haben bereits ein {appName}-Konto, daher wurde kein neues Konto erstellt.",
  "signUpNoticeEmail.signInText": "Wenn Sie das waren, melden Sie sich an:",
  "signUpNoticeEmail.resetText": "oder setzen Sie Ihr Passwort zurück, falls Sie es vergessen haben:",
  "signUpNoticeEmail.wasYouHtml":
    "Wenn Sie das waren, <signIn>melden Sie sich an</signIn> oder setzen Sie Ihr Passwort zurück, falls Sie es vergessen haben.",
  "signUpNoticeEmail.button": "Passwort zurücksetzen",
  "signUpNoticeEmail.notYou": "Wenn Sie das nicht waren, müssen Sie nichts tun: Ihr Konto und Ihr Passwort bleiben unverändert.",

  "verificationEmail.subject": "Bestätigen Sie Ihre E-Mail-Adresse für {appName}",
  "verificationEmail.title": "E-Mail-Adresse bestätigen",
  "verificationEmail.signedUp": "Jemand hat sich mit dieser E-Mail-Adresse für ein {appName}-Konto registriert.",
  "verificationEmail.wasYouText":
    "Wenn Sie das waren, öffnen Sie diesen Link und geben Sie das gewählte Passwort ein, um die Adresse zu bestätigen:",
  "verificationEmail.wasYouHtml":
    "Wenn Sie das waren, verwenden Sie die Schaltfläche und geben Sie das gewählte Passwort ein, um die Adresse zu bestätigen.",
  "verificationEmail.button": "E-Mail-Adresse bestätigen",
  "verificationEmail.openInAppHtml": "Sie nutzen die Desktop-App? <link>In {appName} bestätigen</link>.",
  "verificationEmail.lifetime": "Der Link funktioniert nur einmal und ist <strong>{lifetime}</strong> gültig, bis {until}.",
  "verificationEmail.notYou":
    "Sie haben sich nicht registriert? Dann ignorieren Sie diese E-Mail: Das Konto kann erst verwendet werden, wenn die Adresse bestätigt ist, und wird nach einem Tag gelöscht.",
  "verificationEmail.takeOver":
    "Wenn Sie das Konto mit einem eigenen Passwort übernehmen möchten, <link>setzen Sie das Passwort zurück</link>.",
};
