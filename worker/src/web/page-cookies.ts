/**
 * Every cookie the edge pages set, in one table, parsed and written with the `cookie` package.
 *
 * Over https each name carries the `__Host-` prefix, which browsers accept only with `Secure`,
 * `Path=/` and no `Domain`: a sibling subdomain can then neither set nor overwrite it, so nobody
 * can toss a cookie of their own (an attacker's reset token, say) into a visitor's browser. Plain
 * http on loopback (`npm start`, `wrangler dev`) cannot be Secure, so there the names stay bare.
 * Every cookie is HttpOnly (no page script reads one) and lives on `/`, as the prefix requires.
 *
 * @example
 * const token = readPageCookie(request, "reset");
 * headers.append("set-cookie", setPageCookie(request, "reset", token, 1800));
 * headers.append("set-cookie", clearPageCookie(request, "reset"));
 */
import { parseCookie, stringifySetCookie } from "cookie";
import { isLoopbackHost } from "../http/loopback-host.ts";
import { readRequestUrl } from "../http/request-url.ts";

export interface PageCookie {
  /** The name over plain http on loopback; https adds `__Host-`. */
  name: string;
  /** Strict for anything a link from elsewhere must not bring along. */
  sameSite: "strict" | "lax";
}

export const PAGE_COOKIES = {
  /** The signed double-submit token of every form (csrf/index.ts). */
  csrf: { name: "resetkit_csrf", sameSite: "strict" },
  /** A reset token, between opening the link (or redeeming a code) and sending the new password. */
  reset: { name: "resetkit_reset", sameSite: "strict" },
  /** The receipt of a reset this browser finished moments ago (reset/finished-reset.ts). */
  resetDone: { name: "resetkit_reset_done", sameSite: "strict" },
  /** A confirmation token, between opening the link and sending the sign-up password. */
  verifyEmail: { name: "resetkit_verify_email", sameSite: "strict" },
  /** The receipt of a confirmation this browser finished moments ago. */
  verifyDone: { name: "resetkit_verify_done", sameSite: "strict" },
  /** The address typed into /forgot-password, for its "check your email" page and code form. */
  resetEmail: { name: "resetkit_check_email", sameSite: "strict" },
  /** The codes the code form saw refused, for the page its 303 leads to (code-refusals.ts). */
  codeRefusals: { name: "resetkit_code_refusals", sameSite: "strict" },
  /** The address typed into /sign-up, for its "check your email" page. */
  signUpEmail: { name: "resetkit_sign_up_email", sameSite: "strict" },
  /**
   * The session token of a web sign-in: the same sessions as the API's Bearer tokens. Lax, so a
   * link to /account from elsewhere still finds it; every form that acts is CSRF-checked anyway.
   */
  session: { name: "resetkit_session", sameSite: "lax" },
  /** The device token a successful sign-in hands out (sessions/trusted-clients.ts). */
  device: { name: "resetkit_device", sameSite: "lax" },
  /** One sentence for the next page after a redirect ("You have signed out."), read once. */
  notice: { name: "resetkit_notice", sameSite: "strict" },
  /** The language chosen with `?lang=` (i18n/request-locale.ts); Lax, so it holds on a link from an email. */
  language: { name: "resetkit_lang", sameSite: "lax" },
} as const satisfies Record<string, PageCookie>;

export type PageCookieKind = keyof typeof PAGE_COOKIES;

const SECURE_PREFIX = "__Host-";
const parsedCookies = new WeakMap<Request, Record<string, string | undefined>>();

/** True unless the request is plain http to a loopback host. */
export function usesSecureCookies(request: Request): boolean {
  const url = readRequestUrl(request);
  return !(url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** The name a cookie goes by on this request: `__Host-` + its name over https. */
export function cookieNameFor(request: Request, name: string): string {
  return usesSecureCookies(request) ? `${SECURE_PREFIX}${name}` : name;
}

/** The value of a cookie by its bare name, or null; the header is parsed once per request. */
export function readCookie(request: Request, name: string): string | null {
  let cookies = parsedCookies.get(request);
  if (!cookies) {
    cookies = parseCookie(request.headers.get("cookie") ?? "");
    parsedCookies.set(request, cookies);
  }
  return cookies[cookieNameFor(request, name)] || null;
}

/** A Set-Cookie value for a cookie by its bare name; without `maxAgeSeconds` it ends with the browser session. */
export function serializeCookie(
  request: Request,
  name: string,
  value: string,
  options: { sameSite: PageCookie["sameSite"]; maxAgeSeconds?: number },
): string {
  return stringifySetCookie({
    name: cookieNameFor(request, name),
    value,
    path: "/",
    httpOnly: true,
    sameSite: options.sameSite,
    secure: usesSecureCookies(request),
    ...(options.maxAgeSeconds === undefined ? {} : { maxAge: Math.max(0, Math.floor(options.maxAgeSeconds)) }),
  });
}

/** The value of one of the pages' cookies, or null when the request does not carry it. */
export function readPageCookie(request: Request, kind: PageCookieKind): string | null {
  return readCookie(request, PAGE_COOKIES[kind].name);
}

/** Sets one of the pages' cookies. */
export function setPageCookie(request: Request, kind: PageCookieKind, value: string, maxAgeSeconds?: number): string {
  const cookie: PageCookie = PAGE_COOKIES[kind];
  return serializeCookie(request, cookie.name, value, { sameSite: cookie.sameSite, maxAgeSeconds });
}

/** Deletes one of the pages' cookies at once. */
export function clearPageCookie(request: Request, kind: PageCookieKind): string {
  return setPageCookie(request, kind, "", 0);
}
