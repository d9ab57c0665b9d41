/**
 * `/forgot-password`: the email form and its answer. Every well-formed address gets the same
 * 303 to the "check your email" page (POST/redirect/GET, so going back never resubmits), with
 * the typed address in a short-lived cookie rather than the URL; the request only goes onto the
 * mail queue, where the lookup and the email happen (`requestPasswordReset`), and the per-IP
 * limit is shared with the JSON API.
 */
import { firstProblemOf, PagePath } from "../../../shared/contract.ts";
import { emailAddressSchema } from "../../../shared/email-address.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { requestPasswordReset } from "../reset/password-reset.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { readField, readSubmittedFields, readTimeZoneField } from "./form-body.ts";
import { forgetCodeRefusals } from "./code-refusals.ts";
import { setPageCookie } from "./page-cookies.ts";
import { ForgotPasswordPage, RateLimitedPage } from "./pages/forgot-password.tsx";
import { renderEmptyFormPage, renderPage } from "./render.ts";
import { redirectTo } from "./signed-in.ts";

/** GET: the empty form. */
export async function showForgotPasswordForm(request: Request, env: Env): Promise<Response> {
  const appName = readConfig(env).appName;
  return renderEmptyFormPage(request, env, PagePath.forgotPassword, await issueCsrfToken(request, env), (csrfToken) => <ForgotPasswordPage appName={appName} csrfToken={csrfToken} />);
}

/** POST (after the CSRF check): ask for a reset link. */
export async function submitForgotPasswordForm(request: Request, env: Env): Promise<Response> {
  const config = readConfig(env);
  const fields = await readSubmittedFields(request);
  const typed = readField(fields, "email");
  const parsed = emailAddressSchema.safeParse(typed);
  if (!parsed.success) {
    const { token, setCookie } = await issueCsrfToken(request, env);
    const error = firstProblemOf(parsed.error);
    return renderPage(request, env, <ForgotPasswordPage appName={config.appName} csrfToken={token} email={typed.slice(0, 254)} error={error} />, {
      status: 422,
      cookies: [setCookie],
    });
  }
  const result = await requestPasswordReset(env, {
    email: parsed.data,
    client: "web",
    ip: readClientIp(request),
    language: { ...readPageLocale(request, env), timeZone: readTimeZoneField(fields) },
  });
  if (!result.accepted) {
    return renderPage(request, env, <RateLimitedPage appName={config.appName} retryAfterSeconds={result.retryAfterSeconds} />, {
      status: 429,
      headers: { "retry-after": String(result.retryAfterSeconds) },
    });
  }
  // The cookie lasts as long as a link: the page it leads to also takes the emailed code. The new
  // email brings a new code, so the refusals counted for the old one are forgotten.
  return redirectTo(PagePath.checkEmail, [setPageCookie(request, "resetEmail", parsed.data, config.resetTokenTtlMs / 1000), forgetCodeRefusals(request)]);
}
