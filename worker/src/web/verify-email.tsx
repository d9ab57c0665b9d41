/**
 * `/verify-email`: opening the confirmation link and confirming with the sign-up password.
 *
 * Opening `?token=T` only looks T up, never uses it, because mail scanners prefetch links with
 * GET and HEAD: only the button's POST confirms. A live token moves into the verify cookie and the
 * browser is sent with 303 to the bare `/verify-email`, so the token leaves the address bar,
 * history and any Referer (as the reset link does). The form then reads the token from the cookie
 * only.
 *
 * The POST needs the password chosen at sign-up as well as the token (`verifyEmail`), and counts
 * against the sign-in limits. A wrong one re-renders the form with 400, like a refused reset
 * code; after a few the server lets the token die, and the next answer is the "link invalid"
 * page. A link that no longer works shows the success page to the browser that just confirmed
 * with it (its receipt, in the done cookie), and to everyone else says whether the address is
 * already confirmed or the link is invalid; no password is checked for that.
 */
import { PagePath, verifyEmailRequestSchema } from "../../../shared/contract.ts";
import { message, type Message } from "../../../shared/i18n/translator.ts";
import { isTokenShape } from "../../../shared/token-shape.ts";
import {
  explainDeadVerificationLink,
  findEmailVerification,
  FINISHED_VERIFICATION_WINDOW_MS,
  issueFinishedVerificationReceipt,
  recognizeFinishedVerification,
  verifyEmail,
} from "../accounts/email-verification.ts";
import { VERIFICATION_TOKEN_TTL_MS } from "../accounts/verification-tokens.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields } from "./form-body.ts";
import { clearPageCookie, readPageCookie, setPageCookie } from "./page-cookies.ts";
import { RateLimitedPage } from "./pages/forgot-password.tsx";
import {
  AlreadyVerifiedPage,
  ContinueToVerifyEmailPage,
  EmailVerifiedPage,
  VerificationLinkInvalidPage,
  VerifyEmailPage,
} from "./pages/verify-email.tsx";
import { renderPage } from "./render.ts";
import { INVALID_LINK_STATUS } from "./reset-password.tsx";

/** The status of a wrong password: the form is fine, what was typed is refused (as for a wrong reset code). */
export const WRONG_PASSWORD_STATUS = 400;

/** GET/HEAD `/verify-email?token=T` and `/verify-email`. Changes nothing. */
export async function openVerifyEmail(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.has("token")) return moveTokenIntoCookie(request, env, url.searchParams.get("token"));

  const token = readPageCookie(request, "verifyEmail");
  const verification = isTokenShape(token) ? await findEmailVerification(env, token) : null;
  if (verification) return renderVerifyForm(request, env, verification, undefined, 200);
  if (!token) {
    const fetchSite = request.headers.get("sec-fetch-site");
    // A link followed from a mail site: the browser withheld our SameSite=Strict cookie. Reload
    // once as a same-origin navigation; without a cookie that second visit shows the invalid page.
    if ((fetchSite === "cross-site" || fetchSite === "same-site") && !(await recognizeFinishedVerification(env, readPageCookie(request, "verifyDone")))) {
      return renderPage(request, env, <ContinueToVerifyEmailPage appName={readConfig(env).appName} />);
    }
  }
  return renderDeadLink(request, env, token, true);
}

