/**
 * What one email is, independent of how it travels: its kind, one recipient, a subject, the two
 * bodies and their language. Also the header checks every transport relies on: a CR or LF in a header
 * field would let a value smuggle extra headers into the message, so such messages are
 * refused before anything is sent.
 */

/**
 * The only emails ResetKit sends: the reset link, the "password changed" notice, the sign-up's
 * verification link, and the note to an address that already has an account when someone signs
 * up with it.
 */
export type MailKind = "password_reset" | "password_changed" | "email_verification" | "sign_up_notice";

export interface Mailbox {
  email: string;
  name?: string;
}

export interface MailMessage {
  kind: MailKind;
  to: Mailbox;
  subject: string;
  text: string;
  html: string;
  /** The language the message is written in (BCP 47), sent as its Content-Language header. */
  locale: string;
}

export type HeaderCheck = { valid: true } | { valid: false; field: "to" | "from" | "subject" };

// Line breaks and other control characters, including the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const HEADER_BREAK = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Returns true when `value` could not safely sit in a mail header. */
export function hasHeaderBreak(value: string): boolean {
  return HEADER_BREAK.test(value);
}

/** Checks the recipient, sender and subject of a message for header injection. */
export function checkMessageHeaders(message: MailMessage, from: Mailbox): HeaderCheck {
  if (hasHeaderBreak(message.to.email) || hasHeaderBreak(message.to.name ?? "")) return { valid: false, field: "to" };
  if (hasHeaderBreak(from.email) || hasHeaderBreak(from.name ?? "")) return { valid: false, field: "from" };
  if (hasHeaderBreak(message.subject)) return { valid: false, field: "subject" };
  return { valid: true };
}

/**
 * Reads a sender written as `Name <address>` or a bare `address`. Returns null for anything
 * else, including values with line breaks.
 *
 * @example
 * parseMailbox("ResetKit <no-reply@example.com>") // { name: "ResetKit", email: "no-reply@example.com" }
 */
export function parseMailbox(value: string): Mailbox | null {
  if (hasHeaderBreak(value)) return null;
  const trimmed = value.trim();
  const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (named) {
    const name = named[1]!.trim().replace(/^"(.*)"$/, "$1");
    return name ? { name, email: named[2]! } : { email: named[2]! };
  }
  return /^[^<>\s]+@[^<>\s]+$/.test(trimmed) ? { email: trimmed } : null;
}
