/** Spanish: the words of the emails, in both their plain-text and HTML parts. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { email as source } from "../en/email.ts";

export const email: CatalogueOf<typeof source> = {
  "email.greeting": "Hola:",
  "email.signature": "— {appName}",
  "email.copyLink": "Si el botón no funciona, copia esta dirección en tu navegador:",
  "email.openInAppText": "O ábrela directamente en la aplicación de escritorio de {appName}:",
  "email.minutes": "{count, plural, one {# minuto} other {# minutos}}",
  "email.hours": "{count, plural, one {# hora} other {# horas}}",
  "email.days": "{count, plural, one {# día} other {# días}}",

  "resetEmail.subject": "Restablece tu contraseña de {appName}",
  "resetEmail.title": "Restablece tu contraseña",
  "resetEmail.asked": "Alguien solicitó restablecer la contraseña de tu cuenta de {appName}.",
  "resetEmail.thisComputerText": "En este equipo, abre este enlace para elegir una contraseña nueva:",
  "resetEmail.thisComputerHtml": "<strong>En este equipo</strong>, usa el botón para elegir una contraseña nueva.",
  "resetEmail.button": "Elegir una contraseña nueva",
  "resetEmail.openInAppHtml":
    "¿Usas la aplicación de escritorio? <link>Abre en {appName} la pantalla para restablecer la contraseña</link>.",
  "resetEmail.otherDevice":
    "<strong>En otro dispositivo</strong>, introduce este código en la aplicación {appName} o en la página web «¿Olvidaste tu contraseña?» de {appName}, en «Tengo un código»:",
  "resetEmail.lifetime":
    "El enlace y el código van juntos: cada uno funciona una sola vez, al usar uno se anula el otro, y ambos caducan en <strong>{lifetime}</strong>, el {until}.",
  "resetEmail.notYou":
    "¿No lo solicitaste? Ignora este correo. Tu contraseña seguirá siendo la misma, y nadie puede cambiarla sin este enlace o este código.",

  "passwordChangedEmail.subject": "Tu contraseña de {appName} se ha cambiado",
  "passwordChangedEmail.title": "Tu contraseña se ha cambiado",
  "passwordChangedEmail.changed": "La contraseña de tu cuenta de {appName} (<strong>{email}</strong>) se cambió el {when}.",
  "passwordChangedEmail.wasYou": "Si fuiste tú, no tienes que hacer nada.",
  "passwordChangedEmail.notYouText":
    "Si no fuiste tú, abre este enlace. Cierra la sesión en todos los dispositivos, hace que la contraseña actual deje de funcionar y envía a esta dirección un nuevo enlace para restablecer la contraseña:",
  "passwordChangedEmail.notYouHtml":
    "Si no fuiste tú, usa el botón de abajo. Cierra la sesión en todos los dispositivos, hace que la contraseña actual deje de funcionar y envía a esta dirección un nuevo enlace para restablecer la contraseña.",
  "passwordChangedEmail.button": "No fui yo",
  "passwordChangedEmail.lifetime": "Este enlace funciona una sola vez y caduca en {lifetime}, el {until}.",

  "signUpNoticeEmail.subject": "Alguien intentó crear una cuenta de {appName} con tu dirección",
  "signUpNoticeEmail.title": "Alguien intentó crear una cuenta con tu dirección",
  "signUpNoticeEmail.tried": "Alguien intentó crear una cuenta con tu dirección.",
  "signUpNoticeEmail.exists": "Ya tienes una cuenta de {appName}, así que no se ha creado ninguna cuenta nueva.",
  "signUpNoticeEmail.signInText": "Si fuiste tú, inicia sesión:",
  "signUpNoticeEmail.resetText": "o restablece tu contraseña si la olvidaste:",
  "signUpNoticeEmail.wasYouHtml": "Si fuiste tú, <signIn>inicia sesión</signIn> o restablece tu contraseña si la olvidaste.",
  "signUpNoticeEmail.button": "Restablecer contraseña",
  "signUpNoticeEmail.notYou": "Si no fuiste tú, no tienes que hacer nada: tu cuenta y tu contraseña siguen como están.",

  "verificationEmail.subject": "Confirma tu dirección de correo electrónico para {appName}",
  "verificationEmail.title": "Confirma tu dirección de correo electrónico",
  "verificationEmail.signedUp": "Alguien creó una cuenta de {appName} con esta dirección de correo electrónico.",
  "verificationEmail.wasYouText": "Si fuiste tú, abre este enlace e introduce la contraseña que elegiste para confirmar la dirección:",
  "verificationEmail.wasYouHtml": "Si fuiste tú, usa el botón e introduce la contraseña que elegiste para confirmar la dirección.",
  "verificationEmail.button": "Confirmar correo electrónico",
  "verificationEmail.openInAppHtml": "¿Usas la aplicación de escritorio? <link>Confirma en {appName}</link>.",
  "verificationEmail.lifetime": "El enlace funciona una sola vez y caduca en <strong>{lifetime}</strong>, el {until}.",
  "verificationEmail.notYou":
    "¿No te registraste? Ignora este correo: la cuenta no se puede usar hasta que se confirme la dirección, y se eliminará al cabo de un día.",
  "verificationEmail.takeOver": "Para quedarte con la cuenta con una contraseña propia, <link>restablece su contraseña</link>.",
};
