/**
 * Email address normalisation. Accounts are matched on the normalised form, but mail is
 * always sent to the address stored on the account, never to what was typed
 * (the Unicode case-folding takeover, CVE-2019-19844).
 */
import { z } from "zod";

export const EMAIL_MAX_LENGTH = 254;

/** Trims and lower-cases an address for lookups. Case folding is ASCII-only on purpose. */
export function normalizeEmail(email: string): string {
  return email.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** An address that is safe to put in a mail header: no CR, LF or other control characters. */
export const emailAddressSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, { error: "Enter your email address." })
  .max(EMAIL_MAX_LENGTH, { error: `An email address has at most ${EMAIL_MAX_LENGTH} characters.` })
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), {
    error: "An email address cannot contain line breaks or control characters.",
  })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** Masks an address for display to someone holding only a reset token: "d***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
