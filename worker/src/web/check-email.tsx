/**
 * `/forgot-password/check-email`: where POST /forgot-password sends the browser (303), and
 * where a code from the email is redeemed. A right code moves the fresh reset token into the
 * HttpOnly reset cookie, never the URL, and answers 303 to the same "Choose a new password"
 * form a link opens. A wrong code answers 303 back to this page (POST/redirect/GET, see
 * code-refusals.ts), which then says so in one message that reads the same whether or not the
 * address has an account. Something that cannot be a code spends no guess and is re-shown at
 * once (422); the per-network limit is shared with the API.
 */
import { firstProblemOf, PagePath } from "../../../shared/contract.ts";
import { message, type Message } from "../../../shared/i18n/translator.ts";
import { displayEmail, EMAIL_MAX_LENGTH, emailAddressSchema } from "../../../shared/email-address.ts";
import { normalizeResetCode, RESET_CODE_EXAMPLE, RESET_CODE_GUESS_BUDGET, RESET_CODE_INPUT_MAX_LENGTH } from "../../../shared/reset-code.ts";
import { readConfig } from "../config.ts";
import { readClientIp } from "../http/client-ip.ts";
import { clock } from "../platform/clock.ts";
import { redeemResetCodeFromNetwork } from "../reset/code-redemption.ts";
import { countRefusal, forgetCodeRefusals, readCodeRefusals, rememberCodeRefusals } from "./code-refusals.ts";
import { issueCsrfToken } from "./csrf/index.ts";
import { readField, readSubmittedFields } from "./form-body.ts";
import { clearPageCookie, readPageCookie, setPageCookie } from "./page-cookies.ts";
import { CheckEmailPage, type CheckEmailPageProps } from "./pages/check-email.tsx";
import { renderPage } from "./render.ts";
import { redirectTo } from "./signed-in.ts";

type PageState = Pick<CheckEmailPageProps, "email" | "code" | "errors">;

/** GET: the "check your email" answer with the code form, and the latest refusal once after a wrong code. */
export function showCheckEmail(request: Request, env: Env): Promise<Response> {
  const refusals = readCodeRefusals(request);
  if (!refusals) return renderCheckEmail(request, env, {}, 200);
  const state: PageState = { email: displayEmail(refusals.email) };
  if (!refusals.unseen) return renderCheckEmail(request, env, state, 200);
  const seen = rememberCodeRefusals(request, { ...refusals, unseen: false }, readConfig(env).resetTokenTtlMs / 1000);
  return renderCheckEmail(request, env, { ...state, errors: { code: describeRefusedCode(refusals.count) } }, 200, {}, [seen]);
}

/** POST (after the CSRF check): redeem a code. */
export async function submitResetCode(request: Request, env: Env): Promise<Response> {
  const fields = await readSubmittedFields(request);
  const typedEmail = readField(fields, "email").slice(0, EMAIL_MAX_LENGTH);
  const typedCode = readField(fields, "code").slice(0, RESET_CODE_INPUT_MAX_LENGTH);
  const state: PageState = { email: typedEmail, code: typedCode };

  const email = emailAddressSchema.safeParse(typedEmail);
  const code = normalizeResetCode(typedCode);
  if (!email.success || !code) {
    const errors = {
      email: email.success ? undefined : firstProblemOf(email.error),
      code: code ? undefined : message("resetCode.shape", { example: RESET_CODE_EXAMPLE }),
    };
    return renderCheckEmail(request, env, { ...state, errors }, 422);
  }

  const outcome = await redeemResetCodeFromNetwork(env, { email: email.data, code, ip: readClientIp(request) });
  if (outcome.ok) {
    const maxAgeSeconds = (outcome.expiresAt - clock.now()) / 1000;
    return redirectTo(PagePath.resetPassword, [
      setPageCookie(request, "reset", outcome.token, maxAgeSeconds),
      clearPageCookie(request, "resetEmail"),
      forgetCodeRefusals(request),
    ]);
  }
  if (outcome.reason === "rate_limited") {
    const form = message("checkEmailPage.tooManyCodes", { minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) });
    return renderCheckEmail(request, env, { ...state, errors: { form } }, 429, { "retry-after": String(outcome.retryAfterSeconds) });
  }
  const refusals = countRefusal(readCodeRefusals(request), email.data);
  return redirectTo(PagePath.checkEmail, [rememberCodeRefusals(request, refusals, readConfig(env).resetTokenTtlMs / 1000)]);
}

/** What the page says after `wrongCodes` refusals in a row (the guess budget is the server's). */
export function describeRefusedCode(wrongCodes: number): Message {
  return message(wrongCodes >= RESET_CODE_GUESS_BUDGET ? "resetCode.refusedLast" : "resetCode.refused", { budget: RESET_CODE_GUESS_BUDGET });
}

/** The address this browser typed into /forgot-password, or null when the cookie is gone or spoiled. */
function readTypedAddress(request: Request): string | null {
  const parsed = emailAddressSchema.safeParse(readPageCookie(request, "resetEmail"));
  return parsed.success ? parsed.data : null;
}

async function renderCheckEmail(
  request: Request,
  env: Env,
  state: PageState,
  status: number,
  headers: Record<string, string> = {},
  cookies: readonly (string | null)[] = [],
): Promise<Response> {
  const config = readConfig(env);
  const { token, setCookie } = await issueCsrfToken(request, env);
  return renderPage(request, env, <CheckEmailPage
      appName={config.appName}
      csrfToken={token}
      ttlMinutes={Math.round(config.resetTokenTtlMs / 60_000)}
      knownEmail={readTypedAddress(request)}
      showDevMailbox={config.environment === "development"}
      {...state}
    />,
    { status, headers, cookies: [setCookie, ...cookies] },
  );
}
