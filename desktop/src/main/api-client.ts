/**
 * The main process's client for the Worker's JSON API (`/api/v1`). The renderer has no network
 * of its own, so every call the app makes goes through here. Each method resolves to an
 * `ApiResult` and never throws: network failures, timeouts and problem+json answers all come
 * back as readable failures, in the app's language. Every call says that language in
 * `Accept-Language`, so the Worker's own sentences come back in it too, and the Worker writes
 * later emails in it.
 *
 * @example
 * const client = createApiClient({ baseUrl: "http://127.0.0.1:8787", locale: () => language.current() });
 * const result = await client.verifyToken({ token });
 * if (result.ok) show(result.value.email);
 */
import {
  ApiPath,
  type AccountResponse,
  type ChangePasswordRequest,
  type ConfirmResetRequest,
  type CreateAccountRequest,
  type PasswordResetAcceptedResponse,
  type PasswordResetRequest,
  type RedeemResetCodeRequest,
  type RedeemResetCodeResponse,
  type SessionResponse,
  type SignInRequest,
  type SignUpAcceptedResponse,
  type VerifyEmailRequest,
  type VerifyResetRequest,
  type VerifyResetResponse,
} from "../../../shared/contract.ts";
import { DEFAULT_LOCALE, type Locale } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import type { ApiResult } from "../ipc/api-result.ts";
import {
  CHANGE_PASSWORD_SENTENCES,
  describeErrorResponse,
  describeNetworkFailure,
  VERIFY_EMAIL_SENTENCES,
  type ProblemSentences,
} from "./problem-messages.ts";

export interface ApiClientOptions {
  baseUrl: string;
  /** Injected so tests and the E2E bridge can pass their own; defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The app's language at the moment of each call; English when not given. */
  locale?: () => Locale;
}

export const DEFAULT_API_TIMEOUT_MS = 15_000;

export type ApiClient = ReturnType<typeof createApiClient>;

/** Builds a client bound to one Worker base URL. */
export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  const readLocale = options.locale ?? (() => DEFAULT_LOCALE);

  async function send<T>(
    method: string,
    path: string,
    init: { body?: unknown; bearer?: string; sentences?: ProblemSentences },
  ): Promise<ApiResult<T>> {
    // One locale for the whole call: the header and the sentences about its answer agree.
    const locale = readLocale();
    const words = translatorFor(locale);
    const headers: Record<string, string> = { accept: "application/json, application/problem+json", "accept-language": locale };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
    } catch (error) {
      return { ok: false, error: describeNetworkFailure(words, baseUrl, isTimeout(error)) };
    }
    const body = await readJson(response);
    if (!response.ok) {
      return { ok: false, error: describeErrorResponse(words, response.status, body, readRetryAfter(response), init.sentences) };
    }
    if (response.status !== 204 && body === undefined) {
      return { ok: false, error: describeErrorResponse(words, response.status, undefined) };
    }
    return { ok: true, value: (body ?? null) as T };
  }

  return {
    baseUrl,
    /** POST /password-resets: always "accepted" for a well-formed address. */
    requestReset(request: PasswordResetRequest) {
      return send<PasswordResetAcceptedResponse>("POST", ApiPath.passwordResets, { body: request });
    },
    /** POST /password-resets/verify: the masked email for a live token. */
    verifyToken(request: VerifyResetRequest) {
      return send<VerifyResetResponse>("POST", ApiPath.verifyReset, { body: request });
    },
    /** POST /password-resets/confirm: sets the new password and spends the token. */
    confirmReset(request: ConfirmResetRequest) {
      return send<null>("POST", ApiPath.confirmReset, { body: request });
    },
    /** POST /password-resets/redeem-code: trades the emailed code for a fresh reset token. */
    redeemResetCode(request: RedeemResetCodeRequest) {
      return send<RedeemResetCodeResponse>("POST", ApiPath.redeemResetCode, { body: request });
    },
    /** POST /accounts: signs up; "accepted" whether or not the address already has an account. */
    createAccount(request: CreateAccountRequest) {
      return send<SignUpAcceptedResponse>("POST", ApiPath.accounts, { body: request });
    },
    /** POST /accounts/verify: confirms the address with the emailed token and the sign-up password. */
    verifyEmail(request: VerifyEmailRequest) {
      return send<AccountResponse>("POST", ApiPath.verifyEmail, { body: request, sentences: VERIFY_EMAIL_SENTENCES });
    },
    /** POST /sessions: signs in and returns the session token. */
    createSession(request: SignInRequest) {
      return send<SessionResponse>("POST", ApiPath.sessions, { body: request });
    },
    /** DELETE /sessions/current: ends the session the token belongs to. */
    deleteSession(sessionToken: string) {
      return send<null>("DELETE", ApiPath.currentSession, { bearer: sessionToken });
    },
    /** DELETE /sessions: ends every session of the account, this one included. */
    deleteAllSessions(sessionToken: string) {
      return send<null>("DELETE", ApiPath.sessions, { bearer: sessionToken });
    },
    /** POST /me/password: changes the password; this session stays, every other ends. */
    changePassword(sessionToken: string, request: ChangePasswordRequest) {
      return send<null>("POST", ApiPath.mePassword, { body: request, bearer: sessionToken, sentences: CHANGE_PASSWORD_SENTENCES });
    },
    /** GET /me: the account behind a session token. */
    readAccount(sessionToken: string) {
      return send<AccountResponse>("GET", ApiPath.me, { bearer: sessionToken });
    },
  };
}

/** Reads a JSON body, or undefined when there is none or it is not JSON. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as seconds, from either of its two forms (delta-seconds or an HTTP date). */
function readRetryAfter(response: Response): number | undefined {
  const header = response.headers.get("retry-after")?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
}
