/**
 * `/account-alert`: the "this wasn't me" link from the "password changed" email. GET only shows
 * what will happen (scanners open links); the CSRF-checked POST calls `revokeFromAlert`, which
 * locks the current password, signs the account out everywhere and mails a fresh reset link to
 * the stored address.
 */
import { readConfig } from "../config.ts";
import { findAlert, revokeFromAlert } from "../account-alert/account-alert.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields } from "./form-body.ts";
import { AccountAlertDonePage, AccountAlertInvalidPage, AccountAlertPage } from "./pages/account-alert.tsx";
import { renderPage } from "./render.ts";
import { INVALID_LINK_STATUS } from "./reset-password.tsx";

const ALERT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** GET/HEAD `/account-alert?token=T`: the confirmation page; changes nothing. */
export async function showAccountAlert(request: Request, env: Env): Promise<Response> {
  const config = readConfig(env);
  const alertToken = new URL(request.url).searchParams.get("token") ?? "";
  const alert = ALERT_TOKEN_PATTERN.test(alertToken) ? await findAlert(env, alertToken) : null;
  if (!alert) return renderInvalidAlert(request, env);
  const csrf = await issueCsrfToken(request, env);
  return renderPage(request, env, <AccountAlertPage appName={config.appName} csrfToken={csrf.token} alertToken={alertToken} maskedEmail={alert.maskedEmail} />, {
    cookies: [csrf.setCookie],
  });
}

/** POST `/account-alert` (after the CSRF check): lock the password, revoke sessions, send a fresh link. */
export async function submitAccountAlert(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const alertToken = readField(await readSubmittedFields(request), "token");
  if (!ALERT_TOKEN_PATTERN.test(alertToken) || !(await revokeFromAlert(env, ctx, alertToken))) return renderInvalidAlert(request, env);
  return renderPage(request, env, <AccountAlertDonePage appName={readConfig(env).appName} />);
}

function renderInvalidAlert(request: Request, env: Env): Response {
  return renderPage(request, env, <AccountAlertInvalidPage appName={readConfig(env).appName} />, { status: INVALID_LINK_STATUS });
}
