/**
 * CSRF protection for every form POST of the edge pages. Two independent checks, both required:
 *
 * 1. The request must come from our own origin: `Sec-Fetch-Site: same-origin`, or an `Origin`
 *    header naming this origin or PUBLIC_BASE_URL. Our pages send `Referrer-Policy:
 *    no-referrer`, under which browsers send `Origin: null` on same-origin form posts, so the
 *    Fetch Metadata header is the signal that normally decides; a request with neither signal
 *    is refused.
 * 2. A signed double-submit token: the form's `csrf_token` field must equal the HttpOnly,
 *    SameSite=Strict CSRF cookie, and the cookie must carry a valid HMAC under a key derived from
 *    the `HMAC_KEY` secret (crypto/keyed-hash.ts), so a cookie planted by a sibling subdomain is
 *    useless, and a copy of D1 holds nothing to forge one with.
 *    Both comparisons go through `constantTimeEqual`.
 *
 * Every kind of bad request, an unreadable body included, ends in `onRejected` (403): the
 * protected handler never runs. A missing key is not a forged form: it propagates, so the visitor
 * sees 503 "temporarily unavailable", not "form expired".
 *
 * @example
 * const protectForm = csrf();
 * router.post("/forgot-password", webRoute(protectForm, handleForgotPasswordSubmit));
 * // and in the GET handler that renders the form:
 * const { token, setCookie } = await issueCsrfToken(request, env);
 */
import { readConfig } from "../../config.ts";
import { constantTimeEqual } from "../../crypto/constant-time.ts";
import { encodeBase64Url } from "../../crypto/encoding.ts";
import { computeKeyedHash } from "../../crypto/keyed-hash.ts";
import { random } from "../../platform/random.ts";
import { PAGE_COOKIES, readCookie, serializeCookie } from "../page-cookies.ts";
import { readFormBody } from "../form-body.ts";

export interface CsrfOptions {
  /** The form field that carries the token. */
  fieldName: string;
  /** The cookie's name; over https it carries the `__Host-` prefix, which pins it to this host (page-cookies.ts). */
  cookieName: string;
  /** `Sec-Fetch-Site` values that count as our own origin. */
  allowedFetchSites: readonly string[];
  /** Origins whose `Origin` header is accepted. */
  readAllowedOrigins: (request: Request, env: Env) => readonly string[];
  /** The response for a refused request. */
  onRejected: (request: Request, env: Env) => Response | Promise<Response>;
}

export const DEFAULT_OPTIONS: CsrfOptions = {
  fieldName: "csrf_token",
  cookieName: PAGE_COOKIES.csrf.name,
  allowedFetchSites: ["same-origin"],
  readAllowedOrigins: (request, env) => [new URL(request.url).origin, new URL(readConfig(env).publicBaseUrl).origin],
  onRejected: () => new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } }),
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const NONCE_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;

/** Builds the CSRF middleware. It returns nothing to let the request through, or the 403 response. */
export function csrf(options: Partial<CsrfOptions> = {}) {
  const settings: CsrfOptions = { ...DEFAULT_OPTIONS, ...options };

  return async function csrfProtection(request: Request, env: Env): Promise<Response | undefined> {
    if (SAFE_METHODS.has(request.method)) return undefined;
    if (!isSameOriginRequest(request, env, settings)) return settings.onRejected(request, env);
    const body = await readFormBody(request);
    if (!body.ok) return settings.onRejected(request, env);
    const submitted = body.fields.get(settings.fieldName) ?? "";
    const cookie = readCookie(request, settings.cookieName) ?? "";
    // Check the pair first: it is cheap and needs no key.
    if (!submitted || !cookie || !constantTimeEqual(submitted, cookie)) return settings.onRejected(request, env);
    if (!(await isSignedToken(env, cookie))) return settings.onRejected(request, env);
    return undefined;
  };
}

/**
 * Returns the token to put in a form. A valid existing cookie is reused, so several open tabs
 * keep working; otherwise a new token is minted and `setCookie` must go on the response.
 */
export async function issueCsrfToken(
  request: Request,
  env: Env,
  options: Partial<CsrfOptions> = {},
): Promise<{ token: string; setCookie: string | null }> {
  const settings: CsrfOptions = { ...DEFAULT_OPTIONS, ...options };
  const existing = readCookie(request, settings.cookieName);
  if (existing && (await isSignedToken(env, existing))) return { token: existing, setCookie: null };
  const nonce = encodeBase64Url(random.bytes(NONCE_BYTES));
  const token = `${nonce}.${await signNonce(env, nonce)}`;
  return { token, setCookie: serializeCookie(request, settings.cookieName, token, { sameSite: PAGE_COOKIES.csrf.sameSite }) };
}

function isSameOriginRequest(request: Request, env: Env, settings: CsrfOptions): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const hasOrigin = origin !== null && origin !== "null";
  if (fetchSite !== null && !settings.allowedFetchSites.includes(fetchSite)) return false;
  if (hasOrigin && !settings.readAllowedOrigins(request, env).includes(origin)) return false;
  // Fail closed: at least one of the two headers must positively say "same origin".
  return fetchSite !== null || hasOrigin;
}

async function isSignedToken(env: Env, token: string): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  const [nonce = "", signature = ""] = token.split(".");
  return constantTimeEqual(signature, await signNonce(env, nonce));
}

function signNonce(env: Env, nonce: string): Promise<string> {
  return computeKeyedHash(env, "csrf", nonce);
}
