/**
 * Serves the bundled renderer over `app://resetkit/…` instead of `file://`. A page on a
 * privileged custom scheme has a real origin of its own, so it gets none of the extra reach
 * `file://` pages have (reading other local files), and the IPC sender check can compare one
 * exact URL. Only files inside the renderer folder with a known type are served; anything
 * else, including `..` tricks in any spelling, is a 404. The HTML carries the same CSP as a
 * header that the build injects as a meta tag.
 *
 * @example
 * registerRendererScheme(protocol);                        // before `ready`
 * protocol.handle(RENDERER_SCHEME, createRendererHandler(rendererDir)); // after `ready`
 * window.loadURL(RENDERER_ENTRY_URL);
 */
import { readFile, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { RENDERER_CONTENT_SECURITY_POLICY } from "../renderer/content-security-policy.ts";

export const RENDERER_SCHEME = "app";
export const RENDERER_HOST = "resetkit";
export const RENDERER_ENTRY_URL = `${RENDERER_SCHEME}://${RENDERER_HOST}/index.html`;

/** What the bundle holds; any other extension is not served. */
export const RENDERER_CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** The slice of Electron's `protocol` used before `ready`. */
export interface PrivilegedSchemeRegistry {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
}

/**
 * Makes `app:` a standard, secure scheme, so relative URLs resolve, the page counts as a secure
 * context and its module scripts load. Must run before `ready`, once.
 */
export function registerRendererScheme(protocol: PrivilegedSchemeRegistry): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Finds the file a request names inside `rootDir`, or null for anything outside or odd. */
export function resolveRendererFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Backslashes and NUL bytes are never part of a bundled file name; on Windows a backslash
  // would be a separator the URL parser did not normalise.
  if (path.includes("\\") || path.includes("\0")) return null;
  const root = resolve(rootDir);
  const file = resolve(join(root, path === "/" || path === "" ? "index.html" : path));
  const inside = relative(root, file);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return null;
  if (!(extname(file) in RENDERER_CONTENT_TYPES)) return null;
  return file;
}

/** Builds the `protocol.handle` handler for the renderer folder. */
export function createRendererHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async function handleRendererRequest(request) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
    }
    const file = resolveRendererFile(rootDir, request.url);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
    const contentType = RENDERER_CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
    const headers: Record<string, string> = { "content-type": contentType, "x-content-type-options": "nosniff" };
    if (extname(file) === ".html") headers["content-security-policy"] = RENDERER_CONTENT_SECURITY_POLICY;
    return new Response(request.method === "HEAD" ? null : await readFile(file), { status: 200, headers });
  };
}
