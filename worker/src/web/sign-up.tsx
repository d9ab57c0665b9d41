/**
 * `/sign-up`: the form and its answer. A well-formed sign-up gets the same 303 to the "check your
 * email" page whether the address is new or taken (POST/redirect/GET, so going back never
 * resubmits), with the typed address in a short-lived cookie rather than the URL. The request only
 * goes onto the mail queue (`requestSignUp`); the account and the confirmation email, or the note
 * to the owner of a taken address, happen in the queue consumer. The per-network limit is shared
 * with `POST /api/v1/accounts`.
 */
import { createAccountRequestSchema, fieldErrorsFrom, PagePath } from "../../../shared/contract.ts";
import { emailAddressSchema } from "../../../shared/email-address.ts";
import { checkNewPassword, type NewPasswordWords } from "../../../shared/new-password.ts";
import { requestSignUp } from "../accounts/sign-up.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields, readTimeZoneField } from "./form-body.ts";
import { readPageCookie, setPageCookie } from "./page-cookies.ts";
import { RateLimitedPage } from "./pages/forgot-password.tsx";
import { SignUpCheckEmailPage, SignUpPage, type SignUpErrors } from "./pages/sign-up.tsx";
import { renderEmptyFormPage, renderPage } from "./render.ts";

/**
 * The check-email page only repeats the address back right after the redirect (it takes no code,
 * unlike the reset one), so the address need not stay in the browser for the link's 24 hours.
 */
const CHECK_EMAIL_COOKIE_SECONDS = 30 * 60;

const SIGN_UP_PASSWORD_WORDS: NewPasswordWords = { missingPassword: "signUp.missingPassword", missingConfirmation: "signUp.missingConfirmation" };

/** GET: the empty form. */
export async function showSignUpForm(request: Request, env: Env): Promise<Response> {
  return renderEmptyFormPage(request, env, PagePath.signUp, await issueCsrfToken(request, env), (csrfToken) => signUpPage(env, csrfToken));
}

/** POST (after the CSRF check): ask for an account. */
export async function submitSignUpForm(request: Request, env: Env): Promise<Response> {
  const config = readConfig(env);
  const fields = await readSubmittedFields(request);
  const typedEmail = readField(fields, "email");
  const password = readField(fields, "password");
  const confirmation = readField(fields, "confirm_password");
  const shown = { email: typedEmail.slice(0, 254) };

  const parsed = createAccountRequestSchema.safeParse({ email: typedEmail, password, client: "web" });
  const errors = checkSignUpForm(parsed, password, confirmation, config.passwordMinLength);
  if (!parsed.success || Object.values(errors).some(Boolean)) return renderSignUpForm(request, env, { ...shown, errors }, 422);

  const result = await requestSignUp(env, {
    email: parsed.data.email,
    password: parsed.data.password,
    client: "web",
    ip: readClientIp(request),
    language: { ...readPageLocale(request, env), timeZone: readTimeZoneField(fields) },
  });
  if (result.ok) {
    return new Response(null, {
      status: 303,
      headers: {
        location: PagePath.signUpCheckEmail,
        "set-cookie": setPageCookie(request, "signUpEmail", parsed.data.email, CHECK_EMAIL_COOKIE_SECONDS),
      },
    });
  }
  if (result.reason === "password_policy") return renderSignUpForm(request, env, { ...shown, errors: { password: result.message } }, 422);
  return renderPage(request, env, <RateLimitedPage appName={config.appName} retryAfterSeconds={result.retryAfterSeconds} sentence="rateLimited.signUps" formPath={PagePath.signUp} />,
    { status: 429, headers: { "retry-after": String(result.retryAfterSeconds) } },
  );
}

/** GET `/sign-up/check-email`: the same answer for every address. */
export function showSignUpCheckEmail(request: Request, env: Env): Response {
  const config = readConfig(env);
  return renderPage(request, env, <SignUpCheckEmailPage
      appName={config.appName}
      knownEmail={readTypedAddress(request)}
      showDevMailbox={config.environment === "development"}
    />,
  );
}

/**
 * Every field message at once: the schema's, the confirmation's, and the shared policy's (the
 * server applies it again when the sign-up is handled).
 */
function checkSignUpForm(
  parsed: ReturnType<typeof createAccountRequestSchema.safeParse>,
  password: string,
  confirmation: string,
  minLength: number,
): SignUpErrors {
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const checked = checkNewPassword(password, confirmation, { minLength, email: parsed.data?.email ?? "" }, SIGN_UP_PASSWORD_WORDS);
  // An empty or over-long password gets the schema's own sentence, as the API gives it.
  return { email: fieldErrors.email, password: fieldErrors.password ?? checked.password, confirmPassword: checked.confirmPassword };
}

/** The address this browser typed into the form, or null when the cookie is gone or spoiled. */
function readTypedAddress(request: Request): string | null {
  const parsed = emailAddressSchema.safeParse(readPageCookie(request, "signUpEmail"));
  return parsed.success ? parsed.data : null;
}

async function renderSignUpForm(
  request: Request,
  env: Env,
  state: { email?: string; errors?: SignUpErrors },
  status: number,
): Promise<Response> {
  const csrf = await issueCsrfToken(request, env);
  return renderPage(request, env, signUpPage(env, csrf.token, state), { status, cookies: [csrf.setCookie] });
}

/** The sign-up page for a CSRF token, with what the last attempt left (`state`). */
function signUpPage(env: Env, csrfToken: string, state: { email?: string; errors?: SignUpErrors } = {}) {
  const config = readConfig(env);
  return <SignUpPage appName={config.appName} csrfToken={csrfToken} minLength={config.passwordMinLength} signInUrl={config.signInUrl} {...state} />;
}
