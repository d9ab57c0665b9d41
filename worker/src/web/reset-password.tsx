/**
 * `/reset-password`: opening the link and setting the new password.
 *
 * Opening `?token=T` only verifies T, never consumes it, because mail scanners prefetch links
 * with GET and HEAD. A valid token moves into the reset cookie and the browser is sent with
 * 303 to the bare `/reset-password`, so the token leaves the address bar and history (as
 * Django's confirm view does). The form then reads the token from the cookie only.
 *
 * A submit verifies the token once and checks the policy once. A browser that sends the form
 * again right after it succeeded (a double click, a reload) sees the success page again rather
 * than "link invalid": the token it carries (or keeps in the done cookie) was used moments ago,
 * and the password it sends is the one now set. Any other password gets "link invalid", so a
 * second tab that typed something else is never told its password was set.
 */
import { PagePath, type ResetClient } from "../../../shared/contract.ts";
import { ResetPasswordCopy } from "../../../shared/copy.ts";
import { buildResetDeepLink, buildSignInDeepLink } from "../../../shared/deep-link.ts";
import { maskEmail } from "../../../shared/email-address.ts";
import { checkPassword } from "../../../shared/password-policy.ts";
import { isResetTokenShape } from "../../../shared/reset-token.ts";
import { findAccountById } from "../accounts/accounts.ts";
import { readConfig } from "../config.ts";
import { verifyPassword } from "../crypto/password-hash.ts";
import { hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";
import { completePasswordReset, verifyPasswordResetToken, type VerifiedReset } from "../reset/password-reset.ts";
import { findResetTokenUsedSince } from "../reset/reset-tokens.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readFormBody } from "./form-body.ts";
import { ResetPasswordPage, type ResetPasswordErrors } from "./pages/reset-password.tsx";
import { ContinueToResetPage, PasswordChangedPage, ResetLinkInvalidPage } from "./pages/reset-outcomes.tsx";
import { renderPage } from "./render.ts";
import { serializeExpiredCookie } from "./cookies.ts";
import {
  RESET_COOKIE_PATH,
  RESET_DONE_COOKIE_NAME,
  RESET_DONE_SECONDS,
  readResetCookie,
  readResetDoneCookie,
  serializeClearedResetCookie,
  serializeResetCookie,
  serializeResetDoneCookie,
} from "./reset-cookie.ts";
import { renderErrorPage } from "./web-route.tsx";

/** The status of the "link invalid or expired" page, the same as the JSON API's `token_invalid`. */
export const INVALID_LINK_STATUS = 410;

/** GET/HEAD `/reset-password?token=T` and `/reset-password`. */
export async function openResetPassword(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.has("token")) return moveTokenIntoCookie(request, env, url.searchParams.get("token"));

  const token = readResetCookie(request);
  if (!token) {
    const done = readResetDoneCookie(request);
    if (done) return renderRepeatOrInvalid(request, env, done, null);
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
  return renderResetForm(request, env, token, verified, {}, 200);
}

/** POST `/reset-password` (after the CSRF check). */
export async function submitResetPassword(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const config = readConfig(env);
  const body = await readFormBody(request);
  if (!body.ok) return renderErrorPage(env, 400, "The form could not be read.");
  const password = readField(body.fields, "password");
  const confirmation = readField(body.fields, "confirm_password");
  const token = readResetCookie(request);
  if (!token) {
    const done = readResetDoneCookie(request);
    return done ? renderRepeatOrInvalid(request, env, done, password) : renderInvalidLink(request, env);
  }
  const verified = await verifyPasswordResetToken(env, token);
  if (!verified) return renderRepeatOrInvalid(request, env, token, password);

  if (!password || confirmation !== password) {
    const errors = checkNewPassword(password, confirmation, verified.account.email, config.passwordMinLength);
    return renderResetForm(request, env, token, verified, errors, 422);
  }
  const result = await completePasswordReset(env, ctx, verified, password);
  if (result.ok) return renderPasswordChanged(request, env, verified.client, token);
  if (result.reason === "password_policy") return renderResetForm(request, env, token, verified, { password: result.message }, 422);
  return renderRepeatOrInvalid(request, env, token, password);
}

/**
 * Field messages for a new password typed twice (this form and the sign-up form); the policy is
 * the shared one the server enforces anyway. `words` are what the form says for an empty field.
 */
export function checkNewPassword(
  password: string,
  confirmation: string,
  email: string,
  minLength: number,
  words: { missingPassword: string; missingConfirmation: string } = ResetPasswordCopy,
): ResetPasswordErrors {
  const errors: ResetPasswordErrors = {};
  if (!password) errors.password = words.missingPassword;
  else {
    const violation = checkPassword(password, { minLength, email })[0];
    if (violation) errors.password = violation.message;
  }
  if (!confirmation) errors.confirmPassword = words.missingConfirmation;
  else if (password && confirmation !== password) errors.confirmPassword = ResetPasswordCopy.mismatch;
  return errors;
}

async function moveTokenIntoCookie(request: Request, env: Env, token: string | null): Promise<Response> {
  const verified = isResetTokenShape(token) ? await verifyPasswordResetToken(env, token) : null;
  if (!token || !verified) return renderInvalidLink(request, env);
  const maxAgeSeconds = Math.max(1, Math.floor((verified.expiresAt - clock.now()) / 1000));
  const headers = new Headers({ location: PagePath.resetPassword });
  headers.append("set-cookie", serializeResetCookie(request, token, maxAgeSeconds));
  return new Response(null, { status: 303, headers });
}

async function renderResetForm(
  request: Request,
  env: Env,
  token: string,
  reset: VerifiedReset,
  errors: ResetPasswordErrors,
  status: number,
): Promise<Response> {
  const config = readConfig(env);
  const csrf = await issueCsrfToken(request, env);
  return renderPage(
    <ResetPasswordPage
      appName={config.appName}
      csrfToken={csrf.token}
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
 * app. `usedToken` is remembered in the done cookie when the change happened in this request.
 */
function renderPasswordChanged(request: Request, env: Env, client: ResetClient, usedToken: string | null): Response {
  const config = readConfig(env);
  return renderPage(
    <PasswordChangedPage
      appName={config.appName}
      signInUrl={config.signInUrl}
      appLink={client === "desktop" ? buildSignInDeepLink(config.deepLinkScheme) : undefined}
    />,
    {
      cookies: [
        readResetCookie(request) ? serializeClearedResetCookie(request) : null,
        usedToken ? serializeResetDoneCookie(request, usedToken) : null,
      ],
    },
  );
}

/**
 * A token that no longer verifies: the success page if it was used moments ago and `password`
 * (null for a page view) is the one it set, else "link invalid".
 */
async function renderRepeatOrInvalid(request: Request, env: Env, token: string, password: string | null): Promise<Response> {
  const since = clock.now() - RESET_DONE_SECONDS * 1000;
  const used = isResetTokenShape(token) ? await findResetTokenUsedSince(env, await hashToken(token), since) : null;
  if (!used) return renderInvalidLink(request, env);
  if (password !== null) {
    const account = await findAccountById(env, used.accountId);
    if (!account || !(await verifyPassword(password, account.passwordHash)).valid) return renderInvalidLink(request, env);
  }
  return renderPasswordChanged(request, env, used.client, null);
}

function renderInvalidLink(request: Request, env: Env): Response {
  return renderPage(<ResetLinkInvalidPage appName={readConfig(env).appName} />, {
    status: INVALID_LINK_STATUS,
    cookies: [
      readResetCookie(request) ? serializeClearedResetCookie(request) : null,
      readResetDoneCookie(request) ? serializeExpiredCookie(request, RESET_DONE_COOKIE_NAME, RESET_COOKIE_PATH) : null,
    ],
  });
}
