/**
 * Which language a request is answered in. The API reads `Accept-Language`; a page first honours
 * an explicit choice (`?lang=xx`, then the cookie that choice set), then `Accept-Language`. Either
 * falls back to DEFAULT_LOCALE. `stated` says whether the request named a language at all: only
 * then does it become the account's language for later emails (accounts/account-locale.ts), so a
 * confirm sent by a script without the header keeps the language the person used before.
 *
 * @example
 * const { locale } = readPageLocale(request, env); // "de" for ?lang=de, or Accept-Language: de-AT
 */
import { findBestLocale, readAcceptLanguage } from "../../../shared/i18n/language-match.ts";
import { findLocale, type Locale } from "../../../shared/i18n/locales.ts";
import { readConfig } from "../config.ts";
import { readRequestUrl } from "../http/request-url.ts";
import { readPageCookie } from "../web/page-cookies.ts";

export interface RequestLocale {
  locale: Locale;
  /** True when the request named a language (query, cookie or header) that chose `locale`. */
  stated: boolean;
}

/** The query parameter of an explicit choice of language on a page. */
export const LANGUAGE_PARAMETER = "lang";

const apiLocales = new WeakMap<Request, RequestLocale>();
const pageLocales = new WeakMap<Request, RequestLocale>();

/** The language of an API answer: the best match for `Accept-Language`. */
export function readApiLocale(request: Request, env: Env): RequestLocale {
  let found = apiLocales.get(request);
  if (!found) {
    found = fromAcceptLanguage(request, env);
    apiLocales.set(request, found);
  }
  return found;
}

/** The language of a page: `?lang=`, the language cookie, `Accept-Language`, DEFAULT_LOCALE. */
export function readPageLocale(request: Request, env: Env): RequestLocale {
  let found = pageLocales.get(request);
  if (!found) {
    const chosen = readChosenLocale(request);
    found = chosen ? { locale: chosen, stated: true } : fromAcceptLanguage(request, env);
    pageLocales.set(request, found);
  }
  return found;
}

/** The language `?lang=` names on this request, if it names one of ours. */
export function readLanguageParameter(request: Request): Locale | undefined {
  // Most requests have no query at all; they need no URL parsing to know that.
  if (!request.url.includes(`${LANGUAGE_PARAMETER}=`)) return undefined;
  const value = readRequestUrl(request).searchParams.get(LANGUAGE_PARAMETER);
  return value ? findLocale(value) : undefined;
}

function readChosenLocale(request: Request): Locale | undefined {
  const cookie = request.headers.has("cookie") ? readPageCookie(request, "language") : null;
  return readLanguageParameter(request) ?? (cookie ? findLocale(cookie) : undefined);
}

/** Browsers send a handful of distinct headers; each is matched once, up to a bound. */
const MATCHED_HEADERS_LIMIT = 500;
const matchedHeaders = new Map<string, Locale | undefined>();

function matchAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  if (matchedHeaders.has(header)) return matchedHeaders.get(header);
  const best = findBestLocale(readAcceptLanguage(header));
  if (matchedHeaders.size >= MATCHED_HEADERS_LIMIT) matchedHeaders.clear();
  matchedHeaders.set(header, best);
  return best;
}

function fromAcceptLanguage(request: Request, env: Env): RequestLocale {
  const best = matchAcceptLanguage(request.headers.get("accept-language"));
  // A header that names only languages we lack ("pt-BR") states nothing we can use.
  return best ? { locale: best, stated: true } : { locale: readConfig(env).defaultLocale, stated: false };
}
