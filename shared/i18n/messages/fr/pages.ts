/** French: the words only the Worker’s web pages use. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { pages as source } from "../en/pages.ts";

export const pages: CatalogueOf<typeof source> = {
  "page.title": "{title} · {appName}",
  "page.footer": "{appName} ne vous demandera jamais votre mot de passe par e-mail.",
  "page.languages": "Langue",
  "page.devMailbox": "Exécution en local : les e-mails sont conservés dans la <mailbox>boîte de réception de développement</mailbox>.",
  "page.devRateLimits": "Vous développez en local ? Définissez {setting} dans {file}.",
  "page.continue": "Continuer",

  "forgotPasswordPage.haveCode": "J’ai un code",
  "forgotPasswordPage.noAccount": "Pas encore de compte ? <signUp>Créer un compte</signUp>",

  "checkEmailPage.yourCode": "Votre code",
  "checkEmailPage.sendAnother": "Envoyer un nouveau lien",
  "checkEmailPage.tooManyCodes":
    "Trop de codes ont été essayés depuis votre réseau. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",

  "rateLimited.title": "Trop de demandes",
  "rateLimited.heading": "Veuillez patienter un peu",
  "rateLimited.resetRequests":
    "Nous avons reçu de nombreuses demandes de réinitialisation depuis votre réseau. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "rateLimited.signUps":
    "Nous avons reçu de nombreuses inscriptions depuis votre réseau. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "rateLimited.passwordAttempts":
    "Nous avons reçu de nombreuses tentatives de saisie du mot de passe depuis votre réseau. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "rateLimited.back": "Retour au formulaire",

  "resetLinkPage.invalidTitle": "Lien non valide ou expiré",
  "resetLinkPage.usedTitle": "Lien déjà utilisé",
  "resetLinkPage.changedTitle": "Mot de passe modifié",
  "resetLinkPage.openingTitle": "Ouverture de votre lien de réinitialisation",
  "resetLinkPage.opening": "Ouverture de votre lien de réinitialisation…",

  "verifyEmailPage.confirmedTitle": "Adresse e-mail confirmée",
  "verifyEmailPage.alreadyConfirmedTitle": "Adresse déjà confirmée",
  "verifyEmailPage.invalidTitle": "Lien non valide ou expiré",
  "verifyEmailPage.openingTitle": "Ouverture de votre lien de confirmation",
  "verifyEmailPage.opening": "Ouverture de votre lien de confirmation…",

  "signUpPage.otherAddress": "Utiliser une autre adresse",

  "accountAlert.title": "Sécurisez votre compte",
  "accountAlert.heading": "Vous n’avez pas modifié votre mot de passe ?",
  "accountAlert.body":
    "Quelqu’un a modifié le mot de passe de <strong>{email}</strong>. Si ce n’était pas vous, nous déconnecterons le compte sur tous les appareils, désactiverons le mot de passe actuel et enverrons un nouveau lien de réinitialisation à l’adresse du compte.",
  "accountAlert.submit": "Se déconnecter partout et envoyer un lien de réinitialisation",
  "accountAlert.doneTitle": "Compte sécurisé",
  "accountAlert.doneHeading": "Votre compte est déconnecté sur tous les appareils",
  "accountAlert.doneBody":
    "Le mot de passe actuel ne fonctionne plus. Nous avons envoyé un nouveau lien de réinitialisation à l’adresse e-mail du compte : utilisez-le pour choisir un nouveau mot de passe.",
  "accountAlert.invalidTitle": "Lien non valide ou expiré",
  "accountAlert.invalidHeading": "Ce lien n’est pas valide ou a expiré",
  "accountAlert.invalidBody":
    "Si vous ne reconnaissez toujours pas une modification de mot de passe, demandez un lien de réinitialisation : il ne connecte personne à votre compte, et un nouveau mot de passe déconnecte tous les autres appareils.",
  "accountAlert.askForLink": "Demander un lien de réinitialisation",

  "errorPage.notFoundTitle": "Page introuvable",
  "errorPage.notFoundBody":
    "Aucune page n’existe à cette adresse. Si vous avez suivi un lien de réinitialisation, copiez le lien complet depuis l’e-mail.",
  "errorPage.resetYourPassword": "Réinitialiser votre mot de passe",
  "errorPage.formExpiredTitle": "Formulaire expiré",
  "errorPage.formExpiredHeading": "Ce formulaire a expiré",
  "errorPage.formExpiredBody":
    "Pour votre sécurité, nous n’acceptons que les formulaires envoyés depuis ce site. Revenez en arrière, actualisez la page et réessayez.",
  "errorPage.startAgain": "Recommencer",
  "errorPage.tooLargeTitle": "Texte trop long",
  "errorPage.tooLargeHeading": "Ce formulaire n’accepte pas autant de texte",
  "errorPage.tooLargeBody":
    "Les mots de passe sont limités à {passwordMax} caractères et les adresses e-mail à {emailMax}. Revenez en arrière, raccourcissez votre saisie et renvoyez le formulaire.",
  "errorPage.unavailableTitle": "Service momentanément indisponible",
  "errorPage.unavailableBody":
    "Nous ne pouvons pas traiter votre demande pour le moment. Vous n’y êtes pour rien. Veuillez réessayer dans quelques minutes.",
  "errorPage.unavailableLinkStillWorks": "Si vous utilisiez un lien de réinitialisation, il reste valable jusqu’à son expiration.",
  "errorPage.genericTitle": "Une erreur s’est produite",
  "errorPage.unreadableForm": "Impossible de lire ce formulaire. Actualisez la page et renvoyez-le.",
  "errorPage.wrongMethod": "Cette page ne peut pas être ouverte de cette façon. Ouvrez-la plutôt à partir d’un lien ou du formulaire.",

  "apiReference.title": "Référence de l’API",
  "apiReference.intro": "Tous les points de terminaison de ce service, lus dans son <document>document OpenAPI</document>. Les descriptions de l’API sont en anglais.",
  "apiReference.contents": "Sommaire",
  "apiReference.authentication": "Authentification",
  "apiReference.noAuthentication": "Aucune",
  "apiReference.parameters": "Paramètres",
  "apiReference.requestBody": "Corps de la requête",
  "apiReference.responses": "Réponses",
  "apiReference.headers": "En-têtes",
  "apiReference.example": "Exemple : {name}",
  "apiReference.columnName": "Nom",
  "apiReference.columnType": "Type",
  "apiReference.columnLocation": "Emplacement",
  "apiReference.columnDetails": "Détails",
  "apiReference.required": "obligatoire",
  "apiReference.optional": "facultatif",
  "apiReference.wholeBody": "(le corps entier)",
  "apiReference.noContent": "Pas de corps.",
};
