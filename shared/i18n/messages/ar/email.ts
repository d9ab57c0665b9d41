/** Arabic: the words of the emails, for both the plain-text and the HTML part. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { email as source } from "../en/email.ts";

export const email: CatalogueOf<typeof source> = {
  "email.greeting": "مرحبًا،",
  "email.signature": "— {appName}",
  "email.copyLink": "إذا لم يعمل الزر، فانسخ هذا العنوان والصقه في المتصفح:",
  "email.openInAppText": "أو افتحه مباشرةً في تطبيق {appName} لسطح المكتب:",
  "email.minutes": "{count, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}",
  "email.hours": "{count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}",
  "email.days": "{count, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}",

  "resetEmail.subject": "إعادة تعيين كلمة مرور حسابك على {appName}",
  "resetEmail.title": "إعادة تعيين كلمة المرور",
  "resetEmail.asked": "طلب شخص ما إعادة تعيين كلمة المرور لحسابك على {appName}.",
  "resetEmail.thisComputerText": "على هذا الكمبيوتر، افتح هذا الرابط لاختيار كلمة مرور جديدة:",
  "resetEmail.thisComputerHtml": "<strong>على هذا الكمبيوتر</strong>، استخدم الزر لاختيار كلمة مرور جديدة.",
  "resetEmail.button": "اختيار كلمة مرور جديدة",
  "resetEmail.openInAppHtml": "هل تستخدم تطبيق سطح المكتب؟ <link>افتح شاشة إعادة التعيين في {appName}</link>.",
  "resetEmail.otherDevice":
    "<strong>على جهاز آخر</strong>، أدخل هذا الرمز في تطبيق {appName}، أو في صفحة «هل نسيت كلمة المرور؟» على موقع {appName} بعد النقر على «لديّ رمز»:",
  "resetEmail.lifetime":
    "الرابط والرمز مرتبطان معًا: يعمل كلٌّ منهما مرة واحدة فقط، واستخدام أحدهما يُبطل الآخر، وتنتهي صلاحية كلٍّ منهما بعد <strong>{lifetime}</strong>، أي في {until}.",
  "resetEmail.notYou": "ألم تطلب ذلك؟ تجاهل هذه الرسالة. ستبقى كلمة المرور كما هي، ولا يمكن لأحد تغييرها بدون هذا الرابط أو الرمز.",

  "passwordChangedEmail.subject": "تم تغيير كلمة مرور حسابك على {appName}",
  "passwordChangedEmail.title": "تم تغيير كلمة المرور",
  "passwordChangedEmail.changed": "تم تغيير كلمة مرور حسابك على {appName} (<strong>{email}</strong>) في {when}.",
  "passwordChangedEmail.wasYou": "إذا كنت أنت من أجرى هذا التغيير، فلا داعي لاتخاذ أي إجراء.",
  "passwordChangedEmail.notYouText":
    "إذا لم تكن أنت، فافتح هذا الرابط. سيؤدي ذلك إلى تسجيل الخروج من جميع الأجهزة، وإيقاف عمل كلمة المرور الحالية، وإرسال رابط إعادة تعيين جديد إلى هذا العنوان:",
  "passwordChangedEmail.notYouHtml":
    "إذا لم تكن أنت، فاستخدم الزر أدناه. سيؤدي ذلك إلى تسجيل الخروج من جميع الأجهزة، وإيقاف عمل كلمة المرور الحالية، وإرسال رابط إعادة تعيين جديد إلى هذا العنوان.",
  "passwordChangedEmail.button": "لم أكن أنا",
  "passwordChangedEmail.lifetime": "يعمل هذا الرابط مرة واحدة فقط، وتنتهي صلاحيته بعد {lifetime}، أي في {until}.",

  "signUpNoticeEmail.subject": "حاول شخص ما إنشاء حساب على {appName} باستخدام عنوانك",
  "signUpNoticeEmail.title": "حاول شخص ما إنشاء حساب باستخدام عنوانك",
  "signUpNoticeEmail.tried": "حاول شخص ما إنشاء حساب باستخدام عنوانك.",
  "signUpNoticeEmail.exists": "لديك حساب على {appName} بالفعل، لذا لم يُنشأ حساب جديد.",
  "signUpNoticeEmail.signInText": "إذا كنت أنت، فسجّل الدخول:",
  "signUpNoticeEmail.resetText": "أو أعد تعيين كلمة المرور إذا نسيتها:",
  "signUpNoticeEmail.wasYouHtml": "إذا كنت أنت، يمكنك <signIn>تسجيل الدخول</signIn>، أو إعادة تعيين كلمة المرور إذا نسيتها.",
  "signUpNoticeEmail.button": "إعادة تعيين كلمة المرور",
  "signUpNoticeEmail.notYou": "إذا لم تكن أنت، فلا داعي لاتخاذ أي إجراء: سيبقى حسابك وكلمة المرور كما هما.",

  "verificationEmail.subject": "تأكيد عنوان بريدك الإلكتروني على {appName}",
  "verificationEmail.title": "تأكيد عنوان بريدك الإلكتروني",
  "verificationEmail.signedUp": "طلب شخص ما إنشاء حساب على {appName} باستخدام عنوان البريد الإلكتروني هذا.",
  "verificationEmail.wasYouText": "إذا كنت أنت، فافتح هذا الرابط وأدخل كلمة المرور التي اخترتها لتأكيد العنوان:",
  "verificationEmail.wasYouHtml": "إذا كنت أنت، فاستخدم الزر وأدخل كلمة المرور التي اخترتها لتأكيد العنوان.",
  "verificationEmail.button": "تأكيد عنوان البريد الإلكتروني",
  "verificationEmail.openInAppHtml": "هل تستخدم تطبيق سطح المكتب؟ <link>التأكيد في {appName}</link>.",
  "verificationEmail.lifetime": "يعمل الرابط مرة واحدة فقط، وتنتهي صلاحيته بعد <strong>{lifetime}</strong>، أي في {until}.",
  "verificationEmail.notYou": "ألم تسجّل؟ تجاهل هذه الرسالة: لا يمكن استخدام الحساب قبل تأكيد العنوان، وسيُحذف بعد يوم واحد.",
  "verificationEmail.takeOver": "للحصول على هذا الحساب بكلمة مرور تختارها بنفسك، <link>أعد تعيين كلمة مروره</link>.",
};
