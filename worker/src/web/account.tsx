/**
 * `/account` and `/sign-out`: what someone signed in on the web can do. The account page shows
 * who is signed in and takes a change of password (accounts/change-password.ts, under the sign-in
 * limits); `/sign-out` ends this session, or with `scope=everywhere` every session of the account.
 * Without a live session, /account sends the browser to /sign-in. Every success answers 303
 * (POST/redirect/GET) with a one-shot notice.
 */
import { PagePath } from "../../../shared/contract.ts";
import { message, type Message } from "../../../shared/i18n/translator.ts";
import { checkNewPassword, type NewPasswordWords } from "../../../shared/new-password.ts";
import { changePassword } from "../accounts/change-password.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { invalidateAccountSessions, invalidateSession } from "../sessions/session.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields } from "./form-body.ts";
import { clearPageCookie, readPageCookie } from "./page-cookies.ts";
import { AccountPage, type AccountPageErrors } from "./pages/account.tsx";
import { renderPage } from "./render.ts";
import { describeWait, readSignedIn, redirectTo, setNotice, takeNotice } from "./signed-in.ts";

const ACCOUNT_PASSWORD_WORDS: NewPasswordWords = { missingPassword: "account.missingPassword", missingConfirmation: "account.missingConfirmation" };

/** GET `/account`: the signed-in page, or /sign-in for anyone else. */
export async function showAccount(request: Request, env: Env): Promise<Response> {
  const current = await readSignedIn(request, env);
  if (!current) return redirectTo(PagePath.signIn, [readPageCookie(request, "session") ? clearPageCookie(request, "session") : null]);
  const { notice, clear } = takeNotice(request);
  return renderAccount(request, env, current.account.email, { notice }, 200, [clear]);
}

/** POST `/account` (after the CSRF check): change the password. */
export async function submitPasswordChange(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const current = await readSignedIn(request, env);
  if (!current) return redirectTo(PagePath.signIn, [clearPageCookie(request, "session")]);
  const fields = await readSubmittedFields(request);
  const currentPassword = readField(fields, "current_password");
  const newPassword = readField(fields, "password");
  const confirmation = readField(fields, "confirm_password");
  const email = current.account.email;
  const problems = checkNewPassword(newPassword, confirmation, { minLength: readConfig(env).passwordMinLength, email }, ACCOUNT_PASSWORD_WORDS);
  // The policy itself is the server's to check, once: an empty field or a mismatched pair stops here.
  if (!currentPassword || !newPassword || confirmation !== newPassword) {
    const errors: AccountPageErrors = { ...problems, currentPassword: currentPassword ? undefined : message("account.missingCurrent") };
    return renderAccount(request, env, email, { errors }, 422);
  }

  const result = await changePassword(
    env,
    ctx,
    { ...current, currentPassword, newPassword },
    { ip: readClientIp(request), deviceToken: readPageCookie(request, "device") },
  );
  if (result.ok) {
    await rememberStatedLocale(env, current.account.id, readPageLocale(request, env));
    return redirectTo(PagePath.account, [setNotice(request, "password-changed")]);
  }
  if (result.reason === "rate_limited") {
    return renderAccount(request, env, email, { errors: { form: describeWait(result.retryAfterSeconds) } }, 429, [], result.retryAfterSeconds);
  }
  if (result.reason === "password_policy") return renderAccount(request, env, email, { errors: { password: result.message } }, 422);
  return renderAccount(request, env, email, { errors: { currentPassword: message("account.currentPasswordWrong") } }, 401);
}

/** POST `/sign-out` (after the CSRF check): this session, or with `scope=everywhere` every session of the account. */
export async function submitSignOut(request: Request, env: Env): Promise<Response> {
  const current = await readSignedIn(request, env);
  const everywhere = readField(await readSubmittedFields(request), "scope") === "everywhere";
  if (current && everywhere) await invalidateAccountSessions(env, current.account.id);
  else if (current) await invalidateSession(env, current.session.tokenHash);
  return redirectTo(PagePath.signIn, [
    clearPageCookie(request, "session"),
    setNotice(request, everywhere && current ? "signed-out-everywhere" : "signed-out"),
  ]);
}

async function renderAccount(
  request: Request,
  env: Env,
  email: string,
  state: { errors?: AccountPageErrors; notice?: Message | undefined },
  status: number,
  cookies: readonly (string | null)[] = [],
  retryAfterSeconds?: number,
): Promise<Response> {
  const config = readConfig(env);
  const csrf = await issueCsrfToken(request, env);
  return renderPage(request, env, <AccountPage appName={config.appName} csrfToken={csrf.token} email={email} minLength={config.passwordMinLength} {...state} />, {
    status,
    cookies: [csrf.setCookie, ...cookies],
    headers: retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) },
  });
}
