/**
 * The session JSON API: sign in, who am I, change my password, sign out here or everywhere. This
 * is the edge: it turns the typed results of sign-in, the password change and session validation
 * into status codes. Every response that carries a token or account data is `Cache-Control: no-store`.
 *
 * @example
 * registerSessionRoutes(router); // in worker/src/router.ts
 */
import {
  ApiPath,
  changePasswordRequestSchema,
  signInRequestSchema,
  type AccountResponse,
  type SessionResponse,
} from "../../../shared/contract.ts";
import { changePassword } from "../accounts/change-password.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { readApiLocale } from "../i18n/request-locale.ts";
import { readBearerToken } from "../http/bearer.ts";
import { readClientIp } from "../http/client-ip.ts";
import { readJsonBody } from "../http/json-body.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import type { AppRouter } from "../http/app-router.ts";
import { invalidateAccountSessions, invalidateSession, validateSessionToken } from "./session.ts";
import { signIn } from "./sign-in.ts";

const NO_STORE = { "cache-control": "no-store" } as const;
const CURRENT_PASSWORD_WRONG = message("account.currentPasswordWrong");

/** Adds the sign-in, me and sign-out endpoints to the router. */
export function registerSessionRoutes(router: AppRouter): void {
  router.post(ApiPath.sessions, async function handleSignIn(request, env) {
    const { email, password, deviceToken } = await readJsonBody(request, signInRequestSchema);
    const result = await signIn(env, { email, password, ip: readClientIp(request), deviceToken });
    if (result.ok) {
      await rememberStatedLocale(env, result.session.accountId, readApiLocale(request, env));
      const body: SessionResponse = {
        token: result.token,
        expiresAt: new Date(result.session.expiresAt).toISOString(),
        deviceToken: result.deviceToken,
      };
      return Response.json(body, { headers: NO_STORE });
    }
    if (result.reason === "rate_limited") {
      throw new ProblemError(429, ErrorCode.rateLimited, message("problem.tooManySignIns"), {
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
    throw new ProblemError(401, ErrorCode.invalidCredentials, message("signIn.invalidCredentials"));
  });
  // Sign out everywhere: every session of the account, this one included.
  router.delete(ApiPath.sessions, async function handleSignOutEverywhere(request, env) {
    const current = await readCurrentSession(request, env);
    await invalidateAccountSessions(env, current.account.id);
    return new Response(null, { status: 204, headers: NO_STORE });
  });
  router.all(ApiPath.sessions, rejectOtherMethods(["POST", "DELETE"]));

  router.get(ApiPath.me, async function handleMe(request, env) {
    const current = await readCurrentSession(request, env);
    const body: AccountResponse = { id: current.account.id, email: current.account.email };
    return Response.json(body, { headers: NO_STORE });
  });
  router.all(ApiPath.me, rejectOtherMethods(["GET"]));

  router.post(ApiPath.mePassword, async function handleChangePassword(request, env, ctx) {
    const current = await readCurrentSession(request, env);
    const body = await readJsonBody(request, changePasswordRequestSchema);
    const result = await changePassword(env, ctx, { ...current, ...body }, { ip: readClientIp(request), deviceToken: null });
    if (result.ok) {
      await rememberStatedLocale(env, current.account.id, readApiLocale(request, env));
      return new Response(null, { status: 204, headers: NO_STORE });
    }
    if (result.reason === "rate_limited") {
      throw new ProblemError(429, ErrorCode.rateLimited, message("problem.tooManyPasswordAttempts"), {
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
    if (result.reason === "password_policy") {
      throw new ProblemError(400, ErrorCode.passwordPolicy, result.message, { errors: { newPassword: result.message } });
    }
    throw new ProblemError(401, ErrorCode.invalidCredentials, CURRENT_PASSWORD_WRONG, { errors: { currentPassword: CURRENT_PASSWORD_WRONG } });
  });
  router.all(ApiPath.mePassword, rejectOtherMethods(["POST"]));

  router.delete(ApiPath.currentSession, async function handleSignOut(request, env) {
    const current = await readCurrentSession(request, env);
    await invalidateSession(env, current.session.tokenHash);
    return new Response(null, { status: 204, headers: NO_STORE });
  });
  router.all(ApiPath.currentSession, rejectOtherMethods(["DELETE"]));
}

/** The session named by the Bearer header, or a 401 problem. */
async function readCurrentSession(request: Request, env: Env) {
  const token = readBearerToken(request);
  const current = token ? await validateSessionToken(env, token) : null;
  if (!current) {
    throw new ProblemError(401, ErrorCode.unauthorized, message("problem.unauthorized"), {
      headers: { "www-authenticate": 'Bearer realm="ResetKit"' },
    });
  }
  return current;
}
