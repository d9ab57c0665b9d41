/** Japanese: the words of the emails. */
import type { CatalogueOf } from "../../catalogues.ts";
import type { email as source } from "../en/email.ts";

export const email: CatalogueOf<typeof source> = {
  "email.greeting": "こんにちは。",
  "email.signature": "— {appName}",
  "email.copyLink": "ボタンが機能しない場合は、次のアドレスをコピーしてブラウザに貼り付けてください：",
  "email.openInAppText": "または、{appName} デスクトップアプリで直接開くこともできます：",
  "email.minutes": "{count, plural, other {#分}}",
  "email.hours": "{count, plural, other {#時間}}",
  "email.days": "{count, plural, other {#日}}",

  "resetEmail.subject": "{appName} のパスワードのリセット",
  "resetEmail.title": "パスワードのリセット",
  "resetEmail.asked": "お使いの {appName} アカウントのパスワードのリセットがリクエストされました。",
  "resetEmail.thisComputerText": "このコンピューターで次のリンクを開き、新しいパスワードを設定してください：",
  "resetEmail.thisComputerHtml": "<strong>このコンピューターで</strong>下のボタンを押し、新しいパスワードを設定してください。",
  "resetEmail.button": "新しいパスワードを設定",
  "resetEmail.openInAppHtml": "デスクトップアプリをお使いですか？<link>{appName} でリセット画面を開く</link>",
  "resetEmail.otherDevice":
    "<strong>別のデバイスの場合は</strong>、{appName} アプリ、または {appName} のウェブページ「パスワードをお忘れですか？」の「コードをお持ちの方」で、次のコードを入力してください：",
  "resetEmail.lifetime":
    "リンクとコードはセットになっています。どちらも1回のみ使用でき、一方を使うともう一方は無効になります。いずれも<strong>{lifetime}</strong>後（{until}）に有効期限が切れます。",
  "resetEmail.notYou":
    "お心当たりがない場合は、このメールを無視してください。パスワードは変更されず、このリンクまたはコードがなければ誰もパスワードを変更できません。",

  "passwordChangedEmail.subject": "{appName} のパスワードが変更されました",
  "passwordChangedEmail.title": "パスワードが変更されました",
  "passwordChangedEmail.changed": "お使いの {appName} アカウント（<strong>{email}</strong>）のパスワードが {when} に変更されました。",
  "passwordChangedEmail.wasYou": "ご自身で変更された場合は、特に操作の必要はありません。",
  "passwordChangedEmail.notYouText":
    "お心当たりがない場合は、次のリンクを開いてください。すべてのデバイスがログアウトされ、現在のパスワードが無効になり、新しいリセット用リンクがこのアドレスに送信されます：",
  "passwordChangedEmail.notYouHtml":
    "お心当たりがない場合は、下のボタンを押してください。すべてのデバイスがログアウトされ、現在のパスワードが無効になり、新しいリセット用リンクがこのアドレスに送信されます。",
  "passwordChangedEmail.button": "心当たりがありません",
  "passwordChangedEmail.lifetime": "このリンクは1回のみ使用でき、{lifetime}後（{until}）に有効期限が切れます。",

  "signUpNoticeEmail.subject": "お使いのアドレスで {appName} アカウントの作成が試みられました",
  "signUpNoticeEmail.title": "お使いのアドレスでアカウントの作成が試みられました",
  "signUpNoticeEmail.tried": "お使いのアドレスでアカウントの作成が試みられました。",
  "signUpNoticeEmail.exists": "このアドレスの {appName} アカウントはすでに存在するため、新しいアカウントは作成されていません。",
  "signUpNoticeEmail.signInText": "ご自身による操作の場合は、こちらからログインしてください：",
  "signUpNoticeEmail.resetText": "パスワードをお忘れの場合は、こちらからリセットしてください：",
  "signUpNoticeEmail.wasYouHtml":
    "ご自身による操作の場合は、<signIn>ログイン</signIn>してください。パスワードをお忘れの場合は、パスワードをリセットしてください。",
  "signUpNoticeEmail.button": "パスワードをリセット",
  "signUpNoticeEmail.notYou": "お心当たりがない場合は、特に操作の必要はありません。アカウントとパスワードはそのまま変わりません。",

  "verificationEmail.subject": "{appName} のメールアドレスを確認してください",
  "verificationEmail.title": "メールアドレスの確認",
  "verificationEmail.signedUp": "このメールアドレスで {appName} アカウントの登録が行われました。",
  "verificationEmail.wasYouText": "ご自身による登録の場合は、次のリンクを開き、設定したパスワードを入力してアドレスを確認してください：",
  "verificationEmail.wasYouHtml": "ご自身による登録の場合は、下のボタンを押し、設定したパスワードを入力してアドレスを確認してください。",
  "verificationEmail.button": "メールアドレスを確認",
  "verificationEmail.openInAppHtml": "デスクトップアプリをお使いですか？<link>{appName} で確認する</link>",
  "verificationEmail.lifetime": "このリンクは1回のみ使用でき、<strong>{lifetime}</strong>後（{until}）に有効期限が切れます。",
  "verificationEmail.notYou":
    "登録した覚えがない場合は、このメールを無視してください。アドレスが確認されるまでアカウントは使用できず、1日後に削除されます。",
  "verificationEmail.takeOver": "ご自身のパスワードでこのアカウントを引き継ぐには、<link>パスワードをリセット</link>してください。",
};
