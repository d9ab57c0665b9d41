/**
 * What the code form remembers of the codes it saw refused, between the POST that refused one and
 * the GET its 303 leads to. The refusal is answered POST/redirect/GET, like the request for a link:
 * going Back or reloading then never sends a code again, which would spend another guess behind the
 * person's back (and show "Confirm Form Resubmission" first).
 *
 * A short-lived HttpOnly cookie holds the address the codes were for, how many were refused, and
 * whether the page has shown the latest refusal yet. Everything in it comes from what was typed and
 * how often the answer was "no", which is the same for an address with an account and one without,
 * so it tells nobody more than the page does. It is not signed: it only picks which sentence this
 * browser reads; the guess budget itself is counted on the server (reset/reset-codes.ts).
 *
 * @example
 * const seen = readCodeRefusals(request); // { email, count: 2, unseen: true } | null
 * headers.append("set-cookie", rememberCodeRefusals(request, { email, count: 3, unseen: true }, 1800));
 */
import { emailAddressSchema, normalizeEmail } from "../../../shared/email-address.ts";
import { clearPageCookie, readPageCookie, setPageCookie } from "./page-cookies.ts";

export interface CodeRefusals {
  /** The address the refused codes were typed with, as the shared schema reads it. */
  email: string;
  /** How many codes in a row were refused for that address. */
  count: number;
  /** True until the page has shown the latest refusal once. */
  unseen: boolean;
}

/** More than any budget; keeps the cookie small whatever it is sent. */
const MAX_COUNT = 99;
const SHAPE = /^(\d{1,2}):([01]):(.+)$/s;

/** The refusals this browser's cookie records, or null when there is none or it is spoiled. */
export function readCodeRefusals(request: Request): CodeRefusals | null {
  const match = SHAPE.exec(readPageCookie(request, "codeRefusals") ?? "");
  if (!match) return null;
  const count = Number(match[1]);
  const email = emailAddressSchema.safeParse(match[3]);
  if (!email.success || count < 1) return null;
  return { email: email.data, count, unseen: match[2] === "1" };
}

/** The refusals after one more code for `email` was refused: the count starts again for another address. */
export function countRefusal(previous: CodeRefusals | null, email: string): CodeRefusals {
  const sameAddress = previous !== null && normalizeEmail(previous.email) === normalizeEmail(email);
  return { email, count: Math.min(MAX_COUNT, (sameAddress ? previous.count : 0) + 1), unseen: true };
}

/** The Set-Cookie value that records `refusals` for `maxAgeSeconds` (the code's lifetime). */
export function rememberCodeRefusals(request: Request, refusals: CodeRefusals, maxAgeSeconds: number): string {
  return setPageCookie(request, "codeRefusals", `${refusals.count}:${refusals.unseen ? 1 : 0}:${refusals.email}`, maxAgeSeconds);
}

/** The Set-Cookie value that forgets every refusal: a right code, or a new email with a new code. */
export function forgetCodeRefusals(request: Request): string | null {
  return readPageCookie(request, "codeRefusals") === null ? null : clearPageCookie(request, "codeRefusals");
}
