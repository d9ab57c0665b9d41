/** Spanish: the words the web pages and the desktop app share. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { common as source } from "../en/common.ts";

export const common: CatalogueOf<typeof source> = {
  "forgotPassword.title": "¿Olvidaste tu contraseña?",
  "forgotPassword.intro":
    "Introduce la dirección de correo electrónico con la que inicias sesión. Te enviaremos a esa dirección un enlace para elegir una contraseña nueva.",
  "forgotPassword.emailLabel": "Correo electrónico",
  "forgotPassword.submit": "Enviar enlace",
  "forgotPassword.submitting": "Enviando…",

  "resetPassword.title": "Elige una contraseña nueva",
  "resetPassword.forAccount": "Para la cuenta <strong>{email}</strong>.",
  "resetPassword.passwordLabel": "Contraseña nueva",
  "resetPassword.confirmationLabel": "Confirmar contraseña nueva",
  "resetPassword.submit": "Guardar contraseña",
  "resetPassword.submitting": "Guardando…",
  "resetPassword.missingPassword": "Introduce una contraseña nueva.",
  "resetPassword.missingConfirmation": "Vuelve a introducir la contraseña nueva.",
  "resetPassword.mismatch": "Las contraseñas no coinciden.",
  "resetPassword.preferApp": "¿Prefieres la aplicación?",
  "resetPassword.openInApp": "Abrir en {appName} para escritorio",

  "resetOutcome.invalidTitle": "Este enlace para restablecer la contraseña no es válido o ha caducado",
  "resetOutcome.invalidBody":
    "Los enlaces para restablecer la contraseña funcionan una sola vez, durante un tiempo limitado, y solo es válido el último que hayas solicitado.",
  "resetOutcome.askAgain": "Solicitar un enlace nuevo",
  "resetOutcome.usedTitle": "Este enlace para restablecer la contraseña ya se ha usado",
  "resetOutcome.usedBody":
    "Cada enlace funciona una sola vez. Si lo usaste para establecer una contraseña nueva, esa contraseña está guardada: inicia sesión con ella. Si no, solicita un enlace nuevo.",
  "resetOutcome.changedTitle": "Tu contraseña se ha cambiado",
  "resetOutcome.changedBody": "Por tu seguridad, hemos cerrado tu sesión en todas partes. Inicia sesión con tu contraseña nueva.",
  "resetOutcome.signIn": "Iniciar sesión",

  "checkEmail.title": "Revisa tu correo",
  "checkEmail.linkSent": "Si {email} tiene una cuenta, hemos enviado a esa dirección un enlace para restablecer la contraseña.",
  "checkEmail.howLong":
    "Abre el enlace en este dispositivo. El enlace y su código funcionan durante {minutes, plural, one {# minuto} other {# minutos}} y solo una vez. Puede tardar un minuto en llegar; revisa también la carpeta de spam.",
  "checkEmail.openInApp": "Abre el enlace en este equipo y {appName} te llevará a la pantalla para restablecer la contraseña.",
  "checkEmail.otherDevice": "¿Estás leyendo el correo en otro dispositivo?",
  "checkEmail.otherDeviceHint": "Introduce aquí el código del correo.",

  "resetCode.enterTitle": "Introduce el código del correo",
  "resetCode.enterIntro":
    "El correo para restablecer la contraseña incluye un código como {example}. Introdúcelo junto con la dirección a la que se envió el correo.",
  "resetCode.label": "Código del correo",
  "resetCode.hint": "8 caracteres, como {example}",
  "resetCode.missing": "Introduce el código del correo.",
  "resetCode.shape": "Introduce el código de 8 caracteres del correo, como {example}.",
  "resetCode.invalid":
    "Este código no es válido para esa dirección. Los códigos dejan de funcionar cuando se usa el enlace, cuando caducan y después de {budget, plural, one {# intento fallido} other {# intentos fallidos}}; si es necesario, solicita un correo nuevo.",
  "resetCode.refused":
    "Ese código no ha funcionado para esta dirección. Compáralo con el correo más reciente y vuelve a intentarlo; después de {budget, plural, one {# intento fallido} other {# intentos fallidos}}, el código deja de funcionar.",
  "resetCode.refusedLast":
    "Ese código tampoco ha funcionado. Después de {budget, plural, one {# intento fallido} other {# intentos fallidos}}, un código deja de funcionar: solicita un correo nuevo y usa su código.",
  "resetCode.submit": "Continuar con el código",
  "resetCode.submitting": "Comprobando…",

  "formError.summaryTitle": "{count, plural, one {Corrige este error antes de continuar} other {Corrige estos errores antes de continuar}}",

  "passwordPolicy.hint":
    "Usa entre {min} y {max} caracteres. Una frase larga es lo más fácil de recordar. No se permiten contraseñas comunes ni tu dirección de correo electrónico; los símbolos y los números son opcionales.",
  "passwordPolicy.tooShort": "Usa al menos {min, plural, one {# carácter} other {# caracteres}}.",
  "passwordPolicy.tooLong": "Usa como máximo {max, plural, one {# carácter} other {# caracteres}}.",
  "passwordPolicy.matchesEmail": "No uses tu dirección de correo electrónico como contraseña.",
  "passwordPolicy.common": "Esta contraseña es demasiado común. Elige una que sea más difícil de adivinar.",
  "passwordPolicy.breached":
    "Esta contraseña ha aparecido en una filtración de datos, por lo que los atacantes la prueban entre las primeras. Elige otra.",
  "passwordPolicy.accepted": "Esta contraseña cumple los requisitos.",

  "signUp.title": "Crea tu cuenta",
  "signUp.intro":
    "Introduce tu dirección de correo electrónico y elige una contraseña. Te enviaremos a esa dirección un enlace para confirmar que es tuya.",
  "signUp.emailLabel": "Correo electrónico",
  "signUp.passwordLabel": "Contraseña",
  "signUp.confirmationLabel": "Confirmar contraseña",
  "signUp.submit": "Crear cuenta",
  "signUp.submitting": "Creando cuenta…",
  "signUp.missingPassword": "Introduce una contraseña.",
  "signUp.missingConfirmation": "Vuelve a introducir la contraseña.",
  "signUp.haveAccount": "¿Ya tienes una cuenta?",
  "signUp.signIn": "Iniciar sesión",
  "signUp.checkEmailTitle": "Revisa tu correo",
  "signUp.checkEmailBody":
    "Si {email} se puede usar para una cuenta nueva, hemos enviado a esa dirección un enlace para confirmarla. El enlace funciona durante 24 horas. Si la dirección ya tiene una cuenta, su titular recibirá un aviso en su lugar.",
  "signUp.checkEmailBodyNoAddress":
    "Si la dirección que introdujiste se puede usar para una cuenta nueva, hemos enviado a esa dirección un enlace para confirmarla. El enlace funciona durante 24 horas. Si la dirección ya tiene una cuenta, su titular recibirá un aviso en su lugar.",
  "signUp.spamHint": "Puede tardar un minuto en llegar; revisa también la carpeta de spam.",

  "verifyEmail.title": "Confirma tu dirección de correo electrónico",
  "verifyEmail.intro":
    "Introduce la contraseña que elegiste al registrarte. Así se demuestra que quien abrió este correo es también quien eligió la contraseña.",
  "verifyEmail.forAccount": "Para la cuenta <strong>{email}</strong>.",
  "verifyEmail.passwordLabel": "Contraseña",
  "verifyEmail.missingPassword": "Introduce tu contraseña.",
  "verifyEmail.submit": "Confirmar correo electrónico",
  "verifyEmail.submitting": "Confirmando…",
  "verifyEmail.wrongPassword":
    "Esa no es la contraseña que se eligió al registrar esta dirección. Si no te registraste, ignora el correo; si quieres elegir tú la contraseña, vuelve a registrarte con esta dirección.",
  "verifyEmail.verifiedTitle": "Tu dirección de correo electrónico está confirmada",
  "verifyEmail.verifiedBody": "Tu cuenta está lista. Inicia sesión con tu dirección de correo electrónico y tu contraseña.",
  "verifyEmail.invalidTitle": "Este enlace de confirmación no es válido o ha caducado",
  "verifyEmail.invalidBody":
    "Los enlaces de confirmación funcionan una sola vez, durante 24 horas, y solo es válido el más reciente. Vuelve a registrarte para recibir un enlace nuevo.",
  "verifyEmail.signUpAgain": "Volver a registrarse",
  "verifyEmail.alreadyVerifiedTitle": "Esta dirección ya está confirmada",
  "verifyEmail.alreadyVerifiedBody":
    "Este enlace ya se usó para confirmar la dirección, así que la cuenta existe. Inicia sesión con su dirección de correo electrónico y su contraseña.",

  "signIn.title": "Iniciar sesión",
  "signIn.emailLabel": "Correo electrónico",
  "signIn.passwordLabel": "Contraseña",
  "signIn.submit": "Iniciar sesión",
  "signIn.submitting": "Iniciando sesión…",
  "signIn.forgotPassword": "¿Olvidaste tu contraseña?",
  "signIn.createAccount": "Crear una cuenta",
  "signIn.invalidCredentials":
    "La dirección de correo electrónico o la contraseña no son correctas. Si acabas de registrarte, confirma primero tu dirección con el enlace que te enviamos por correo.",
  "signIn.signedOut": "Has cerrado sesión.",
  "signIn.signedOutEverywhere": "Has cerrado sesión en todos los dispositivos.",

  "account.title": "Tu cuenta",
  "account.signedInAs": "Has iniciado sesión como <strong>{email}</strong>.",
  "account.changeTitle": "Cambiar contraseña",
  "account.currentLabel": "Contraseña actual",
  "account.newLabel": "Contraseña nueva",
  "account.confirmLabel": "Confirmar contraseña nueva",
  "account.missingCurrent": "Introduce tu contraseña actual.",
  "account.missingPassword": "Introduce una contraseña nueva.",
  "account.missingConfirmation": "Vuelve a introducir la contraseña nueva.",
  "account.submit": "Cambiar contraseña",
  "account.submitting": "Cambiando…",
  "account.currentPasswordWrong": "Esa no es tu contraseña actual.",
  "account.changed":
    "Tu contraseña se ha cambiado. Hemos cerrado la sesión en todos los demás dispositivos y te hemos enviado un aviso por correo.",
  "account.signOut": "Cerrar sesión",
  "account.signOutEverywhere": "Cerrar sesión en todos los dispositivos",
  "account.signingOut": "Cerrando sesión…",
  "account.cancel": "Cancelar",

  "wait.minutes": "Demasiados intentos. Vuelve a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",
  "wait.seconds": "Demasiados intentos. Vuelve a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.",
  "wait.unknown": "Demasiados intentos. Espera un poco y vuelve a intentarlo.",

  "email.missing": "Introduce tu dirección de correo electrónico.",
  "email.tooLong": "Una dirección de correo electrónico tiene como máximo {max} caracteres.",
  "email.controlCharacters": "Una dirección de correo electrónico no puede contener saltos de línea ni caracteres de control.",
  "email.invalid": "Introduce una dirección de correo electrónico válida, como name@example.com.",
  "email.nonAsciiLocalPart":
    "Antes de la @, usa solo letras latinas básicas, dígitos y . _ % + -. Las letras como é o ü funcionan en la parte que va después de la @ (exämple.de), pero muchos servidores de correo no pueden entregar mensajes si aparecen antes.",
};
