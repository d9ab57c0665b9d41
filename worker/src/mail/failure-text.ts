/**
 * Short descriptions of failed sends, safe to store in delivery records and to log. A mail
 * provider may echo parts of the request in its error body, so anything that looks like a
 * token, a key, a link or a reset code is blanked out before the text leaves this module.
 */

const MAX_FAILURE_LENGTH = 200;
const LINK = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;
const SECRET_LIKE = /[A-Za-z0-9_\-+/=]{20,}/g;
/** A reset code as the email prints it (`XXXX-XXXX`, Crockford base32); too short to look like a token. */
const RESET_CODE = /\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/g;

/** Removes links and token-like runs from `text` and bounds its length. */
export function redactFailureText(text: string): string {
  const redacted = text
    .replace(LINK, "[link]")
    .replace(SECRET_LIKE, "[redacted]")
    .replace(RESET_CODE, "[code]")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim();
  return redacted.length > MAX_FAILURE_LENGTH ? `${redacted.slice(0, MAX_FAILURE_LENGTH)}…` : redacted;
}

/** Describes an HTTP failure by status, with a redacted excerpt of the body. */
export function describeHttpFailure(status: number, body: string): string {
  const excerpt = redactFailureText(body);
  return excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}`;
}

/** Describes a thrown error (network failure, timeout) by its name and redacted message. */
export function describeThrownFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timed out";
    return redactFailureText(`${error.name}: ${error.message}`);
  }
  return "unknown error";
}
