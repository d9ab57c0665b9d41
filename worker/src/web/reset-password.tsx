/**
 * `/reset-password`: opening the link and setting the new password.
 *
 * Opening `?token=T` only verifies T, never consumes it, because mail scanners prefetch links
 * with GET and HEAD. A valid token moves into the reset cookie and the browser is sent with
 * 303 to the bare `/reset-password`, so the token leaves the address bar and history (as
 * Django's confirm view does). The form then reads the token from the cookie only.
 */
import { buildResetDeepLink, buildSignInDeepLink } from "../../../shared/deep-link.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { checkPassword } from "../../../shared/password-policy.ts";
import { isResetTokenShape } from "../../../shared/reset-token.ts";
import type { Account } from "../accounts/accounts.ts";
import { readConfig } from "../config.ts";
import { clock } from "../platform/clock.ts";
import { confirmPasswordReset, verifyPasswordResetToken } from "../reset/password-reset.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readFormBody } from "./form-body.ts";
import { ResetPasswordPage, type ResetPasswordErrors } from "./pages/reset-password.tsx";
import { ContinueToResetPage, PasswordChangedPage, ResetLinkInvalidPage } from "./pages/reset-outcomes.tsx";
import { renderPage } from "./render.ts";
import { readResetCookie, serializeClearedResetCookie, serializeResetCookie } from "./reset-cookie.ts";
import { renderErrorPage } from "./web-route.tsx";

/** The status of the "link invalid or expired" page, the same as the JSON API's `token_invalid`. */
export const INVALID_LINK_STATUS = 410;

/** GET/HEAD `/reset-password?token=T` and `/reset-password`. */
export async function openResetPassword(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.has("token")) return moveTokenIntoCookie(request, env, url.searchParams.get("token"));

  const token = readResetCookie(request);
  if (!token) {
    const fetchSite = request.headers.get("sec-fetch-site");
    // A link followed from a mail site: the browser withheld our SameSite=Strict cookie. Reload
    // once as a same-origin navigation; without a cookie that second visit shows the invalid page.
    if (fetchSite === "cross-site" || fetchSite === "same-site") {
      return renderPage(<ContinueToResetPage appName={readConfig(env).appName} />);
    }
    return renderInvalidLink(request, env);
  }
  const verified = await verifyPasswordResetToken(env, token);
  if (!verified) return renderInvalidLink(request, env);
  return renderResetForm(request, env, token, verified.account, {}, 200);
}

/** POST `/reset-password` (after the CSRF check). */
export async function submitResetPassword(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const config = readConfig(env);
  const token = readResetCookie(request);
  if (!token) return renderInvalidLink(request, env);
  const body = await readFormBody(request);
  if (!body.ok) return renderErrorPage(env, 400, "The form could not be read.");
  const verified = await verifyPasswordResetToken(env, token);
  if (!verified) return renderInvalidLink(request, env);

  const password = readField(body.fields, "password");
  const confirmation = readField(body.fields, "confirm_password");
  const errors = checkNewPassword(password, confirmation, verified.account.email, config.passwordMinLength);
  if (errors.password || errors.confirmPassword) return renderResetForm(request, env, token, verified.account, errors, 422);

  const result = await confirmPasswordReset(env, ctx, { token, password });
  if (result.ok) {
    return renderPage(<PasswordChangedPage appName={config.appName} signInLink={buildSignInDeepLink(config.deepLinkScheme)} />, {
      cookies: [serializeClearedResetCookie(request)],
    });
  }
  if (result.reason === "password_policy") {
    return renderResetForm(request, env, token, verified.account, { password: result.message }, 422);
  }
  return renderInvalidLink(request, env);
}

/** Field messages for the form; the policy is the shared one the server enforces anyway. */
export function checkNewPassword(password: string, confirmation: string, email: string, minLength: number): ResetPasswordErrors {
  const errors: ResetPasswordErrors = {};
  if (!password) errors.password = "Enter a new password.";
  else {
    const violation = checkPassword(password, { minLength, email })[0];
    if (violation) errors.password = violation.message;
  }
  if (!confirmation) errors.confirmPassword = "Enter the new password a second time.";
  else if (password && confirmation !== password) errors.confirmPassword = "The two passwords do not match.";
  return errors;
}

async function moveTokenIntoCookie(request: Request, env: Env, token: string | null): Promise<Response> {
  const verified = isResetTokenShape(token) ? await verifyPasswordResetToken(env, token) : null;
  if (!token || !verified) return renderInvalidLink(request, env);
  const maxAgeSeconds = Math.max(1, Math.floor((verified.expiresAt - clock.now()) / 1000));
  const headers = new Headers({ location: "/reset-password" });
  headers.append("set-cookie", serializeResetCookie(request, token, maxAgeSeconds));
  return new Response(null, { status: 303, headers });
}

async function renderResetForm(
  request: Request,
  env: Env,
  token: string,
  account: Account,
  errors: ResetPasswordErrors,
  status: number,
): Promise<Response> {
  const config = readConfig(env);
  const csrf = await issueCsrfToken(request, env);
  return renderPage(
    <ResetPasswordPage
      appName={config.appName}
      csrfToken={csrf.token}
      email={account.email}
      maskedEmail={maskEmail(account.email)}
      deepLink={buildResetDeepLink(config.deepLinkScheme, token)}
      minLength={config.passwordMinLength}
      errors={errors}
    />,
    { status, cookies: [csrf.setCookie] },
  );
}

function renderInvalidLink(request: Request, env: Env): Response {
  return renderPage(<ResetLinkInvalidPage appName={readConfig(env).appName} />, {
    status: INVALID_LINK_STATUS,
    cookies: readResetCookie(request) ? [serializeClearedResetCookie(request)] : [],
  });
}
