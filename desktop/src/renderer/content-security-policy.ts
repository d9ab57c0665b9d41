/**
 * The renderer's Content Security Policy, injected into index.html at build time. The renderer
 * runs only its own bundled script and has no network access of its own (`connect-src 'none'`):
 * every call to the Worker goes through the preload bridge to the main process.
 */
export const RENDERER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
