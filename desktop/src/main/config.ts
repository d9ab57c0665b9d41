/**
 * The desktop app's configuration: the Worker's base URL and the deep-link scheme. The URL is
 * fixed when the app is built (`RESETKIT_API_URL` at build time, baked into the main bundle),
 * because a shipped app must not be pointed elsewhere by whoever can set its environment, and
 * must never fall back to a local development Worker. Only an unpackaged development build
 * may take the URL (and another deep-link scheme) from the environment at launch, or default
 * to the local Worker.
 *
 * Every URL must be https, except on the loopback interface: a reset link's token and the new
 * password travel in these requests.
 *
 * @example
 * checkApiUrl("https://resetkit.example.com/") // { ok: true, url: "https://resetkit.example.com" }
 * checkApiUrl("http://resetkit.example.com")   // { ok: false, message: "RESETKIT_API_URL must be https://…" }
 */
import { DEFAULT_DEEP_LINK_SCHEME } from "../../../shared/deep-link.ts";

export const DEFAULT_API_URL = "http://127.0.0.1:8787";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface DesktopConfig {
  apiBaseUrl: string;
  deepLinkScheme: string;
}

export type ConfigResult = { ok: true; config: DesktopConfig } | { ok: false; message: string };
export type ApiUrlResult = { ok: true; url: string } | { ok: false; message: string };

/** How the running build was made, as far as the URL is concerned. */
export interface BuildFacts {
  /** True in an installed app (Electron's `app.isPackaged`). */
  packaged: boolean;
  /** The URL baked in at build time, or "" when the build had none. */
  builtApiUrl: string;
}

/** Checks a Worker URL: https (or http on loopback), no credentials, query or fragment. */
export function checkApiUrl(raw: string): ApiUrlResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `RESETKIT_API_URL is not a URL: ${raw}` };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return { ok: false, message: "RESETKIT_API_URL must be https://, or http:// only on 127.0.0.1, localhost or [::1]." };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, message: "RESETKIT_API_URL must be a plain origin and path, without credentials, query or fragment" };
  }
  return { ok: true, url: url.href.replace(/\/+$/, "") };
}

/**
 * The Worker URL to bake into a build. A release build needs one; a development build may
 * leave it out and fall back to the local Worker at launch.
 */
export function readBuildApiUrl(env: Record<string, string | undefined>, release: boolean): ApiUrlResult {
  const raw = env.RESETKIT_API_URL?.trim();
  if (!raw) {
    if (release) return { ok: false, message: "A release build needs RESETKIT_API_URL set to the Worker's https:// URL." };
    return { ok: true, url: "" };
  }
  return checkApiUrl(raw);
}

/** Reads the configuration at launch from the baked URL, `RESETKIT_API_URL` and `RESETKIT_DEEP_LINK_SCHEME`. */
export function readDesktopConfig(env: Record<string, string | undefined>, build: BuildFacts): ConfigResult {
  const fromEnv = build.packaged ? undefined : env.RESETKIT_API_URL?.trim();
  const rawUrl = fromEnv || build.builtApiUrl || (build.packaged ? "" : DEFAULT_API_URL);
  if (!rawUrl) {
    return { ok: false, message: "This build of ResetKit has no Worker URL; build it again with RESETKIT_API_URL set." };
  }
  const url = checkApiUrl(rawUrl);
  if (!url.ok) return url;
  // An installed app answers only the scheme its installer registered.
  const scheme = (build.packaged ? undefined : env.RESETKIT_DEEP_LINK_SCHEME?.trim()) || DEFAULT_DEEP_LINK_SCHEME;
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) {
    return { ok: false, message: `RESETKIT_DEEP_LINK_SCHEME is not a valid URL scheme: ${scheme}` };
  }
  return { ok: true, config: { apiBaseUrl: url.url, deepLinkScheme: scheme } };
}
