/** Arabic: the words only the Worker's web pages use. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { pages as source } from "../en/pages.ts";

export const pages: CatalogueOf<typeof source> = {
  "page.title": "{title} · {appName}",
  "page.footer": "لا يطلب {appName} منك كلمة المرور عبر البريد الإلكتروني أبدًا.",
  "page.languages": "اللغة",
  "page.devMailbox": "يعمل محليًا: تُحفظ رسائل البريد الإلكتروني في <mailbox>صندوق بريد التطوير</mailbox>.",
  "page.devRateLimits": "هل تعمل على التطوير محليًا؟ اضبط {setting} في {file}.",
  "page.continue": "متابعة",

  "forgotPasswordPage.haveCode": "لديّ رمز",
  "forgotPasswordPage.noAccount": "ليس لديك حساب بعد؟ <signUp>إنشاء حساب</signUp>",

  "checkEmailPage.yourCode": "رمزك",
  "checkEmailPage.sendAnother": "إرسال رابط آخر",
  "checkEmailPage.tooManyCodes":
    "تمت تجربة عدد كبير جدًا من الرموز من شبكتك. حاول مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",

  "rateLimited.title": "طلبات كثيرة جدًا",
  "rateLimited.heading": "يُرجى الانتظار قليلاً",
  "rateLimited.resetRequests":
    "تلقّينا عددًا كبيرًا من طلبات إعادة التعيين من شبكتك. حاول مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "rateLimited.signUps":
    "تلقّينا عددًا كبيرًا من طلبات التسجيل من شبكتك. حاول مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "rateLimited.passwordAttempts":
    "تلقّينا عددًا كبيرًا من محاولات إدخال كلمة المرور من شبكتك. حاول مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "rateLimited.back": "العودة إلى النموذج",

  "resetLinkPage.invalidTitle": "الرابط غير صالح أو منتهي الصلاحية",
  "resetLinkPage.usedTitle": "سبق استخدام الرابط",
  "resetLinkPage.changedTitle": "تم تغيير كلمة المرور",
  "resetLinkPage.openingTitle": "جارٍ فتح رابط إعادة التعيين",
  "resetLinkPage.opening": "جارٍ فتح رابط إعادة التعيين…",

  "verifyEmailPage.confirmedTitle": "تم تأكيد عنوان البريد الإلكتروني",
  "verifyEmailPage.alreadyConfirmedTitle": "تم تأكيد العنوان من قبل",
  "verifyEmailPage.invalidTitle": "الرابط غير صالح أو منتهي الصلاحية",
  "verifyEmailPage.openingTitle": "جارٍ فتح رابط التأكيد",
  "verifyEmailPage.opening": "جارٍ فتح رابط التأكيد…",

  "signUpPage.otherAddress": "استخدام عنوان آخر",

  "accountAlert.title": "تأمين حسابك",
  "accountAlert.heading": "ألست أنت من غيّر كلمة المرور؟",
  "accountAlert.body":
    "غيّر شخص ما كلمة مرور الحساب <strong>{email}</strong>. إذا لم تكن أنت، فسنسجّل خروج الحساب من جميع الأجهزة، ونوقف عمل كلمة المرور الحالية، ونرسل رابط إعادة تعيين جديدًا إلى عنوانه.",
  "accountAlert.submit": "تسجيل الخروج من جميع الأجهزة وإرسال رابط إعادة التعيين",
  "accountAlert.doneTitle": "تم تأمين الحساب",
  "accountAlert.doneHeading": "تم تسجيل خروج حسابك من جميع الأجهزة",
  "accountAlert.doneBody":
    "لم تعد كلمة المرور الحالية تعمل. أرسلنا رابط إعادة تعيين جديدًا إلى عنوان البريد الإلكتروني للحساب؛ استخدمه لاختيار كلمة مرور جديدة.",
  "accountAlert.invalidTitle": "الرابط غير صالح أو منتهي الصلاحية",
  "accountAlert.invalidHeading": "هذا الرابط غير صالح أو انتهت صلاحيته",
  "accountAlert.invalidBody":
    "إذا كنت لا تزال ترى تغييرًا في كلمة المرور لم تُجرِه أنت، فاطلب رابط إعادة تعيين: فالرابط لا يتيح لأحد تسجيل الدخول، وتعيين كلمة مرور جديدة يسجّل الخروج من جميع الأجهزة الأخرى.",
  "accountAlert.askForLink": "طلب رابط إعادة التعيين",

  "errorPage.notFoundTitle": "الصفحة غير موجودة",
  "errorPage.notFoundBody": "لا توجد صفحة على هذا العنوان. إذا كنت قد فتحت رابط إعادة تعيين، فانسخ الرابط كاملاً من الرسالة.",
  "errorPage.resetYourPassword": "إعادة تعيين كلمة المرور",
  "errorPage.formExpiredTitle": "انتهت صلاحية النموذج",
  "errorPage.formExpiredHeading": "انتهت صلاحية هذا النموذج",
  "errorPage.formExpiredBody":
    "حفاظًا على أمانك، لا نقبل إلا النماذج المرسلة من هذا الموقع. ارجع إلى الصفحة السابقة، وأعد تحميلها، ثم حاول مرة أخرى.",
  "errorPage.startAgain": "البدء من جديد",
  "errorPage.tooLargeTitle": "النص طويل جدًا",
  "errorPage.tooLargeHeading": "النص الذي أرسلته أطول مما يقبله هذا النموذج",
  "errorPage.tooLargeBody":
    "يمكن أن تتكوّن كلمة المرور من {passwordMax} حرفًا على الأكثر، وعنوان البريد الإلكتروني من {emailMax} حرفًا على الأكثر. ارجع إلى الصفحة السابقة، واختصر ما كتبته، ثم أرسل النموذج مرة أخرى.",
  "errorPage.unavailableTitle": "الخدمة غير متاحة مؤقتًا",
  "errorPage.unavailableBody": "لا يمكننا معالجة طلبك الآن، وليس ذلك بسبب أي شيء فعلته. يُرجى المحاولة مرة أخرى بعد بضع دقائق.",
  "errorPage.unavailableLinkStillWorks": "إذا كنت تستخدم رابط إعادة تعيين، فسيظل يعمل حتى تنتهي صلاحيته.",
  "errorPage.genericTitle": "حدث خطأ ما",
  "errorPage.unreadableForm": "تعذّرت قراءة هذا النموذج. أعد تحميل الصفحة وأرسله مرة أخرى.",
  "errorPage.wrongMethod": "لا يمكن فتح هذه الصفحة بهذه الطريقة. افتحها من رابط أو من النموذج بدلاً من ذلك.",

  "apiReference.title": "مرجع واجهة البرمجة",
  "apiReference.intro": "كل نقاط النهاية في هذه الخدمة، مأخوذة من <document>مستند OpenAPI</document> الخاص بها. أوصاف واجهة البرمجة باللغة الإنجليزية.",
  "apiReference.contents": "المحتويات",
  "apiReference.authentication": "المصادقة",
  "apiReference.noAuthentication": "لا شيء",
  "apiReference.parameters": "المعاملات",
  "apiReference.requestBody": "نص الطلب",
  "apiReference.responses": "الاستجابات",
  "apiReference.headers": "الترويسات",
  "apiReference.example": "مثال: {name}",
  "apiReference.columnName": "الاسم",
  "apiReference.columnType": "النوع",
  "apiReference.columnLocation": "الموضع",
  "apiReference.columnDetails": "التفاصيل",
  "apiReference.required": "مطلوب",
  "apiReference.optional": "اختياري",
  "apiReference.wholeBody": "(النص كاملاً)",
  "apiReference.noContent": "بلا نص.",
};
