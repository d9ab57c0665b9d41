/**
 * Email address normalisation. Accounts are matched on the normalised form, but mail is
 * always sent to the address stored on the account, never to what was typed
 * (the Unicode case-folding takeover, CVE-2019-19844).
 *
 * Internationalised domains (`name@exämple.de`) are accepted and stored, compared and sent in
 * their ASCII form (`name@xn--exmple-cua.de`), which every mail provider, MailChannels included,
 * accepts; people see them in Unicode again (`displayEmail`). The domain goes through the URL
 * standard's host parser (UTS #46), as browsers do. The part before the @ must be ASCII: an
 * address like `josé@example.com` needs SMTPUTF8 at every hop, many servers refuse it, and two
 * Unicode spellings of one name could be two accounts, so it gets a precise sentence instead.
 */
import { toUnicode } from "punycode/punycode.js";
import { z } from "zod";

export const EMAIL_MAX_LENGTH = 254;

/** Trims and lower-cases an address for lookups. Case folding is ASCII-only on purpose. */
export function normalizeEmail(email: string): string {
  return email.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** An address that is safe to put in a mail header: no CR, LF or other control characters. */
export const emailAddressSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "email.missing" : "email.invalid") })
  .trim()
  .min(1, { error: "email.missing" })
  .max(EMAIL_MAX_LENGTH, { error: "email.tooLong" })
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: "email.controlCharacters" })
  .refine((value) => hasAsciiLocalPart(value), { error: "email.nonAsciiLocalPart", abort: true })
  .transform((value, context) => {
    const ascii = toAsciiDomain(value);
    if (ascii === null) context.addIssue({ code: "custom", message: "email.invalid" });
    return ascii ?? value;
  })
  .pipe(z.email({ error: "email.invalid" }).max(EMAIL_MAX_LENGTH, { error: "email.tooLong" }))
  .meta({
    description:
      "An email address. Spaces around it are ignored; an internationalised domain is accepted and stored in punycode; the part before the @ must be ASCII.",
    format: "email",
    examples: ["ada@example.com"],
  });

/** The address as people read it: an ASCII (punycode) domain shown in Unicode. */
export function displayEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0 || !email.slice(at + 1).includes("xn--")) return email;
  return `${email.slice(0, at)}@${toUnicode(email.slice(at + 1))}`;
}

/** Masks an address for display to someone holding only a reset token: "d***@exämple.de". */
export function maskEmail(email: string): string {
  const shown = displayEmail(email);
  const at = shown.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${shown.slice(0, 1)}***${shown.slice(at)}`;
}

function hasAsciiLocalPart(email: string): boolean {
  const at = email.lastIndexOf("@");
  // eslint-disable-next-line no-control-regex
  return at < 0 || /^[\u0000-\u007f]*$/.test(email.slice(0, at));
}

/** The address with its domain in ASCII, or null for a domain no host parser accepts. */
function toAsciiDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return email;
  const domain = email.slice(at + 1);
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(domain)) return email;
  if (/[\s/\\?#@:[\]%]/.test(domain)) return null;
  try {
    return `${email.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return null;
  }
}
