/** French: the words of the emails. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { email as source } from "../en/email.ts";

export const email: CatalogueOf<typeof source> = {
  "email.greeting": "Bonjour,",
  "email.signature": "— {appName}",
  "email.copyLink": "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
  "email.openInAppText": "Ou ouvrez-le directement dans l’application de bureau {appName} :",
  "email.minutes": "{count, plural, one {# minute} other {# minutes}}",
  "email.hours": "{count, plural, one {# heure} other {# heures}}",
  "email.days": "{count, plural, one {# jour} other {# jours}}",

  "resetEmail.subject": "Réinitialisez votre mot de passe {appName}",
  "resetEmail.title": "Réinitialisez votre mot de passe",
  "resetEmail.asked": "Quelqu’un a demandé la réinitialisation du mot de passe de votre compte {appName}.",
  "resetEmail.thisComputerText": "Sur cet ordinateur, ouvrez ce lien pour choisir un nouveau mot de passe :",
  "resetEmail.thisComputerHtml": "<strong>Sur cet ordinateur</strong>, utilisez le bouton pour choisir un nouveau mot de passe.",
  "resetEmail.button": "Choisir un nouveau mot de passe",
  "resetEmail.openInAppHtml": "Vous utilisez l’application de bureau ? <link>Ouvrez l’écran de réinitialisation dans {appName}</link>.",
  "resetEmail.otherDevice":
    "<strong>Sur un autre appareil</strong>, saisissez ce code dans l’application {appName}, ou sur la page web « Mot de passe oublié ? » de {appName}, via le lien « J’ai un code » :",
  "resetEmail.lifetime":
    "Le lien et le code vont de pair : chacun ne fonctionne qu’une seule fois, utiliser l’un désactive l’autre, et chacun expire dans <strong>{lifetime}</strong>, le {until}.",
  "resetEmail.notYou":
    "Vous n’êtes pas à l’origine de cette demande ? Ignorez cet e-mail. Votre mot de passe reste inchangé, et personne ne peut le modifier sans ce lien ou ce code.",

  "passwordChangedEmail.subject": "Votre mot de passe {appName} a été modifié",
  "passwordChangedEmail.title": "Votre mot de passe a été modifié",
  "passwordChangedEmail.changed": "Le mot de passe de votre compte {appName} (<strong>{email}</strong>) a été modifié le {when}.",
  "passwordChangedEmail.wasYou": "Si c’était vous, vous n’avez rien à faire.",
  "passwordChangedEmail.notYouText":
    "Si ce n’était pas vous, ouvrez ce lien. Il déconnecte tous les appareils, désactive le mot de passe actuel et envoie un nouveau lien de réinitialisation à cette adresse :",
  "passwordChangedEmail.notYouHtml":
    "Si ce n’était pas vous, utilisez le bouton ci-dessous. Il déconnecte tous les appareils, désactive le mot de passe actuel et envoie un nouveau lien de réinitialisation à cette adresse.",
  "passwordChangedEmail.button": "Ce n’était pas moi",
  "passwordChangedEmail.lifetime": "Ce lien ne fonctionne qu’une seule fois et expire dans {lifetime}, le {until}.",

  "signUpNoticeEmail.subject": "Quelqu’un a tenté de créer un compte {appName} avec votre adresse",
  "signUpNoticeEmail.title": "Quelqu’un a tenté de créer un compte avec votre adresse",
  "signUpNoticeEmail.tried": "Quelqu’un a tenté de créer un compte avec votre adresse.",
  "signUpNoticeEmail.exists": "Vous avez déjà un compte {appName} ; aucun nouveau compte n’a donc été créé.",
  "signUpNoticeEmail.signInText": "Si c’était vous, connectez-vous :",
  "signUpNoticeEmail.resetText": "ou réinitialisez votre mot de passe si vous l’avez oublié :",
  "signUpNoticeEmail.wasYouHtml":
    "Si c’était vous, <signIn>connectez-vous</signIn>, ou réinitialisez votre mot de passe si vous l’avez oublié.",
  "signUpNoticeEmail.button": "Réinitialiser votre mot de passe",
  "signUpNoticeEmail.notYou": "Si ce n’était pas vous, vous n’avez rien à faire : votre compte et votre mot de passe restent inchangés.",

  "verificationEmail.subject": "Confirmez votre adresse e-mail pour {appName}",
  "verificationEmail.title": "Confirmez votre adresse e-mail",
  "verificationEmail.signedUp": "Quelqu’un a demandé la création d’un compte {appName} avec cette adresse e-mail.",
  "verificationEmail.wasYouText":
    "Si c’était vous, ouvrez ce lien et saisissez le mot de passe que vous avez choisi pour confirmer l’adresse :",
  "verificationEmail.wasYouHtml":
    "Si c’était vous, utilisez le bouton et saisissez le mot de passe que vous avez choisi pour confirmer l’adresse.",
  "verificationEmail.button": "Confirmer l’adresse e-mail",
  "verificationEmail.openInAppHtml": "Vous utilisez l’application de bureau ? <link>Confirmez dans {appName}</link>.",
  "verificationEmail.lifetime": "Le lien ne fonctionne qu’une seule fois et expire dans <strong>{lifetime}</strong>, le {until}.",
  "verificationEmail.notYou":
    "Vous n’êtes pas à l’origine de cette inscription ? Ignorez cet e-mail : le compte ne peut pas être utilisé tant que l’adresse n’est pas confirmée, et il est supprimé au bout d’une journée.",
  "verificationEmail.takeOver": "Pour reprendre le compte avec votre propre mot de passe, <link>réinitialisez son mot de passe</link>.",
};