/** POST `/verify-email` (after the CSRF check). */
export async function submitVerifyEmail(request: Request, env: Env): Promise<Response> {
  const fields = await readSubmittedFields(request);
  const token = readPageCookie(request, "verifyEmail");
  const verification = isTokenShape(token) ? await findEmailVerification(env, token) : null;
  if (!token || !verification) return renderDeadLink(request, env, token, true);
  const parsed = verifyEmailRequestSchema.safeParse({ token, password: readField(fields, "password") });
  // The token's shape is checked above, so the password is what the schema refused.
  if (!parsed.success) return renderVerifyForm(request, env, verification, message("verifyEmail.missingPassword"), 422);

  const result = await verifyEmail(env, parsed.data, { ip: readClientIp(request), deviceToken: null });
  if (result.ok) {
    await rememberStatedLocale(env, result.account.id, readPageLocale(request, env));
    return renderVerified(request, env);
  }
  if (result.reason === "rate_limited") {
    return renderPage(request, env, <RateLimitedPage appName={readConfig(env).appName} retryAfterSeconds={result.retryAfterSeconds} sentence="rateLimited.passwordAttempts" formPath={PagePath.verifyEmail} />,
      { status: 429, headers: { "retry-after": String(result.retryAfterSeconds) } },
    );
  }
  if (result.reason === "token_invalid") return renderDeadLink(request, env, token, true);
  // The token may have just run out of tries: then the link is dead and the page says so.
  const stillLive = await findEmailVerification(env, token);
  if (!stillLive) return renderDeadLink(request, env, token, true);
  return renderVerifyForm(request, env, stillLive, message("verifyEmail.wrongPassword"), WRONG_PASSWORD_STATUS);
}

/** The success page; the done cookie lets a repeat of the form land here too. */
async function renderVerified(request: Request, env: Env): Promise<Response> {
  const config = readConfig(env);
  const receipt = await issueFinishedVerificationReceipt(env);
  return renderPage(request, env, <EmailVerifiedPage appName={config.appName} signInUrl={config.signInUrl} />, {
    cookies: [clearPageCookie(request, "verifyEmail"), setPageCookie(request, "verifyDone", receipt, FINISHED_VERIFICATION_WINDOW_MS / 1000)],
  });
}

async function moveTokenIntoCookie(request: Request, env: Env, token: string | null): Promise<Response> {
  const verification = isTokenShape(token) ? await findEmailVerification(env, token) : null;
  // A link opened afresh, from the email, is never a repeat: a used one says the address is confirmed.
  if (!token || !verification) return renderDeadLink(request, env, token, false);
  const headers = new Headers({ location: PagePath.verifyEmail });
  // The cookie need not outlive the link; the server checks expiry anyway.
  headers.append("set-cookie", setPageCookie(request, "verifyEmail", token, VERIFICATION_TOKEN_TTL_MS / 1000));
  return new Response(null, { status: 303, headers });
}

async function renderVerifyForm(
  request: Request,
  env: Env,
  verification: { email: string; maskedEmail: string },
  error: Message | undefined,
  status: number,
): Promise<Response> {
  const csrf = await issueCsrfToken(request, env);
  return renderPage(request, env, <VerifyEmailPage
      appName={readConfig(env).appName}
      csrfToken={csrf.token}
      email={verification.email}
      maskedEmail={verification.maskedEmail}
      error={error}
    />,
    { status, cookies: [csrf.setCookie] },
  );
}

/**
 * A link that does not open the form: for a `repeat` (a re-post, or a view of the bare page) by
 * the browser that just confirmed with it, the success page; else "already confirmed" or
 * "invalid or expired", and the verify cookie goes.
 */
async function renderDeadLink(request: Request, env: Env, token: string | null, repeat: boolean): Promise<Response> {
  const config = readConfig(env);
  if (repeat && (await recognizeFinishedVerification(env, readPageCookie(request, "verifyDone")))) {
    return renderPage(request, env, <EmailVerifiedPage appName={config.appName} signInUrl={config.signInUrl} />, {
      cookies: [readPageCookie(request, "verifyEmail") ? clearPageCookie(request, "verifyEmail") : null],
    });
  }
  const used = (await explainDeadVerificationLink(env, token)) === "used";
  const page = used ? (
    <AlreadyVerifiedPage appName={config.appName} signInUrl={config.signInUrl} />
  ) : (
    <VerificationLinkInvalidPage appName={config.appName} />
  );
  return renderPage(request, env, page, {
    status: INVALID_LINK_STATUS,
    cookies: [
      readPageCookie(request, "verifyEmail") ? clearPageCookie(request, "verifyEmail") : null,
      readPageCookie(request, "verifyDone") ? clearPageCookie(request, "verifyDone") : null,
    ],
  });
}
