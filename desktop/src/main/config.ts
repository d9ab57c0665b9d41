/**
 * The desktop app's configuration, read once at startup from the environment. Only the Worker's
 * base URL and the deep-link scheme are configurable; both are checked so a typo fails loudly
 * at launch instead of as a confusing network error later.
 */
import { DEFAULT_DEEP_LINK_SCHEME } from "../../../shared/deep-link.ts";

export const DEFAULT_API_URL = "http://127.0.0.1:8787";

export interface DesktopConfig {
  apiBaseUrl: string;
  deepLinkScheme: string;
}

export type ConfigResult = { ok: true; config: DesktopConfig } | { ok: false; message: string };

/** Reads `RESETKIT_API_URL` and `RESETKIT_DEEP_LINK_SCHEME` from `env`. */
export function readDesktopConfig(env: Record<string, string | undefined>): ConfigResult {
  const rawUrl = env.RESETKIT_API_URL?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, message: `RESETKIT_API_URL is not a URL: ${rawUrl}` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: "RESETKIT_API_URL must start with https:// or http://" };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, message: "RESETKIT_API_URL must be a plain origin and path, without credentials, query or fragment" };
  }
  const scheme = env.RESETKIT_DEEP_LINK_SCHEME?.trim() || DEFAULT_DEEP_LINK_SCHEME;
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) {
    return { ok: false, message: `RESETKIT_DEEP_LINK_SCHEME is not a valid URL scheme: ${scheme}` };
  }
  return { ok: true, config: { apiBaseUrl: url.href.replace(/\/+$/, ""), deepLinkScheme: scheme } };
}
