/**
 * `/verify-email`: opening the confirmation link and confirming with the sign-up password.
 *
 * Opening `?token=T` only looks T up, never uses it, because mail scanners prefetch links with
 * GET and HEAD: only the button's POST confirms. A live token moves into the verify cookie and the
 * browser is sent with 303 to the bare `/verify-email`, so the token leaves the address bar,
 * history and any Referer (as the reset link does). The form then reads the token from the cookie
 * only.
 *
 * The POST needs the password chosen at sign-up as well as the token (`verifyEmail`). A wrong one
 * re-renders the form with 400, like a refused reset code; after a few the server lets the token
 * die, and the next answer is the "link invalid" page. A repeat of a form that just succeeded (a
 * double click, or a reload of the answer) with the same password shows the success page again:
 * the cookie outlives the confirmation by a few minutes for that, and the used token in it opens
 * nothing.
 */
import { verifyEmailRequestSchema } from "../../../shared/contract.ts";
import { VerifyEmailCopy } from "../../../shared/copy.ts";
import { isResetTokenShape } from "../../../shared/reset-token.ts";
import { findEmailVerification, isRepeatedConfirmation, REPEAT_CONFIRMATION_MS, verifyEmail } from "../accounts/email-verification.ts";
import { readConfig } from "../config.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readFormBody } from "./form-body.ts";
import { ContinueToVerifyEmailPage, EmailVerifiedPage, VerificationLinkInvalidPage, VerifyEmailPage } from "./pages/verify-email.tsx";
import { renderPage } from "./render.ts";
import { INVALID_LINK_STATUS } from "./reset-password.tsx";
import {
  VERIFY_EMAIL_COOKIE_PATH,
  readVerifyEmailCookie,
  serializeClearedVerifyEmailCookie,
  serializeVerifyEmailCookie,
} from "./verify-email-cookie.ts";
import { renderErrorPage } from "./web-route.tsx";

/** The status of a wrong password: the form is fine, what was typed is refused (as for a wrong reset code). */
export const WRONG_PASSWORD_STATUS = 400;

/** GET/HEAD `/verify-email?token=T` and `/verify-email`. Changes nothing. */
export async function openVerifyEmail(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.has("token")) return moveTokenIntoCookie(request, env, url.searchParams.get("token"));

  const token = readVerifyEmailCookie(request);
  if (!token) {
    const fetchSite = request.headers.get("sec-fetch-site");
    // A link followed from a mail site: the browser withheld our SameSite=Strict cookie. Reload
    // once as a same-origin navigation; without a cookie that second visit shows the invalid page.
    if (fetchSite === "cross-site" || fetchSite === "same-site") {
      return renderPage(<ContinueToVerifyEmailPage appName={readConfig(env).appName} />);
    }
    return renderInvalidLink(request, env);
  }
  const verification = isResetTokenShape(token) ? await findEmailVerification(env, token) : null;
  if (!verification) return renderInvalidLink(request, env);
  return renderVerifyForm(request, env, verification, undefined, 200);
}

/** POST `/verify-email` (after the CSRF check). */
export async function submitVerifyEmail(request: Request, env: Env): Promise<Response> {
  const body = await readFormBody(request);
  if (!body.ok) return renderErrorPage(env, 400, "The form could not be read.");
  const token = readVerifyEmailCookie(request);
  if (!isResetTokenShape(token)) return renderInvalidLink(request, env);
  const parsed = verifyEmailRequestSchema.safeParse({ token, password: readField(body.fields, "password") });
  if (!parsed.success) {
    // The token's shape is checked above, so the password is what the schema refused.
    const verification = await findEmailVerification(env, token);
    if (!verification) return renderInvalidLink(request, env);
    return renderVerifyForm(request, env, verification, parsed.error.issues[0]?.message ?? "Enter your password.", 422);
  }

  const result = await verifyEmail(env, parsed.data);
  if (result.ok) return renderVerified(request, env, parsed.data.token);
  if (result.reason === "token_invalid") {
    const repeated = await isRepeatedConfirmation(env, parsed.data);
    return repeated ? renderVerified(request, env, parsed.data.token) : renderInvalidLink(request, env);
  }
  // The token may have just run out of tries: then the link is dead and the page says so.
  const verification = await findEmailVerification(env, parsed.data.token);
  if (!verification) return renderInvalidLink(request, env);
  return renderVerifyForm(request, env, verification, VerifyEmailCopy.wrongPassword, WRONG_PASSWORD_STATUS);
}

/** The success page; the cookie stays a few minutes more, so a repeat of the form lands here too. */
function renderVerified(request: Request, env: Env, token: string): Response {
  const config = readConfig(env);
  return renderPage(<EmailVerifiedPage appName={config.appName} signInUrl={config.signInUrl} />, {
    cookies: [serializeVerifyEmailCookie(request, token, REPEAT_CONFIRMATION_MS / 1000)],
  });
}

async function moveTokenIntoCookie(request: Request, env: Env, token: string | null): Promise<Response> {
  const verification = isResetTokenShape(token) ? await findEmailVerification(env, token) : null;
  if (!token || !verification) return renderInvalidLink(request, env);
  const headers = new Headers({ location: VERIFY_EMAIL_COOKIE_PATH });
  headers.append("set-cookie", serializeVerifyEmailCookie(request, token));
  return new Response(null, { status: 303, headers });
}

async function renderVerifyForm(
  request: Request,
  env: Env,
  verification: { email: string; maskedEmail: string },
  error: string | undefined,
  status: number,
): Promise<Response> {
  const csrf = await issueCsrfToken(request, env);
  return renderPage(
    <VerifyEmailPage
      appName={readConfig(env).appName}
      csrfToken={csrf.token}
      email={verification.email}
      maskedEmail={verification.maskedEmail}
      error={error}
    />,
    { status, cookies: [csrf.setCookie] },
  );
}

function renderInvalidLink(request: Request, env: Env): Response {
  return renderPage(<VerificationLinkInvalidPage appName={readConfig(env).appName} />, {
    status: INVALID_LINK_STATUS,
    cookies: [readVerifyEmailCookie(request) ? serializeClearedVerifyEmailCookie(request) : null],
  });
}
