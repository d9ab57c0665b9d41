/** Arabic: the words the web pages and the desktop app share. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { common as source } from "../en/common.ts";

export const common: CatalogueOf<typeof source> = {
  "forgotPassword.title": "هل نسيت كلمة المرور؟",
  "forgotPassword.intro": "أدخل عنوان البريد الإلكتروني الذي تستخدمه لتسجيل الدخول. سنرسل إلى هذا العنوان رابطًا لاختيار كلمة مرور جديدة.",
  "forgotPassword.emailLabel": "عنوان البريد الإلكتروني",
  "forgotPassword.submit": "إرسال رابط إعادة التعيين",
  "forgotPassword.submitting": "جارٍ الإرسال…",

  "resetPassword.title": "اختر كلمة مرور جديدة",
  "resetPassword.forAccount": "للحساب <strong>{email}</strong>.",
  "resetPassword.passwordLabel": "كلمة المرور الجديدة",
  "resetPassword.confirmationLabel": "تأكيد كلمة المرور الجديدة",
  "resetPassword.submit": "تعيين كلمة المرور الجديدة",
  "resetPassword.submitting": "جارٍ الحفظ…",
  "resetPassword.missingPassword": "أدخل كلمة مرور جديدة.",
  "resetPassword.missingConfirmation": "أدخل كلمة المرور الجديدة مرة أخرى.",
  "resetPassword.mismatch": "كلمتا المرور غير متطابقتين.",
  "resetPassword.preferApp": "هل تفضّل استخدام التطبيق؟",
  "resetPassword.openInApp": "فتح في تطبيق {appName} لسطح المكتب",

  "resetOutcome.invalidTitle": "رابط إعادة التعيين هذا غير صالح أو انتهت صلاحيته",
  "resetOutcome.invalidBody": "يعمل رابط إعادة التعيين مرة واحدة فقط ولمدة محدودة، ولا يكون صالحًا إلا أحدث رابط طلبته.",
  "resetOutcome.askAgain": "طلب رابط جديد",
  "resetOutcome.usedTitle": "سبق استخدام رابط إعادة التعيين هذا",
  "resetOutcome.usedBody":
    "يعمل كل رابط مرة واحدة فقط. إذا عيّنت به كلمة مرور جديدة، فقد حُفظت كلمة المرور هذه؛ سجّل الدخول بها. وإن لم تفعل، فاطلب رابطًا جديدًا.",
  "resetOutcome.changedTitle": "تم تغيير كلمة المرور",
  "resetOutcome.changedBody": "حفاظًا على أمانك، سجّلنا خروجك من جميع الأجهزة. سجّل الدخول بكلمة المرور الجديدة.",
  "resetOutcome.signIn": "تسجيل الدخول",

  "checkEmail.title": "تحقّق من بريدك الإلكتروني",
  "checkEmail.linkSent": "إذا كان هناك حساب مرتبط بالعنوان {email}، فقد أرسلنا إليه رابطًا لإعادة تعيين كلمة المرور.",
  "checkEmail.howLong":
    "افتح الرابط على هذا الجهاز. يعمل الرابط ورمزه مرة واحدة فقط ولمدة {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}. قد يستغرق وصول الرسالة دقيقة تقريبًا؛ تحقّق أيضًا من مجلد الرسائل غير المرغوب فيها.",
  "checkEmail.openInApp": "افتح الرابط على هذا الكمبيوتر، وسينقلك {appName} إلى شاشة إعادة التعيين.",
  "checkEmail.otherDevice": "هل تقرأ الرسالة على جهاز آخر؟",
  "checkEmail.otherDeviceHint": "أدخل هنا الرمز الوارد في الرسالة بدلاً من ذلك.",

  "resetCode.enterTitle": "أدخل الرمز الوارد في الرسالة",
  "resetCode.enterIntro": "تحتوي رسالة إعادة التعيين على رمز مثل {example}. أدخله مع عنوان البريد الإلكتروني الذي أُرسلت إليه الرسالة.",
  "resetCode.label": "الرمز الوارد في الرسالة",
  "resetCode.hint": "8 أحرف، مثل {example}",
  "resetCode.missing": "أدخل الرمز الوارد في الرسالة.",
  "resetCode.shape": "أدخل الرمز المكوّن من 8 أحرف الوارد في الرسالة، مثل {example}.",
  "resetCode.invalid":
    "هذا الرمز غير صالح لهذا العنوان. يتوقف الرمز عن العمل عند استخدام الرابط، أو عند انتهاء صلاحيته، أو بعد {budget, plural, zero {# محاولة خاطئة} one {محاولة خاطئة واحدة} two {محاولتين خاطئتين} few {# محاولات خاطئة} many {# محاولة خاطئة} other {# محاولة خاطئة}}؛ اطلب رسالة جديدة إذا لزم الأمر.",
  "resetCode.refused":
    "لم يعمل هذا الرمز مع هذا العنوان. قارنه بالرمز الوارد في أحدث رسالة وحاول مرة أخرى؛ بعد {budget, plural, zero {# محاولة خاطئة} one {محاولة خاطئة واحدة} two {محاولتين خاطئتين} few {# محاولات خاطئة} many {# محاولة خاطئة} other {# محاولة خاطئة}} يتوقف الرمز عن العمل.",
  "resetCode.refusedLast":
    "لم يعمل هذا الرمز أيضًا. بعد {budget, plural, zero {# محاولة خاطئة} one {محاولة خاطئة واحدة} two {محاولتين خاطئتين} few {# محاولات خاطئة} many {# محاولة خاطئة} other {# محاولة خاطئة}} يتوقف الرمز عن العمل؛ أرسل رسالة جديدة واستخدم الرمز الوارد فيها.",
  "resetCode.submit": "المتابعة باستخدام الرمز",
  "resetCode.submitting": "جارٍ التحقق…",

  "formError.summaryTitle":
    "{count, plural, zero {يُرجى تصحيح هذه الأخطاء أولاً} one {يُرجى تصحيح هذا الخطأ أولاً} two {يُرجى تصحيح هذين الخطأين أولاً} few {يُرجى تصحيح هذه الأخطاء أولاً} many {يُرجى تصحيح هذه الأخطاء أولاً} other {يُرجى تصحيح هذه الأخطاء أولاً}}",

  "passwordPolicy.hint":
    "استخدم من {min} إلى {max} حرفًا. من الأسهل تذكّر عبارة طويلة. لا يُسمح باستخدام كلمات المرور الشائعة ولا عنوان بريدك الإلكتروني؛ أما الرموز والأرقام فاختيارية.",
  "passwordPolicy.tooShort":
    "استخدم {min, plural, zero {# حرف} one {حرفًا واحدًا} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}} على الأقل.",
  "passwordPolicy.tooLong":
    "استخدم {max, plural, zero {# حرف} one {حرفًا واحدًا} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}} على الأكثر.",
  "passwordPolicy.matchesEmail": "لا تستخدم عنوان بريدك الإلكتروني ككلمة مرور.",
  "passwordPolicy.common": "كلمة المرور هذه شائعة جدًا. اختر كلمة مرور يصعب تخمينها.",
  "passwordPolicy.breached": "ظهرت كلمة المرور هذه في اختراق سابق للبيانات، لذا يبدأ المهاجمون بتجربتها. اختر كلمة مرور مختلفة.",
  "passwordPolicy.accepted": "كلمة المرور هذه تستوفي المتطلبات.",

  "signUp.title": "إنشاء حسابك",
  "signUp.intro": "أدخل عنوان بريدك الإلكتروني واختر كلمة مرور. سنرسل إلى هذا العنوان رابطًا للتأكد من أنه يخصّك.",
  "signUp.emailLabel": "عنوان البريد الإلكتروني",
  "signUp.passwordLabel": "كلمة المرور",
  "signUp.confirmationLabel": "تأكيد كلمة المرور",
  "signUp.submit": "إنشاء حساب",
  "signUp.submitting": "جارٍ إنشاء الحساب…",
  "signUp.missingPassword": "أدخل كلمة مرور.",
  "signUp.missingConfirmation": "أدخل كلمة المرور مرة أخرى.",
  "signUp.haveAccount": "هل لديك حساب بالفعل؟",
  "signUp.signIn": "تسجيل الدخول",
  "signUp.checkEmailTitle": "تحقّق من بريدك الإلكتروني",
  "signUp.checkEmailBody":
    "إذا كان من الممكن استخدام العنوان {email} لحساب جديد، فقد أرسلنا إليه رابطًا لتأكيده. يعمل الرابط لمدة 24 ساعة. وإذا كان هناك حساب مرتبط بهذا العنوان بالفعل، فسيتلقى صاحبه إشعارًا بدلاً من ذلك.",
  "signUp.checkEmailBodyNoAddress":
    "إذا كان من الممكن استخدام العنوان الذي أدخلته لحساب جديد، فقد أرسلنا إليه رابطًا لتأكيده. يعمل الرابط لمدة 24 ساعة. وإذا كان هناك حساب مرتبط بهذا العنوان بالفعل، فسيتلقى صاحبه إشعارًا بدلاً من ذلك.",
  "signUp.spamHint": "قد يستغرق وصول الرسالة دقيقة تقريبًا؛ تحقّق أيضًا من مجلد الرسائل غير المرغوب فيها.",

  "verifyEmail.title": "تأكيد عنوان بريدك الإلكتروني",
  "verifyEmail.intro": "أدخل كلمة المرور التي اخترتها عند التسجيل. يُثبت ذلك أن الشخص الذي فتح هذه الرسالة هو نفسه من اختار كلمة المرور.",
  "verifyEmail.forAccount": "للحساب <strong>{email}</strong>.",
  "verifyEmail.passwordLabel": "كلمة المرور",
  "verifyEmail.missingPassword": "أدخل كلمة مرورك.",
  "verifyEmail.submit": "تأكيد عنوان البريد الإلكتروني",
  "verifyEmail.submitting": "جارٍ التأكيد…",
  "verifyEmail.wrongPassword":
    "هذه ليست كلمة المرور التي اختيرت عند التسجيل بهذا العنوان. إذا لم تكن أنت من سجّل، فتجاهل الرسالة؛ وإذا أردت اختيار كلمة مرور بنفسك، فسجّل مرة أخرى بهذا العنوان.",
  "verifyEmail.verifiedTitle": "تم تأكيد عنوان بريدك الإلكتروني",
  "verifyEmail.verifiedBody": "حسابك جاهز. سجّل الدخول باستخدام عنوان بريدك الإلكتروني وكلمة المرور.",
  "verifyEmail.invalidTitle": "رابط التأكيد هذا غير صالح أو انتهت صلاحيته",
  "verifyEmail.invalidBody":
    "يعمل رابط التأكيد مرة واحدة فقط ولمدة 24 ساعة، ولا يكون صالحًا إلا أحدث رابط. سجّل مرة أخرى للحصول على رابط جديد.",
  "verifyEmail.signUpAgain": "التسجيل مرة أخرى",
  "verifyEmail.alreadyVerifiedTitle": "تم تأكيد هذا العنوان من قبل",
  "verifyEmail.alreadyVerifiedBody":
    "سبق استخدام هذا الرابط لتأكيد العنوان، لذا فالحساب موجود. سجّل الدخول باستخدام عنوان البريد الإلكتروني وكلمة المرور الخاصين به.",

  "signIn.title": "تسجيل الدخول",
  "signIn.emailLabel": "عنوان البريد الإلكتروني",
  "signIn.passwordLabel": "كلمة المرور",
  "signIn.submit": "تسجيل الدخول",
  "signIn.submitting": "جارٍ تسجيل الدخول…",
  "signIn.forgotPassword": "هل نسيت كلمة المرور؟",
  "signIn.createAccount": "إنشاء حساب",
  "signIn.invalidCredentials":
    "عنوان البريد الإلكتروني أو كلمة المرور غير صحيح. إذا كنت قد سجّلت للتو، فأكّد عنوانك أولاً باستخدام الرابط الذي أرسلناه إليك بالبريد الإلكتروني.",
  "signIn.signedOut": "تم تسجيل خروجك.",
  "signIn.signedOutEverywhere": "تم تسجيل خروجك من جميع الأجهزة.",

  "account.title": "حسابك",
  "account.signedInAs": "تم تسجيل الدخول بحساب <strong>{email}</strong>.",
  "account.changeTitle": "تغيير كلمة المرور",
  "account.currentLabel": "كلمة المرور الحالية",
  "account.newLabel": "كلمة المرور الجديدة",
  "account.confirmLabel": "تأكيد كلمة المرور الجديدة",
  "account.missingCurrent": "أدخل كلمة المرور الحالية.",
  "account.missingPassword": "أدخل كلمة مرور جديدة.",
  "account.missingConfirmation": "أدخل كلمة المرور الجديدة مرة أخرى.",
  "account.submit": "تغيير كلمة المرور",
  "account.submitting": "جارٍ التغيير…",
  "account.currentPasswordWrong": "هذه ليست كلمة المرور الحالية.",
  "account.changed": "تم تغيير كلمة المرور. سجّلنا الخروج من جميع الأجهزة الأخرى، وأرسلنا إليك رسالة بذلك.",
  "account.signOut": "تسجيل الخروج",
  "account.signOutEverywhere": "تسجيل الخروج من جميع الأجهزة",
  "account.signingOut": "جارٍ تسجيل الخروج…",
  "account.cancel": "إلغاء",

  "wait.minutes":
    "محاولات كثيرة جدًا. حاول مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "wait.seconds":
    "محاولات كثيرة جدًا. حاول مرة أخرى بعد {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.",
  "wait.unknown": "محاولات كثيرة جدًا. انتظر قليلاً ثم حاول مرة أخرى.",

  "email.missing": "أدخل عنوان بريدك الإلكتروني.",
  "email.tooLong": "لا يمكن أن يتجاوز طول عنوان البريد الإلكتروني {max} حرفًا.",
  "email.controlCharacters": "لا يمكن أن يحتوي عنوان البريد الإلكتروني على فواصل أسطر أو أحرف تحكم.",
  "email.invalid": "أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.com.",
  "email.nonAsciiLocalPart":
    "استخدم قبل @ الأحرف اللاتينية والأرقام والرموز . _ % + - فقط. يمكن استخدام أحرف مثل é أو ü في الجزء الذي يلي @ (exämple.de)، لكن كثيرًا من خوادم البريد لا تستطيع توصيل الرسائل إلى عناوين تحتوي عليها قبله.",
};
