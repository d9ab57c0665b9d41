/**
 * `/reset-password`: opening the link and setting the new password.
 *
 * Opening `?token=T` only verifies T, never consumes it, because mail scanners prefetch links
 * with GET and HEAD. A valid token moves into the reset cookie and the browser is sent with
 * 303 to the bare `/reset-password`, so the token leaves the address bar and history (as
 * Django's confirm view does). The form then reads the token from the cookie only.
 *
 * A submit verifies the token once and checks the policy once. A link that no longer works shows
 * the success page to the very form that just finished with it (a reload re-posts it; the done
 * cookie's receipt names the form by the id each rendering gets), and to every other form and
 * visitor says whether it was used or is invalid (reset/finished-reset.ts); no submitted password
 * is ever checked for that.
 */
import { PagePath, type ResetClient } from "../../../shared/contract.ts";
import { buildResetDeepLink, buildSignInDeepLink } from "../../../shared/deep-link.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { checkNewPassword, RESET_PASSWORD_WORDS, type NewPasswordProblems } from "../../../shared/new-password.ts";
import { isTokenShape } from "../../../shared/token-shape.ts";
import { readConfig } from "../config.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { clock } from "../platform/clock.ts";
import {
  createResetFormId,
  explainDeadResetLink,
  FINISHED_RESET_WINDOW_MS,
  issueFinishedResetReceipt,
  readResetFormId,
  recognizeFinishedReset,
} from "../reset/finished-reset.ts";
import { completePasswordReset, verifyPasswordResetToken, type VerifiedReset } from "../reset/password-reset.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields } from "./form-body.ts";
import { clearPageCookie, readPageCookie, setPageCookie } from "./page-cookies.ts";
import { ResetPasswordPage } from "./pages/reset-password.tsx";
import { ContinueToResetPage, PasswordChangedPage, ResetLinkInvalidPage, ResetLinkUsedPage } from "./pages/reset-outcomes.tsx";
import { renderPage } from "./render.ts";

/** The status of the "link invalid or expired" page, the same as the JSON API's `token_invalid`. */
export const INVALID_LINK_STATUS = 410;

/** GET/HEAD `/reset-password?token=T` and `/reset-password`. */
export async function openResetPassword(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.has("token")) return moveTokenIntoCookie(request, env, url.searchParams.get("token"));

  const token = readPageCookie(request, "reset");
  const verified = token ? await verifyPasswordResetToken(env, token) : null;
  if (token && verified) return renderResetForm(request, env, token, verified, {}, 200);
  if (!token) {
    const fetchSite = request.headers.get("sec-fetch-site");
    // A link followed from a mail site: the browser withheld our SameSite=Strict cookie. Reload
    // once as a same-origin navigation; without a cookie that second visit shows the invalid page.
    if (fetchSite === "cross-site" || fetchSite === "same-site") {
      if (!(await recognizeFinishedReset(env, readPageCookie(request, "resetDone"), null))) {
        return renderPage(request, env, <ContinueToResetPage appName={readConfig(env).appName} />);
      }
    }
  }
  return renderDeadLink(request, env, token, { formId: null });
}

/** POST `/reset-password` (after the CSRF check). */
export async function submitResetPassword(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const config = readConfig(env);
  const fields = await readSubmittedFields(request);
  const password = readField(fields, "password");
  const confirmation = readField(fields, "confirm_password");
  const formId = readResetFormId(readField(fields, "form_id"));
  const token = readPageCookie(request, "reset");
  const verified = token ? await verifyPasswordResetToken(env, token) : null;
  if (!token || !verified) return renderDeadLink(request, env, token, { formId });

  const problems = checkNewPassword(password, confirmation, { minLength: config.passwordMinLength, email: verified.account.email }, RESET_PASSWORD_WORDS);
  // The policy itself is the server's to check, after the token, once: only an empty or mismatched pair stops here.
  if (!password || confirmation !== password) return renderResetForm(request, env, token, verified, problems, 422);
  const result = await completePasswordReset(env, ctx, verified, password);
  if (result.ok) {
    await rememberStatedLocale(env, verified.account.id, readPageLocale(request, env));
    return renderPasswordChanged(request, env, verified.client, await issueFinishedResetReceipt(env, verified.client, formId));
  }
  if (result.reason === "password_policy") return renderResetForm(request, env, token, verified, { password: result.message }, 422);
  return renderDeadLink(request, env, token, { formId });
}

async function moveTokenIntoCookie(request: Request, env: Env, token: string | null): Promise<Response> {
  const verified = isTokenShape(token) ? await verifyPasswordResetToken(env, token) : null;
  // A link opened afresh, from the email, is never a repeat: a used one says it was used.
  if (!token || !verified) return renderDeadLink(request, env, token, null);
  const maxAgeSeconds = Math.max(1, Math.floor((verified.expiresAt - clock.now()) / 1000));
  const headers = new Headers({ location: PagePath.resetPassword });
  headers.append("set-cookie", setPageCookie(request, "reset", token, maxAgeSeconds));
  return new Response(null, { status: 303, headers });
}

async function renderResetForm(
  request: Request,
  env: Env,
  token: string,
  reset: VerifiedReset,
  errors: NewPasswordProblems,
  status: number,
): Promise<Response> {
  const config = readConfig(env);
  const csrf = await issueCsrfToken(request, env);
  return renderPage(request, env, <ResetPasswordPage
      appName={config.appName}
      csrfToken={csrf.token}
      formId={createResetFormId()}
      email={reset.account.email}
      maskedEmail={maskEmail(reset.account.email)}
      deepLink={reset.client === "desktop" ? buildResetDeepLink(config.deepLinkScheme, token) : undefined}
      minLength={config.passwordMinLength}
      errors={errors}
    />,
    { status, cookies: [csrf.setCookie] },
  );
}

/**
 * The success page, which leads to the web sign-in and, for a reset asked for in the app, to the
 * app. `receipt` is set when the change happened in this request: the done cookie keeps it.
 */
function renderPasswordChanged(request: Request, env: Env, client: ResetClient, receipt: string | null): Response {
  const config = readConfig(env);
  return renderPage(request, env, <PasswordChangedPage
      appName={config.appName}
      signInUrl={config.signInUrl}
      appLink={client === "desktop" ? buildSignInDeepLink(config.deepLinkScheme) : undefined}
    />,
    {
      cookies: [
        readPageCookie(request, "reset") ? clearPageCookie(request, "reset") : null,
        receipt ? setPageCookie(request, "resetDone", receipt, FINISHED_RESET_WINDOW_MS / 1000) : null,
      ],
    },
  );
}

/**
 * A link that does not open the form: for a `repeat` (a re-post of the form, or a view of the
 * bare page) by the form or browser that just finished with it, the success page; else the
 * "used" or "invalid or expired" page, and the reset cookie goes.
 */
async function renderDeadLink(request: Request, env: Env, token: string | null, repeat: { formId: string | null } | null): Promise<Response> {
  const finished = repeat ? await recognizeFinishedReset(env, readPageCookie(request, "resetDone"), repeat.formId) : null;
  if (finished) return renderPasswordChanged(request, env, finished.client, null);
  const appName = readConfig(env).appName;
  const page = (await explainDeadResetLink(env, token)) === "used" ? <ResetLinkUsedPage appName={appName} /> : <ResetLinkInvalidPage appName={appName} />;
  return renderPage(request, env, page, {
    status: INVALID_LINK_STATUS,
    cookies: [
      readPageCookie(request, "reset") ? clearPageCookie(request, "reset") : null,
      readPageCookie(request, "resetDone") ? clearPageCookie(request, "resetDone") : null,
    ],
  });
}
