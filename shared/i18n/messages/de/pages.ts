/** German: the words only the Worker's web pages use. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { pages as source } from "../en/pages.ts";

export const pages: CatalogueOf<typeof source> = {
  "page.title": "{title} · {appName}",
  "page.footer": "{appName} fragt Sie niemals per E-Mail nach Ihrem Passwort.",
  "page.languages": "Sprache",
  "page.devMailbox": "Lokal ausgeführt: E-Mails werden im <mailbox>Entwicklungspostfach</mailbox> gespeichert.",
  "page.devRateLimits": "Sie entwickeln lokal? Setzen Sie {setting} in {file}.",
  "page.continue": "Weiter",

  "forgotPasswordPage.haveCode": "Ich habe einen Code",
  "forgotPasswordPage.noAccount": "Noch kein Konto? <signUp>Konto erstellen</signUp>",

  "checkEmailPage.yourCode": "Ihr Code",
  "checkEmailPage.sendAnother": "Neuen Link senden",
  "checkEmailPage.tooManyCodes":
    "Aus Ihrem Netzwerk wurden zu viele Codes ausprobiert. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",

  "rateLimited.title": "Zu viele Anfragen",
  "rateLimited.heading": "Bitte warten Sie einen Moment",
  "rateLimited.resetRequests":
    "Wir haben aus Ihrem Netzwerk sehr viele Anfragen zum Zurücksetzen erhalten. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "rateLimited.signUps":
    "Wir haben aus Ihrem Netzwerk sehr viele Registrierungen erhalten. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "rateLimited.passwordAttempts":
    "Wir haben aus Ihrem Netzwerk sehr viele Passworteingaben erhalten. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "rateLimited.back": "Zurück zum Formular",

  "resetLinkPage.invalidTitle": "Link ungültig oder abgelaufen",
  "resetLinkPage.usedTitle": "Link bereits verwendet",
  "resetLinkPage.changedTitle": "Passwort geändert",
  "resetLinkPage.openingTitle": "Link zum Zurücksetzen wird geöffnet",
  "resetLinkPage.opening": "Link zum Zurücksetzen wird geöffnet…",

  "verifyEmailPage.confirmedTitle": "E-Mail-Adresse bestätigt",
  "verifyEmailPage.alreadyConfirmedTitle": "Adresse bereits bestätigt",
  "verifyEmailPage.invalidTitle": "Link ungültig oder abgelaufen",
  "verifyEmailPage.openingTitle": "Bestätigungslink wird geöffnet",
  "verifyEmailPage.opening": "Bestätigungslink wird geöffnet…",

  "signUpPage.otherAddress": "Andere Adresse verwenden",

  "accountAlert.title": "Konto schützen",
  "accountAlert.heading": "Sie haben Ihr Passwort nicht geändert?",
  "accountAlert.body":
    "Jemand hat das Passwort von <strong>{email}</strong> geändert. Falls Sie das nicht waren, melden wir das Konto auf allen Geräten ab, machen das aktuelle Passwort ungültig und senden einen neuen Link zum Zurücksetzen an die Adresse des Kontos.",
  "accountAlert.submit": "Auf allen Geräten abmelden und Link zum Zurücksetzen senden",
  "accountAlert.doneTitle": "Konto geschützt",
  "accountAlert.doneHeading": "Ihr Konto ist auf allen Geräten abgemeldet",
  "accountAlert.doneBody":
    "Das aktuelle Passwort funktioniert nicht mehr. Wir haben einen neuen Link zum Zurücksetzen an die E-Mail-Adresse des Kontos gesendet. Legen Sie damit ein neues Passwort fest.",
  "accountAlert.invalidTitle": "Link ungültig oder abgelaufen",
  "accountAlert.invalidHeading": "Dieser Link ist ungültig oder abgelaufen",
  "accountAlert.invalidBody":
    "Falls Sie eine Passwortänderung weiterhin nicht zuordnen können, fordern Sie einen Link zum Zurücksetzen an: Er meldet niemanden an, und ein neues Passwort meldet alle anderen Geräte ab.",
  "accountAlert.askForLink": "Link zum Zurücksetzen anfordern",

  "errorPage.notFoundTitle": "Seite nicht gefunden",
  "errorPage.notFoundBody":
    "Unter dieser Adresse gibt es keine Seite. Wenn Sie einem Link zum Zurücksetzen gefolgt sind, kopieren Sie den vollständigen Link aus der E-Mail.",
  "errorPage.resetYourPassword": "Passwort zurücksetzen",
  "errorPage.formExpiredTitle": "Formular abgelaufen",
  "errorPage.formExpiredHeading": "Dieses Formular ist abgelaufen",
  "errorPage.formExpiredBody":
    "Zu Ihrer Sicherheit akzeptieren wir nur Formulare, die von dieser Website gesendet wurden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.",
  "errorPage.startAgain": "Von vorn beginnen",
  "errorPage.tooLargeTitle": "Zu viel Text",
  "errorPage.tooLargeHeading": "Sie haben mehr Text eingegeben, als dieses Formular zulässt",
  "errorPage.tooLargeBody":
    "Passwörter dürfen höchstens {passwordMax} Zeichen lang sein, E-Mail-Adressen höchstens {emailMax}. Gehen Sie zurück, kürzen Sie Ihre Eingabe und senden Sie das Formular erneut.",
  "errorPage.unavailableTitle": "Vorübergehend nicht verfügbar",
  "errorPage.unavailableBody":
    "Wir können Ihre Anfrage gerade nicht bearbeiten. Das liegt nicht an Ihnen. Bitte versuchen Sie es in ein paar Minuten erneut.",
  "errorPage.unavailableLinkStillWorks":
    "Falls Sie einen Link zum Zurücksetzen verwendet haben, funktioniert er weiterhin, bis er abläuft.",
  "errorPage.genericTitle": "Ein Fehler ist aufgetreten",
  "errorPage.unreadableForm": "Dieses Formular konnte nicht gelesen werden. Laden Sie die Seite neu und senden Sie es erneut.",
  "errorPage.wrongMethod": "Diese Seite kann so nicht geöffnet werden. Öffnen Sie sie stattdessen über einen Link oder das Formular.",

  "apiReference.title": "API-Referenz",
  "apiReference.intro": "Alle Endpunkte dieses Dienstes, gelesen aus seinem <document>OpenAPI-Dokument</document>. Die Beschreibungen der API sind auf Englisch.",
  "apiReference.contents": "Inhalt",
  "apiReference.authentication": "Authentifizierung",
  "apiReference.noAuthentication": "Keine",
  "apiReference.parameters": "Parameter",
  "apiReference.requestBody": "Anfragekörper",
  "apiReference.responses": "Antworten",
  "apiReference.headers": "Header",
  "apiReference.example": "Beispiel: {name}",
  "apiReference.columnName": "Name",
  "apiReference.columnType": "Typ",
  "apiReference.columnLocation": "Ort",
  "apiReference.columnDetails": "Angaben",
  "apiReference.required": "erforderlich",
  "apiReference.optional": "optional",
  "apiReference.wholeBody": "(der ganze Inhalt)",
  "apiReference.noContent": "Kein Inhalt.",
};
