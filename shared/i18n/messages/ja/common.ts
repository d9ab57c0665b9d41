/** Japanese: the words the web pages and the desktop app share. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { common as source } from "../en/common.ts";

export const common: CatalogueOf<typeof source> = {
  "forgotPassword.title": "パスワードをお忘れですか？",
  "forgotPassword.intro":
    "ログインに使用しているメールアドレスを入力してください。新しいパスワードを設定するためのリンクをそのアドレスにお送りします。",
  "forgotPassword.emailLabel": "メールアドレス",
  "forgotPassword.submit": "リセット用リンクを送信",
  "forgotPassword.submitting": "送信中…",

  "resetPassword.title": "新しいパスワードを設定",
  "resetPassword.forAccount": "対象のアカウント：<strong>{email}</strong>",
  "resetPassword.passwordLabel": "新しいパスワード",
  "resetPassword.confirmationLabel": "新しいパスワード（確認）",
  "resetPassword.submit": "パスワードを設定",
  "resetPassword.submitting": "保存中…",
  "resetPassword.missingPassword": "新しいパスワードを入力してください。",
  "resetPassword.missingConfirmation": "確認のため、新しいパスワードをもう一度入力してください。",
  "resetPassword.mismatch": "2つのパスワードが一致しません。",
  "resetPassword.preferApp": "アプリで続けますか？",
  "resetPassword.openInApp": "{appName} デスクトップアプリで開く",

  "resetOutcome.invalidTitle": "このリセット用リンクは無効か、有効期限が切れています",
  "resetOutcome.invalidBody": "リセット用リンクは一定時間内に1回だけ使用でき、有効なのは最後にリクエストしたリンクのみです。",
  "resetOutcome.askAgain": "新しいリンクをリクエスト",
  "resetOutcome.usedTitle": "このリセット用リンクはすでに使用されています",
  "resetOutcome.usedBody":
    "各リンクは1回のみ使用できます。このリンクで新しいパスワードを設定済みの場合、そのパスワードは保存されていますので、そのパスワードでログインしてください。設定していない場合は、新しいリンクをリクエストしてください。",
  "resetOutcome.changedTitle": "パスワードが変更されました",
  "resetOutcome.changedBody": "安全のため、すべてのデバイスからログアウトしました。新しいパスワードでログインしてください。",
  "resetOutcome.signIn": "ログイン",

  "checkEmail.title": "メールをご確認ください",
  "checkEmail.linkSent": "{email} のアカウントが存在する場合は、パスワードをリセットするためのリンクをそのアドレスに送信しました。",
  "checkEmail.howLong":
    "このデバイスでリンクを開いてください。リンクとコードは{minutes, plural, other {#分間}}有効で、1回のみ使用できます。メールが届くまで1分ほどかかる場合があります。迷惑メールフォルダもご確認ください。",
  "checkEmail.openInApp": "このコンピューターでリンクを開くと、{appName} のリセット画面が表示されます。",
  "checkEmail.otherDevice": "別のデバイスでメールをご覧になっていますか？",
  "checkEmail.otherDeviceHint": "その場合は、メールに記載されたコードをここに入力してください。",

  "resetCode.enterTitle": "メールに記載されたコードを入力",
  "resetCode.enterIntro":
    "リセット用メールには {example} のようなコードが記載されています。メールの送信先アドレスと一緒に入力してください。",
  "resetCode.label": "メールに記載されたコード",
  "resetCode.hint": "8文字（例：{example}）",
  "resetCode.missing": "メールに記載されたコードを入力してください。",
  "resetCode.shape": "メールに記載された8文字のコード（例：{example}）を入力してください。",
  "resetCode.invalid":
    "このコードはこのアドレスでは無効です。コードは、リンクが使用されたとき、有効期限が切れたとき、または入力を{budget, plural, other {#回}}間違えたときに無効になります。必要に応じて、新しいメールをリクエストしてください。",
  "resetCode.refused":
    "このコードはこのアドレスでは使用できませんでした。最新のメールに記載されたコードと照らし合わせて、もう一度お試しください。入力を{budget, plural, other {#回}}間違えるとコードは無効になります。",
  "resetCode.refusedLast":
    "このコードも使用できませんでした。入力を{budget, plural, other {#回}}間違えるとコードは無効になります。新しいメールを送信し、そのメールに記載されたコードを使用してください。",
  "resetCode.submit": "コードで続行",
  "resetCode.submitting": "確認中…",

  "formError.summaryTitle": "{count, plural, other {まず以下の項目を修正してください}}",

  "passwordPolicy.hint":
    "{min}～{max}文字で入力してください。長いフレーズにすると覚えやすくなります。よく使われるパスワードやご自身のメールアドレスは使用できません。記号や数字は必須ではありません。",
  "passwordPolicy.tooShort": "{min, plural, other {#文字}}以上で入力してください。",
  "passwordPolicy.tooLong": "{max, plural, other {#文字}}以内で入力してください。",
  "passwordPolicy.matchesEmail": "メールアドレスをパスワードとして使用しないでください。",
  "passwordPolicy.common": "このパスワードはよく使われています。推測されにくいパスワードを選んでください。",
  "passwordPolicy.breached":
    "このパスワードは過去のデータ漏洩で流出しているため、攻撃者に真っ先に試されます。別のパスワードを選んでください。",
  "passwordPolicy.accepted": "このパスワードは要件を満たしています。",

  "signUp.title": "アカウントを作成",
  "signUp.intro":
    "メールアドレスを入力し、パスワードを設定してください。ご本人のアドレスであることを確認するためのリンクをそのアドレスにお送りします。",
  "signUp.emailLabel": "メールアドレス",
  "signUp.passwordLabel": "パスワード",
  "signUp.confirmationLabel": "パスワード（確認）",
  "signUp.submit": "アカウントを作成",
  "signUp.submitting": "作成中…",
  "signUp.missingPassword": "パスワードを入力してください。",
  "signUp.missingConfirmation": "確認のため、パスワードをもう一度入力してください。",
  "signUp.haveAccount": "すでにアカウントをお持ちですか？",
  "signUp.signIn": "ログイン",
  "signUp.checkEmailTitle": "メールをご確認ください",
  "signUp.checkEmailBody":
    "{email} を新しいアカウントに使用できる場合は、アドレスを確認するためのリンクをそのアドレスに送信しました。リンクの有効期限は24時間です。このアドレスのアカウントがすでに存在する場合は、代わりにアカウントの所有者にお知らせが届きます。",
  "signUp.checkEmailBodyNoAddress":
    "入力されたアドレスを新しいアカウントに使用できる場合は、アドレスを確認するためのリンクをそのアドレスに送信しました。リンクの有効期限は24時間です。このアドレスのアカウントがすでに存在する場合は、代わりにアカウントの所有者にお知らせが届きます。",
  "signUp.spamHint": "メールが届くまで1分ほどかかる場合があります。迷惑メールフォルダもご確認ください。",

  "verifyEmail.title": "メールアドレスの確認",
  "verifyEmail.intro":
    "登録時に設定したパスワードを入力してください。このメールを開いた方とパスワードを設定した方が同じであることを確認します。",
  "verifyEmail.forAccount": "対象のアカウント：<strong>{email}</strong>",
  "verifyEmail.passwordLabel": "パスワード",
  "verifyEmail.missingPassword": "パスワードを入力してください。",
  "verifyEmail.submit": "メールアドレスを確認",
  "verifyEmail.submitting": "確認中…",
  "verifyEmail.wrongPassword":
    "このアドレスの登録時に設定されたパスワードではありません。登録した覚えがない場合は、メールを無視してください。ご自身でパスワードを設定するには、このアドレスでもう一度登録してください。",
  "verifyEmail.verifiedTitle": "メールアドレスが確認されました",
  "verifyEmail.verifiedBody": "アカウントの準備ができました。メールアドレスとパスワードでログインしてください。",
  "verifyEmail.invalidTitle": "この確認用リンクは無効か、有効期限が切れています",
  "verifyEmail.invalidBody":
    "確認用リンクは24時間以内に1回だけ使用でき、有効なのは最新のリンクのみです。新しいリンクを受け取るには、もう一度登録してください。",
  "verifyEmail.signUpAgain": "もう一度登録する",
  "verifyEmail.alreadyVerifiedTitle": "このアドレスはすでに確認済みです",
  "verifyEmail.alreadyVerifiedBody":
    "このリンクでアドレスの確認が完了しているため、アカウントは作成済みです。そのメールアドレスとパスワードでログインしてください。",

  "signIn.title": "ログイン",
  "signIn.emailLabel": "メールアドレス",
  "signIn.passwordLabel": "パスワード",
  "signIn.submit": "ログイン",
  "signIn.submitting": "ログイン中…",
  "signIn.forgotPassword": "パスワードをお忘れですか？",
  "signIn.createAccount": "アカウントを作成",
  "signIn.invalidCredentials":
    "メールアドレスまたはパスワードが正しくありません。登録したばかりの場合は、先にメールでお送りしたリンクからアドレスを確認してください。",
  "signIn.signedOut": "ログアウトしました。",
  "signIn.signedOutEverywhere": "すべてのデバイスからログアウトしました。",

  "account.title": "アカウント",
  "account.signedInAs": "<strong>{email}</strong> でログインしています。",
  "account.changeTitle": "パスワードを変更",
  "account.currentLabel": "現在のパスワード",
  "account.newLabel": "新しいパスワード",
  "account.confirmLabel": "新しいパスワード（確認）",
  "account.missingCurrent": "現在のパスワードを入力してください。",
  "account.missingPassword": "新しいパスワードを入力してください。",
  "account.missingConfirmation": "確認のため、新しいパスワードをもう一度入力してください。",
  "account.submit": "パスワードを変更",
  "account.submitting": "変更中…",
  "account.currentPasswordWrong": "現在のパスワードが正しくありません。",
  "account.changed": "パスワードを変更しました。他のすべてのデバイスからログアウトし、お知らせのメールをお送りしました。",
  "account.signOut": "ログアウト",
  "account.signOutEverywhere": "すべてのデバイスからログアウト",
  "account.signingOut": "ログアウト中…",
  "account.cancel": "キャンセル",

  "wait.minutes": "試行回数が多すぎます。{minutes, plural, other {#分}}後にもう一度お試しください。",
  "wait.seconds": "試行回数が多すぎます。{seconds, plural, other {#秒}}後にもう一度お試しください。",
  "wait.unknown": "試行回数が多すぎます。しばらく待ってから、もう一度お試しください。",

  "email.missing": "メールアドレスを入力してください。",
  "email.tooLong": "メールアドレスは{max}文字以内で入力してください。",
  "email.controlCharacters": "メールアドレスに改行や制御文字は使用できません。",
  "email.invalid": "有効なメールアドレスを入力してください（例：name@example.com）。",
  "email.nonAsciiLocalPart":
    "@より前には、半角英字、数字、および . _ % + - のみを使用してください。é や ü などの文字は@より後の部分（exämple.de）では使用できますが、@より前にあると多くのメールサーバーで配信できません。",
};
