/**
 * `/sign-in`: signing in on the web. It goes through the same `signIn` as the API, with its
 * limits, and answers every refusal (an unknown address, a wrong or locked password, a sign-up not
 * confirmed yet) with one page and one status. A success answers 303 to /account with the
 * session in an HttpOnly cookie (`__Host-` over https) that lives no longer than the session, and
 * keeps the device token it hands out, so failures elsewhere never lock this browser out.
 */
import { PagePath } from "../../../shared/contract.ts";
import { firstProblemOf } from "../../../shared/contract.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { emailAddressSchema } from "../../../shared/email-address.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { clock } from "../platform/clock.ts";
import { signIn } from "../sessions/sign-in.ts";
import { TRUSTED_CLIENT_TTL_MS } from "../sessions/trusted-clients.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields } from "./form-body.ts";
import { readPageCookie, setPageCookie } from "./page-cookies.ts";
import { SignInPage, type SignInPageProps } from "./pages/sign-in.tsx";
import { renderEmptyFormPage, renderPage } from "./render.ts";
import { describeWait, readSignedIn, redirectTo, takeNotice } from "./signed-in.ts";

/** GET `/sign-in`: the form, or straight on to /account for someone signed in already. */
export async function showSignInForm(request: Request, env: Env): Promise<Response> {
  if (await readSignedIn(request, env)) return redirectTo(PagePath.account);
  const { notice, clear } = takeNotice(request);
  return renderEmptyFormPage(request, env, PagePath.signIn, await issueCsrfToken(request, env), (csrfToken) => signInPage(env, csrfToken, { notice }), {
    cookies: [clear],
  });
}

/** POST `/sign-in` (after the CSRF check). */
export async function submitSignInForm(request: Request, env: Env): Promise<Response> {
  const fields = await readSubmittedFields(request);
  const typedEmail = readField(fields, "email");
  const shown = { email: typedEmail.slice(0, 254) };
  const email = emailAddressSchema.safeParse(typedEmail);
  if (!email.success) return renderSignInForm(request, env, { ...shown, emailError: firstProblemOf(email.error) }, 422);

  const result = await signIn(env, {
    email: email.data,
    password: readField(fields, "password"),
    ip: readClientIp(request),
    deviceToken: readPageCookie(request, "device"),
  });
  if (result.ok) {
    await rememberStatedLocale(env, result.session.accountId, readPageLocale(request, env));
    return redirectTo(PagePath.account, [
      setPageCookie(request, "session", result.token, (result.session.expiresAt - clock.now()) / 1000),
      setPageCookie(request, "device", result.deviceToken, TRUSTED_CLIENT_TTL_MS / 1000),
    ]);
  }
  if (result.reason === "rate_limited") {
    return renderSignInForm(request, env, { ...shown, error: describeWait(result.retryAfterSeconds) }, 429, [], result.retryAfterSeconds);
  }
  // One page and one status for an unknown address, a wrong or locked password and a sign-up not confirmed yet.
  return renderSignInForm(request, env, { ...shown, error: message("signIn.invalidCredentials") }, 401);
}

async function renderSignInForm(
  request: Request,
  env: Env,
  state: Omit<SignInPageProps, "appName" | "csrfToken">,
  status: number,
  cookies: readonly (string | null)[] = [],
  retryAfterSeconds?: number,
): Promise<Response> {
  const csrf = await issueCsrfToken(request, env);
  return renderPage(request, env, signInPage(env, csrf.token, state), {
    status,
    cookies: [csrf.setCookie, ...cookies],
    headers: retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) },
  });
}

/** The sign-in page for a CSRF token, with what the last attempt or page left (`state`). */
function signInPage(env: Env, csrfToken: string, state: Omit<SignInPageProps, "appName" | "csrfToken">) {
  return <SignInPage appName={readConfig(env).appName} csrfToken={csrfToken} {...state} />;
}

