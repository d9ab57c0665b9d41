/** French: the words the web pages and the desktop app share. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { common as source } from "../en/common.ts";

export const common: CatalogueOf<typeof source> = {
  "forgotPassword.title": "Mot de passe oublié ?",
  "forgotPassword.intro":
    "Saisissez l’adresse e-mail que vous utilisez pour vous connecter. Nous vous enverrons à cette adresse un lien pour choisir un nouveau mot de passe.",
  "forgotPassword.emailLabel": "Adresse e-mail",
  "forgotPassword.submit": "Envoyer le lien",
  "forgotPassword.submitting": "Envoi en cours…",

  "resetPassword.title": "Choisissez un nouveau mot de passe",
  "resetPassword.forAccount": "Pour le compte <strong>{email}</strong>.",
  "resetPassword.passwordLabel": "Nouveau mot de passe",
  "resetPassword.confirmationLabel": "Confirmer le nouveau mot de passe",
  "resetPassword.submit": "Enregistrer le mot de passe",
  "resetPassword.submitting": "Enregistrement…",
  "resetPassword.missingPassword": "Saisissez un nouveau mot de passe.",
  "resetPassword.missingConfirmation": "Saisissez le nouveau mot de passe une seconde fois.",
  "resetPassword.mismatch": "Les deux mots de passe ne correspondent pas.",
  "resetPassword.preferApp": "Vous préférez l’application ?",
  "resetPassword.openInApp": "Ouvrir dans l’application de bureau {appName}",

  "resetOutcome.invalidTitle": "Ce lien de réinitialisation n’est pas valide ou a expiré",
  "resetOutcome.invalidBody":
    "Un lien de réinitialisation ne fonctionne qu’une seule fois, pendant une durée limitée, et seul le dernier que vous avez demandé est valide.",
  "resetOutcome.askAgain": "Demander un nouveau lien",
  "resetOutcome.usedTitle": "Ce lien de réinitialisation a déjà été utilisé",
  "resetOutcome.usedBody":
    "Chaque lien ne fonctionne qu’une seule fois. Si vous l’avez utilisé pour définir un nouveau mot de passe, celui-ci est enregistré : connectez-vous avec ce mot de passe. Sinon, demandez un nouveau lien.",
  "resetOutcome.changedTitle": "Votre mot de passe a été modifié",
  "resetOutcome.changedBody":
    "Pour votre sécurité, nous avons déconnecté votre compte sur tous les appareils. Connectez-vous avec votre nouveau mot de passe.",
  "resetOutcome.signIn": "Se connecter",

  "checkEmail.title": "Consultez vos e-mails",
  "checkEmail.linkSent":
    "Si un compte est associé à {email}, nous avons envoyé à cette adresse un lien pour réinitialiser le mot de passe.",
  "checkEmail.howLong":
    "Ouvrez le lien sur cet appareil. Le lien et son code sont valables {minutes, plural, one {# minute} other {# minutes}}, une seule fois. L’e-mail peut mettre une minute à arriver ; pensez aussi à vérifier votre dossier de courrier indésirable.",
  "checkEmail.openInApp": "Ouvrez le lien sur cet ordinateur : {appName} vous amènera directement à l’écran de réinitialisation.",
  "checkEmail.otherDevice": "Vous lisez l’e-mail sur un autre appareil ?",
  "checkEmail.otherDeviceHint": "Saisissez plutôt ici le code indiqué dans l’e-mail.",

  "resetCode.enterTitle": "Saisissez le code reçu par e-mail",
  "resetCode.enterIntro":
    "L’e-mail de réinitialisation contient un code du type {example}. Saisissez-le avec l’adresse à laquelle l’e-mail a été envoyé.",
  "resetCode.label": "Code reçu par e-mail",
  "resetCode.hint": "8 caractères, par exemple {example}",
  "resetCode.missing": "Saisissez le code reçu par e-mail.",
  "resetCode.shape": "Saisissez le code de 8 caractères reçu par e-mail, par exemple {example}.",
  "resetCode.invalid":
    "Ce code n’est pas valide pour cette adresse. Un code cesse de fonctionner dès que le lien a été utilisé, à son expiration et après {budget, plural, one {# tentative incorrecte} other {# tentatives incorrectes}} ; si nécessaire, demandez un nouvel e-mail.",
  "resetCode.refused":
    "Ce code n’a pas fonctionné pour cette adresse. Vérifiez-le dans l’e-mail le plus récent et réessayez ; après {budget, plural, one {# tentative incorrecte} other {# tentatives incorrectes}}, le code cesse de fonctionner.",
  "resetCode.refusedLast":
    "Ce code n’a pas fonctionné non plus. Après {budget, plural, one {# tentative incorrecte} other {# tentatives incorrectes}}, un code cesse de fonctionner : demandez un nouvel e-mail et utilisez le code qu’il contient.",
  "resetCode.submit": "Continuer avec le code",
  "resetCode.submitting": "Vérification…",

  "formError.summaryTitle": "{count, plural, one {Veuillez d’abord corriger ce point} other {Veuillez d’abord corriger ces points}}",

  "passwordPolicy.hint":
    "Utilisez entre {min} et {max} caractères. Une longue phrase est plus facile à retenir. Les mots de passe courants et votre adresse e-mail ne sont pas acceptés ; les symboles et les chiffres sont facultatifs.",
  "passwordPolicy.tooShort": "Utilisez au moins {min, plural, one {# caractère} other {# caractères}}.",
  "passwordPolicy.tooLong": "Utilisez au plus {max, plural, one {# caractère} other {# caractères}}.",
  "passwordPolicy.matchesEmail": "N’utilisez pas votre adresse e-mail comme mot de passe.",
  "passwordPolicy.common": "Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.",
  "passwordPolicy.breached":
    "Ce mot de passe est apparu dans une fuite de données : les pirates l’essaient donc en priorité. Choisissez-en un autre.",
  "passwordPolicy.accepted": "Ce mot de passe respecte les exigences.",

  "signUp.title": "Créez votre compte",
  "signUp.intro":
    "Saisissez votre adresse e-mail et choisissez un mot de passe. Nous enverrons un lien à cette adresse pour confirmer qu’elle vous appartient.",
  "signUp.emailLabel": "Adresse e-mail",
  "signUp.passwordLabel": "Mot de passe",
  "signUp.confirmationLabel": "Confirmer le mot de passe",
  "signUp.submit": "Créer un compte",
  "signUp.submitting": "Création en cours…",
  "signUp.missingPassword": "Saisissez un mot de passe.",
  "signUp.missingConfirmation": "Saisissez le mot de passe une seconde fois.",
  "signUp.haveAccount": "Vous avez déjà un compte ?",
  "signUp.signIn": "Se connecter",
  "signUp.checkEmailTitle": "Consultez vos e-mails",
  "signUp.checkEmailBody":
    "Si l’adresse {email} peut servir à créer un nouveau compte, nous y avons envoyé un lien pour la confirmer. Le lien est valable 24 heures. Si un compte existe déjà pour cette adresse, son titulaire reçoit à la place un message d’information.",
  "signUp.checkEmailBodyNoAddress":
    "Si l’adresse que vous avez saisie peut servir à créer un nouveau compte, nous y avons envoyé un lien pour la confirmer. Le lien est valable 24 heures. Si un compte existe déjà pour cette adresse, son titulaire reçoit à la place un message d’information.",
  "signUp.spamHint": "L’e-mail peut mettre une minute à arriver ; pensez aussi à vérifier votre dossier de courrier indésirable.",

  "verifyEmail.title": "Confirmez votre adresse e-mail",
  "verifyEmail.intro":
    "Saisissez le mot de passe que vous avez choisi lors de votre inscription. Cela prouve que la personne qui a ouvert cet e-mail est bien celle qui a choisi le mot de passe.",
  "verifyEmail.forAccount": "Pour le compte <strong>{email}</strong>.",
  "verifyEmail.passwordLabel": "Mot de passe",
  "verifyEmail.missingPassword": "Saisissez votre mot de passe.",
  "verifyEmail.submit": "Confirmer l’adresse e-mail",
  "verifyEmail.submitting": "Confirmation en cours…",
  "verifyEmail.wrongPassword":
    "Ce n’est pas le mot de passe choisi lors de l’inscription avec cette adresse. Si vous n’êtes pas à l’origine de cette inscription, ignorez l’e-mail ; pour choisir vous-même un mot de passe, inscrivez-vous à nouveau avec cette adresse.",
  "verifyEmail.verifiedTitle": "Votre adresse e-mail est confirmée",
  "verifyEmail.verifiedBody": "Votre compte est prêt. Connectez-vous avec votre adresse e-mail et votre mot de passe.",
  "verifyEmail.invalidTitle": "Ce lien de confirmation n’est pas valide ou a expiré",
  "verifyEmail.invalidBody":
    "Un lien de confirmation ne fonctionne qu’une seule fois, pendant 24 heures, et seul le plus récent est valide. Inscrivez-vous à nouveau pour recevoir un nouveau lien.",
  "verifyEmail.signUpAgain": "S’inscrire à nouveau",
  "verifyEmail.alreadyVerifiedTitle": "Cette adresse est déjà confirmée",
  "verifyEmail.alreadyVerifiedBody":
    "Ce lien a déjà servi à confirmer l’adresse : le compte existe donc. Connectez-vous avec son adresse e-mail et son mot de passe.",

  "signIn.title": "Connexion",
  "signIn.emailLabel": "Adresse e-mail",
  "signIn.passwordLabel": "Mot de passe",
  "signIn.submit": "Se connecter",
  "signIn.submitting": "Connexion en cours…",
  "signIn.forgotPassword": "Mot de passe oublié ?",
  "signIn.createAccount": "Créer un compte",
  "signIn.invalidCredentials":
    "L’adresse e-mail ou le mot de passe est incorrect. Si vous venez de vous inscrire, confirmez d’abord votre adresse à l’aide du lien que nous vous avons envoyé par e-mail.",
  "signIn.signedOut": "Vous êtes maintenant déconnecté.",
  "signIn.signedOutEverywhere": "Vous êtes maintenant déconnecté sur tous vos appareils.",

  "account.title": "Votre compte",
  "account.signedInAs": "Connecté en tant que <strong>{email}</strong>.",
  "account.changeTitle": "Modifier le mot de passe",
  "account.currentLabel": "Mot de passe actuel",
  "account.newLabel": "Nouveau mot de passe",
  "account.confirmLabel": "Confirmer le nouveau mot de passe",
  "account.missingCurrent": "Saisissez votre mot de passe actuel.",
  "account.missingPassword": "Saisissez un nouveau mot de passe.",
  "account.missingConfirmation": "Saisissez le nouveau mot de passe une seconde fois.",
  "account.submit": "Modifier le mot de passe",
  "account.submitting": "Modification en cours…",
  "account.currentPasswordWrong": "Ce n’est pas votre mot de passe actuel.",
  "account.changed":
    "Votre mot de passe a été modifié. Tous vos autres appareils ont été déconnectés, et nous vous avons envoyé un e-mail pour vous en informer.",
  "account.signOut": "Se déconnecter",
  "account.signOutEverywhere": "Se déconnecter de tous les appareils",
  "account.signingOut": "Déconnexion en cours…",
  "account.cancel": "Annuler",

  "wait.minutes": "Trop de tentatives. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "wait.seconds": "Trop de tentatives. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.",
  "wait.unknown": "Trop de tentatives. Patientez un peu, puis réessayez.",

  "email.missing": "Saisissez votre adresse e-mail.",
  "email.tooLong": "Une adresse e-mail comporte au maximum {max} caractères.",
  "email.controlCharacters": "Une adresse e-mail ne peut contenir ni saut de ligne ni caractère de contrôle.",
  "email.invalid": "Saisissez une adresse e-mail valide, par exemple name@example.com.",
  "email.nonAsciiLocalPart":
    "Utilisez uniquement des lettres sans accent, des chiffres et les caractères . _ % + - avant le @. Les lettres comme é ou ü sont acceptées après le @ (exämple.de), mais de nombreux serveurs de messagerie ne peuvent pas distribuer les messages lorsqu’elles figurent avant.",
};
