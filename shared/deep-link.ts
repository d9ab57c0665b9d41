/**
 * The desktop deep-link format: `${scheme}://reset-password?token=T`. The parser is strict:
 * any other host, a path, extra query parameters, a fragment, credentials or a malformed token
 * make the link invalid, and invalid links are dropped without a trace.
 *
 * @example
 * buildResetDeepLink("resetkit", token) // "resetkit://reset-password?token=…"
 * parseResetDeepLink("resetkit://reset-password?token=…", "resetkit") // { kind: "reset-password", token }
 */
import { isResetTokenShape } from "./reset-token.ts";

export const DEFAULT_DEEP_LINK_SCHEME = "resetkit";
export const RESET_DEEP_LINK_HOST = "reset-password";
const MAX_DEEP_LINK_LENGTH = 512;

export interface ResetDeepLink {
  kind: "reset-password";
  token: string;
}

/** Builds the link that opens the desktop app on the Reset screen. */
export function buildResetDeepLink(scheme: string, token: string): string {
  return `${scheme}://${RESET_DEEP_LINK_HOST}?token=${encodeURIComponent(token)}`;
}

/** Parses a deep link, returning null for anything that is not exactly a reset link. */
export function parseResetDeepLink(raw: unknown, scheme: string = DEFAULT_DEEP_LINK_SCHEME): ResetDeepLink | null {
  if (typeof raw !== "string" || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  // The URL parser silently strips surrounding spaces and inner tabs or newlines, and drops an
  // empty "#"; a link carrying any of them is not one we built, so it is refused outright.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f#]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme.toLowerCase()}:`) return null;
  if (url.host !== RESET_DEEP_LINK_HOST || url.username || url.password || url.port) return null;
  if (url.pathname !== "" && url.pathname !== "/") return null;
  if (url.hash) return null;
  const keys = [...url.searchParams.keys()];
  if (keys.length !== 1 || keys[0] !== "token") return null;
  const token = url.searchParams.get("token");
  if (!isResetTokenShape(token)) return null;
  // Exactly "?token=T": no stray "&", no percent-encoded spelling of the token.
  if (url.search !== `?token=${token}`) return null;
  return { kind: "reset-password", token };
}

/** Finds the first valid reset link among command-line arguments (Windows and Linux launches). */
export function findResetDeepLinkInArgv(argv: readonly string[], scheme: string = DEFAULT_DEEP_LINK_SCHEME): ResetDeepLink | null {
  const prefix = `${scheme.toLowerCase()}://`;
  for (const arg of argv) {
    if (typeof arg !== "string" || !arg.toLowerCase().startsWith(prefix)) continue;
    const link = parseResetDeepLink(arg, scheme);
    if (link) return link;
  }
  return null;
}
