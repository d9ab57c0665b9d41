/**
 * The desktop deep links, built by the Worker and parsed by the app from one table, so the two
 * cannot drift: `${scheme}://reset-password?token=T` (in the reset email and on the reset
 * page), `${scheme}://verify-email?token=T` (in the verification email of an account created in
 * the app) and `${scheme}://sign-in` (on the "password changed" page). The parser is strict: an
 * unknown host, a path, missing or extra query parameters, a fragment, credentials or a
 * malformed token make the link invalid, and invalid links are dropped without a trace.
 *
 * @example
 * buildResetDeepLink("resetkit", token) // "resetkit://reset-password?token=…"
 * parseDeepLink("resetkit://reset-password?token=…", "resetkit") // { kind: "reset-password", token }
 * parseDeepLink("resetkit://sign-in", "resetkit") // { kind: "sign-in" }
 */
import { isTokenShape } from "./token-shape.ts";

/** The app's URL scheme: the installers register it, the app and the Worker default to it. */
export const DEFAULT_DEEP_LINK_SCHEME = "resetkit";
export const RESET_DEEP_LINK_HOST = "reset-password";
export const SIGN_IN_DEEP_LINK_HOST = "sign-in";
export const VERIFY_EMAIL_DEEP_LINK_HOST = "verify-email";
const MAX_DEEP_LINK_LENGTH = 512;

export interface ResetDeepLink {
  kind: typeof RESET_DEEP_LINK_HOST;
  token: string;
}
export interface SignInDeepLink {
  kind: typeof SIGN_IN_DEEP_LINK_HOST;
}
export interface VerifyEmailDeepLink {
  kind: typeof VERIFY_EMAIL_DEEP_LINK_HOST;
  token: string;
}
export type DeepLink = ResetDeepLink | SignInDeepLink | VerifyEmailDeepLink;

/** How one kind of link is spelled: the host is its kind; at most one query parameter. */
interface DeepLinkRoute<L extends DeepLink> {
  /** The one query parameter the link carries, or null when it carries none. */
  param: string | null;
  /** The parameter's value for `link` (unused when `param` is null). */
  write(link: L): string;
  /** The link for a parameter value, or null when the value is malformed. */
  read(value: string | null): L | null;
}

/** Every link the Worker builds and the app accepts, keyed by host. */
const DEEP_LINK_ROUTES: { [K in DeepLink["kind"]]: DeepLinkRoute<Extract<DeepLink, { kind: K }>> } = {
  [RESET_DEEP_LINK_HOST]: {
    param: "token",
    write: (link) => link.token,
    read: (token) => (isTokenShape(token) ? { kind: RESET_DEEP_LINK_HOST, token } : null),
  },
  [VERIFY_EMAIL_DEEP_LINK_HOST]: {
    param: "token",
    write: (link) => link.token,
    read: (token) => (isTokenShape(token) ? { kind: VERIFY_EMAIL_DEEP_LINK_HOST, token } : null),
  },
  [SIGN_IN_DEEP_LINK_HOST]: {
    param: null,
    write: () => "",
    read: () => ({ kind: SIGN_IN_DEEP_LINK_HOST }),
  },
};

/** The route for a kind, widened so it can take any link (the kind picked the right one). */
function routeFor(kind: DeepLink["kind"]): DeepLinkRoute<DeepLink> {
  return DEEP_LINK_ROUTES[kind] as DeepLinkRoute<DeepLink>;
}

/** Builds any deep link from the table. */
export function buildDeepLink(scheme: string, link: DeepLink): string {
  const route = routeFor(link.kind);
  if (route.param === null) return `${scheme}://${link.kind}`;
  return `${scheme}://${link.kind}?${route.param}=${encodeURIComponent(route.write(link))}`;
}

/** Builds the link that opens the desktop app on the Reset screen. */
export function buildResetDeepLink(scheme: string, token: string): string {
  return buildDeepLink(scheme, { kind: RESET_DEEP_LINK_HOST, token });
}

/** Builds the link that opens the desktop app on the email verification screen. */
export function buildVerifyEmailDeepLink(scheme: string, token: string): string {
  return buildDeepLink(scheme, { kind: VERIFY_EMAIL_DEEP_LINK_HOST, token });
}

/** Builds the link that opens the desktop app on the Sign in screen. */
export function buildSignInDeepLink(scheme: string): string {
  return buildDeepLink(scheme, { kind: SIGN_IN_DEEP_LINK_HOST });
}

function isRouteKind(host: string): host is DeepLink["kind"] {
  return Object.hasOwn(DEEP_LINK_ROUTES, host);
}

/** Parses a deep link, returning null for anything that is not exactly one the Worker builds. */
export function parseDeepLink(raw: unknown, scheme: string = DEFAULT_DEEP_LINK_SCHEME): DeepLink | null {
  if (typeof raw !== "string" || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  // The URL parser silently strips surrounding spaces and inner tabs or newlines, and drops an
  // empty "#" or "?"; a link carrying any of them is not one we built, so it is refused outright.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f#]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme.toLowerCase()}:`) return null;
  if (!isRouteKind(url.host) || url.username || url.password || url.port) return null;
  if (url.pathname !== "" && url.pathname !== "/") return null;
  if (url.hash) return null;
  const route = routeFor(url.host);
  if (route.param === null) {
    return raw.includes("?") ? null : route.read(null);
  }
  const keys = [...url.searchParams.keys()];
  if (keys.length !== 1 || keys[0] !== route.param) return null;
  const value = url.searchParams.get(route.param);
  const link = route.read(value);
  // Exactly "?param=value": no stray "&", no percent-encoded spelling of the value.
  if (!link || url.search !== `?${route.param}=${value}`) return null;
  return link;
}

/** Finds the first valid deep link among command-line arguments (Windows and Linux launches). */
export function findDeepLinkInArgv(argv: readonly string[], scheme: string = DEFAULT_DEEP_LINK_SCHEME): DeepLink | null {
  const prefix = `${scheme.toLowerCase()}://`;
  for (const arg of argv) {
    if (typeof arg !== "string" || !arg.toLowerCase().startsWith(prefix)) continue;
    const link = parseDeepLink(arg, scheme);
    if (link) return link;
  }
  return null;
}

/** True for a value that has the shape of a parsed deep link (for data that crossed a process boundary). */
export function isDeepLink(value: unknown): value is DeepLink {
  if (typeof value !== "object" || value === null) return false;
  const { kind } = value as { kind?: unknown };
  if (kind === SIGN_IN_DEEP_LINK_HOST) return true;
  return (kind === RESET_DEEP_LINK_HOST || kind === VERIFY_EMAIL_DEEP_LINK_HOST) && isTokenShape((value as { token?: unknown }).token);
}
