/** Spanish: the words only the Worker's web pages use. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { pages as source } from "../en/pages.ts";

export const pages: CatalogueOf<typeof source> = {
  "page.title": "{title} · {appName}",
  "page.footer": "{appName} nunca te pedirá tu contraseña por correo electrónico.",
  "page.languages": "Idioma",
  "page.devMailbox": "Ejecución local: los correos se guardan en el <mailbox>buzón de desarrollo</mailbox>.",
  "page.devRateLimits": "¿Estás desarrollando en local? Pon {setting} en {file}.",
  "page.continue": "Continuar",

  "forgotPasswordPage.haveCode": "Tengo un código",
  "forgotPasswordPage.noAccount": "¿Aún no tienes una cuenta? <signUp>Crear una cuenta</signUp>",

  "checkEmailPage.yourCode": "Tu código",
  "checkEmailPage.sendAnother": "Enviar otro enlace",
  "checkEmailPage.tooManyCodes":
    "Se han probado demasiados códigos desde tu red. Vuelve a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",

  "rateLimited.title": "Demasiadas solicitudes",
  "rateLimited.heading": "Espera un poco",
  "rateLimited.resetRequests":
    "Hemos recibido muchas solicitudes para restablecer contraseñas desde tu red. Vuelve a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",
  "rateLimited.signUps":
    "Hemos recibido muchos registros desde tu red. Vuelve a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",
  "rateLimited.passwordAttempts":
    "Hemos recibido muchos intentos de contraseña desde tu red. Vuelve a intentarlo dentro de {minutes, plural, one {# minuto} other {# minutos}}.",
  "rateLimited.back": "Volver al formulario",

  "resetLinkPage.invalidTitle": "Enlace no válido o caducado",
  "resetLinkPage.usedTitle": "Enlace ya usado",
  "resetLinkPage.changedTitle": "Contraseña cambiada",
  "resetLinkPage.openingTitle": "Abriendo tu enlace para restablecer la contraseña",
  "resetLinkPage.opening": "Abriendo tu enlace para restablecer la contraseña…",

  "verifyEmailPage.confirmedTitle": "Dirección de correo electrónico confirmada",
  "verifyEmailPage.alreadyConfirmedTitle": "Dirección ya confirmada",
  "verifyEmailPage.invalidTitle": "Enlace no válido o caducado",
  "verifyEmailPage.openingTitle": "Abriendo tu enlace de confirmación",
  "verifyEmailPage.opening": "Abriendo tu enlace de confirmación…",

  "signUpPage.otherAddress": "Usar otra dirección",

  "accountAlert.title": "Protege tu cuenta",
  "accountAlert.heading": "¿No cambiaste tu contraseña?",
  "accountAlert.body":
    "Alguien cambió la contraseña de <strong>{email}</strong>. Si no fuiste tú, cerraremos la sesión de la cuenta en todos los dispositivos, haremos que la contraseña actual deje de funcionar y enviaremos a su dirección un nuevo enlace para restablecerla.",
  "accountAlert.submit": "Cerrar sesión en todas partes y enviar enlace para restablecer",
  "accountAlert.doneTitle": "Cuenta protegida",
  "accountAlert.doneHeading": "Se ha cerrado la sesión de tu cuenta en todas partes",
  "accountAlert.doneBody":
    "La contraseña actual ya no funciona. Hemos enviado un nuevo enlace para restablecer la contraseña a la dirección de correo electrónico de la cuenta: úsalo para elegir una contraseña nueva.",
  "accountAlert.invalidTitle": "Enlace no válido o caducado",
  "accountAlert.invalidHeading": "Este enlace no es válido o ha caducado",
  "accountAlert.invalidBody":
    "Si sigues sin reconocer un cambio de contraseña, solicita un enlace para restablecerla: el enlace no da acceso a nadie, y al establecer una contraseña nueva se cierra la sesión en todos los demás dispositivos.",
  "accountAlert.askForLink": "Solicitar un enlace para restablecer",

  "errorPage.notFoundTitle": "Página no encontrada",
  "errorPage.notFoundBody":
    "No hay ninguna página en esta dirección. Si seguiste un enlace para restablecer la contraseña, copia el enlace completo del correo.",
  "errorPage.resetYourPassword": "Restablecer contraseña",
  "errorPage.formExpiredTitle": "Formulario caducado",
  "errorPage.formExpiredHeading": "Este formulario ha caducado",
  "errorPage.formExpiredBody":
    "Por tu seguridad, solo aceptamos formularios enviados desde este sitio. Vuelve atrás, recarga la página y vuelve a intentarlo.",
  "errorPage.startAgain": "Empezar de nuevo",
  "errorPage.tooLargeTitle": "Demasiado texto",
  "errorPage.tooLargeHeading": "Has enviado más texto del que admite este formulario",
  "errorPage.tooLargeBody":
    "Las contraseñas pueden tener como máximo {passwordMax} caracteres, y las direcciones de correo electrónico, {emailMax}. Vuelve atrás, acorta lo que escribiste y vuelve a enviar el formulario.",
  "errorPage.unavailableTitle": "No disponible temporalmente",
  "errorPage.unavailableBody":
    "No podemos atender tu solicitud en este momento. No se debe a nada que hayas hecho. Vuelve a intentarlo dentro de unos minutos.",
  "errorPage.unavailableLinkStillWorks":
    "Si estabas usando un enlace para restablecer la contraseña, seguirá funcionando hasta que caduque.",
  "errorPage.genericTitle": "Algo salió mal",
  "errorPage.unreadableForm": "No se ha podido leer este formulario. Recarga la página y vuelve a enviarlo.",
  "errorPage.wrongMethod": "Esta página no se puede abrir de esa manera. Ábrela desde un enlace o desde el formulario.",

  "apiReference.title": "Referencia de la API",
  "apiReference.intro": "Todos los endpoints de este servicio, leídos de su <document>documento OpenAPI</document>. Las descripciones de la API están en inglés.",
  "apiReference.contents": "Contenido",
  "apiReference.authentication": "Autenticación",
  "apiReference.noAuthentication": "Ninguna",
  "apiReference.parameters": "Parámetros",
  "apiReference.requestBody": "Cuerpo de la solicitud",
  "apiReference.responses": "Respuestas",
  "apiReference.headers": "Encabezados",
  "apiReference.example": "Ejemplo: {name}",
  "apiReference.columnName": "Nombre",
  "apiReference.columnType": "Tipo",
  "apiReference.columnLocation": "Ubicación",
  "apiReference.columnDetails": "Detalles",
  "apiReference.required": "obligatorio",
  "apiReference.optional": "opcional",
  "apiReference.wholeBody": "(el cuerpo entero)",
  "apiReference.noContent": "Sin cuerpo.",
};
