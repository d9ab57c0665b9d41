/** German: the words only the desktop app uses. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { app as source } from "../en/app.ts";

export const app: CatalogueOf<typeof source> = {
  "app.menu.language": "Sprache",
  "app.menu.file": "Datei",
  "app.menu.edit": "Bearbeiten",
  "app.menu.view": "Ansicht",
  "app.menu.window": "Fenster",
  "app.menu.about": "Über {appName}",
  "app.menu.hide": "{appName} ausblenden",
  "app.menu.hideOthers": "Andere ausblenden",
  "app.menu.showAll": "Alle einblenden",
  "app.menu.quit": "{appName} beenden",
  "app.menu.undo": "Widerrufen",
  "app.menu.redo": "Wiederholen",
  "app.menu.cut": "Ausschneiden",
  "app.menu.copy": "Kopieren",
  "app.menu.paste": "Einsetzen",
  "app.menu.selectAll": "Alles auswählen",
  "app.menu.reload": "Neu laden",
  "app.menu.toggleDevTools": "Entwicklertools ein-/ausblenden",
  "app.menu.actualSize": "Originalgröße",
  "app.menu.zoomIn": "Vergrößern",
  "app.menu.zoomOut": "Verkleinern",
  "app.menu.fullScreen": "Vollbild ein/aus",
  "app.menu.minimize": "Minimieren",
  "app.menu.close": "Fenster schließen",

  "app.backToSignIn": "Zurück zur Anmeldung",
  "app.tryAgain": "Erneut versuchen",
  "app.signIn.keepSignedIn": "Auf diesem Computer angemeldet bleiben",
  "app.signIn.notKept":
    "Sie bleiben angemeldet, bis Sie die App beenden. Auf diesem Computer gibt es keinen Schlüsselbund, der eine gespeicherte Anmeldung schützen könnte. Deshalb wurde nichts gespeichert, und Sie melden sich beim nächsten Mal erneut an.",
  "app.signedIn.title": "Sie sind angemeldet",
  "app.forgotPassword.haveCode": "Ich habe einen Code",
  "app.forgotPassword.sendEmailInstead": "Stattdessen eine E-Mail zum Zurücksetzen senden",
  "app.checkEmail.sentAnother": "Wir haben Ihnen eine weitere E-Mail gesendet.",
  "app.checkEmail.resend": "E-Mail erneut senden",
  "app.checkEmail.resendIn": "E-Mail in {seconds} s erneut senden",
  "app.resetPassword.checking": "Ihr Link zum Zurücksetzen wird geprüft…",
  "app.resetPassword.uncheckedTitle": "Wir konnten Ihren Link zum Zurücksetzen nicht prüfen",
  "app.signUpSent.openInApp":
    "Öffnen Sie den Link auf diesem Computer. {appName} fragt Sie dann nach Ihrem Passwort, um die Adresse zu bestätigen.",

  "app.deepLink.openResetFor": "Link zum Zurücksetzen des Passworts für {email} öffnen?",
  "app.deepLink.openReset": "Diesen Link zum Zurücksetzen des Passworts öffnen?",
  "app.deepLink.openVerifyEmail": "Diesen Link zur Bestätigung der E-Mail-Adresse öffnen?",
  "app.deepLink.openSignIn": "Diese Ansicht verlassen und zur Anmeldung wechseln?",
  "app.deepLink.body":
    "In {appName} wurde ein Link geöffnet. Wenn Sie ihn nicht gerade selbst geöffnet haben, wählen Sie „Abbrechen“ und machen Sie einfach weiter.",
  "app.deepLink.open": "Öffnen",
  "app.deepLink.cancel": "Abbrechen",

  "app.error.inApp": "In der App ist ein Fehler aufgetreten. Versuchen Sie es erneut.",
  "app.error.untrustedSender": "Diese Anfrage kam nicht aus dem {appName}-Fenster und wurde deshalb abgelehnt.",
  "app.error.unexpectedPayload": "Die Anfrage enthielt unzulässige Daten.",
  "app.error.invalidRequest": "Die Anfrage war ungültig.",
  "app.error.notSignedIn": "Sie sind nicht angemeldet.",
  "app.error.sessionEnded": "Ihre Sitzung wurde beendet. Melden Sie sich erneut an.",
  "app.error.savedSessionEnded":
    "Ihre gespeicherte Anmeldung ist nicht mehr gültig, zum Beispiel nach einer Passwortänderung. Melden Sie sich erneut an.",
  "app.error.checkFields": "Prüfen Sie die markierten Felder und versuchen Sie es erneut.",
  "app.error.serverFailed": "Auf dem {appName}-Server ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal.",
  "app.error.requestFailed": "Die Anfrage ist fehlgeschlagen. Versuchen Sie es erneut.",
  "app.error.unexpectedResponse":
    "Der {appName}-Server hat eine unerwartete Antwort gesendet (HTTP {status}). Versuchen Sie es gleich noch einmal.",
  "app.error.unreachable": "Der {appName}-Server unter {url} ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  "app.error.timeout": "Der {appName}-Server unter {url} hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut.",
};
