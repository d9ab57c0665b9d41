/** Japanese: the words only the Worker's web pages use. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { pages as source } from "../en/pages.ts";

export const pages: CatalogueOf<typeof source> = {
  "page.title": "{title} · {appName}",
  "page.footer": "{appName} がメールでパスワードをお尋ねすることはありません。",
  "page.languages": "言語",
  "page.devMailbox": "ローカルで実行中：メールは<mailbox>開発用メールボックス</mailbox>に保存されます。",
  "page.devRateLimits": "ローカルで開発中ですか？{file}に{setting}を設定してください。",
  "page.continue": "続行",

  "forgotPasswordPage.haveCode": "コードをお持ちの方",
  "forgotPasswordPage.noAccount": "アカウントをお持ちでない方は<signUp>アカウントを作成</signUp>",

  "checkEmailPage.yourCode": "コード",
  "checkEmailPage.sendAnother": "リンクを再送信",
  "checkEmailPage.tooManyCodes":
    "お使いのネットワークから入力されたコードが多すぎます。{minutes, plural, other {#分}}後にもう一度お試しください。",

  "rateLimited.title": "リクエストが多すぎます",
  "rateLimited.heading": "しばらくお待ちください",
  "rateLimited.resetRequests":
    "お使いのネットワークから多数のリセットリクエストを受け付けました。{minutes, plural, other {#分}}後にもう一度お試しください。",
  "rateLimited.signUps": "お使いのネットワークから多数の登録を受け付けました。{minutes, plural, other {#分}}後にもう一度お試しください。",
  "rateLimited.passwordAttempts":
    "お使いのネットワークからパスワードが何度も入力されました。{minutes, plural, other {#分}}後にもう一度お試しください。",
  "rateLimited.back": "フォームに戻る",

  "resetLinkPage.invalidTitle": "リンクが無効か期限切れです",
  "resetLinkPage.usedTitle": "リンクは使用済みです",
  "resetLinkPage.changedTitle": "パスワードを変更しました",
  "resetLinkPage.openingTitle": "リセット用リンクを開いています",
  "resetLinkPage.opening": "リセット用リンクを開いています…",

  "verifyEmailPage.confirmedTitle": "メールアドレスを確認しました",
  "verifyEmailPage.alreadyConfirmedTitle": "アドレスは確認済みです",
  "verifyEmailPage.invalidTitle": "リンクが無効か期限切れです",
  "verifyEmailPage.openingTitle": "確認用リンクを開いています",
  "verifyEmailPage.opening": "確認用リンクを開いています…",

  "signUpPage.otherAddress": "別のアドレスを使用",

  "accountAlert.title": "アカウントの保護",
  "accountAlert.heading": "パスワードを変更した覚えはありませんか？",
  "accountAlert.body":
    "<strong>{email}</strong> のパスワードが変更されました。お心当たりがない場合は、すべてのデバイスでこのアカウントからログアウトし、現在のパスワードを無効にしたうえで、新しいリセット用リンクをアカウントのメールアドレスにお送りします。",
  "accountAlert.submit": "すべてのデバイスからログアウトしてリセット用リンクを送信",
  "accountAlert.doneTitle": "アカウントを保護しました",
  "accountAlert.doneHeading": "すべてのデバイスでアカウントからログアウトしました",
  "accountAlert.doneBody":
    "現在のパスワードは使用できなくなりました。アカウントのメールアドレスに新しいリセット用リンクをお送りしましたので、そのリンクから新しいパスワードを設定してください。",
  "accountAlert.invalidTitle": "リンクが無効か期限切れです",
  "accountAlert.invalidHeading": "このリンクは無効か、有効期限が切れています",
  "accountAlert.invalidBody":
    "パスワードの変更にまだお心当たりがない場合は、リセット用リンクをリクエストしてください。リンクをリクエストしても誰かがログインすることはなく、新しいパスワードを設定すると他のすべてのデバイスがログアウトされます。",
  "accountAlert.askForLink": "リセット用リンクをリクエスト",

  "errorPage.notFoundTitle": "ページが見つかりません",
  "errorPage.notFoundBody":
    "このアドレスにはページがありません。リセット用リンクから開いた場合は、メールに記載されたリンクを最後まですべてコピーしてください。",
  "errorPage.resetYourPassword": "パスワードをリセット",
  "errorPage.formExpiredTitle": "フォームの有効期限切れ",
  "errorPage.formExpiredHeading": "このフォームは有効期限が切れています",
  "errorPage.formExpiredBody":
    "安全のため、このサイトから送信されたフォームのみを受け付けています。前のページに戻り、ページを再読み込みしてから、もう一度お試しください。",
  "errorPage.startAgain": "最初からやり直す",
  "errorPage.tooLargeTitle": "文字数が多すぎます",
  "errorPage.tooLargeHeading": "このフォームで受け付けられる文字数を超えています",
  "errorPage.tooLargeBody":
    "パスワードは{passwordMax}文字以内、メールアドレスは{emailMax}文字以内です。前のページに戻り、入力内容を短くしてから、もう一度フォームを送信してください。",
  "errorPage.unavailableTitle": "一時的に利用できません",
  "errorPage.unavailableBody": "現在、リクエストを処理できません。お客様の操作が原因ではありません。数分後にもう一度お試しください。",
  "errorPage.unavailableLinkStillWorks": "リセット用リンクをお使いだった場合、そのリンクは有効期限までご利用いただけます。",
  "errorPage.genericTitle": "エラーが発生しました",
  "errorPage.unreadableForm": "このフォームを読み取れませんでした。ページを再読み込みして、もう一度送信してください。",
  "errorPage.wrongMethod": "このページはその方法では開けません。リンクまたはフォームから開いてください。",

  "apiReference.title": "API リファレンス",
  "apiReference.intro": "このサービスのすべてのエンドポイントを、<document>OpenAPI ドキュメント</document>から読み取って表示しています。API の説明は英語です。",
  "apiReference.contents": "目次",
  "apiReference.authentication": "認証",
  "apiReference.noAuthentication": "不要",
  "apiReference.parameters": "パラメーター",
  "apiReference.requestBody": "リクエストボディ",
  "apiReference.responses": "レスポンス",
  "apiReference.headers": "ヘッダー",
  "apiReference.example": "例: {name}",
  "apiReference.columnName": "名前",
  "apiReference.columnType": "型",
  "apiReference.columnLocation": "場所",
  "apiReference.columnDetails": "詳細",
  "apiReference.required": "必須",
  "apiReference.optional": "任意",
  "apiReference.wholeBody": "（本文全体）",
  "apiReference.noContent": "本文なし。",
};
