/**
 * The one-time code printed in every reset email, for finishing a reset on another device: 8
 * characters of Crockford's base32 (0-9 and A-Z without I, L, O and U), shown as `XXXX-XXXX`.
 * People copy it by hand, so reading is forgiving in Crockford's way: case does not matter,
 * spaces and hyphens are ignored, O reads as 0 and I or L as 1. The Worker and the desktop app
 * both read codes through `normalizeResetCode`, so they agree on what a typed code means.
 *
 * @example
 * normalizeResetCode("abcd-efgh"); // "ABCDEFGH"
 * normalizeResetCode("0o1l iI23"); // "00111123"
 * formatResetCode("ABCDEFGH");    // "ABCD-EFGH"
 */

export const RESET_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RESET_CODE_LENGTH = 8;
/** The code the pages and the email show as an example of the shape. */
export const RESET_CODE_EXAMPLE = "7KQ2-M9XD";
/** The most characters a typed code may have before it is read: room for spaces and a hyphen. */
export const RESET_CODE_INPUT_MAX_LENGTH = 32;
/** Wrong guesses one network may make at an address's live code; the next one, right or wrong, fails. */
export const RESET_CODE_GUESS_BUDGET = 5;
/** Wrong guesses all networks together may make at it, networks the address signed in from aside. */
export const RESET_CODE_GUESS_CEILING = 20;

const IGNORED = /[\s-]/g;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** Maps the characters people mistake for digits onto those digits, after upper-casing. */
function readAlike(character: string): string {
  if (character === "O") return "0";
  if (character === "I" || character === "L") return "1";
  return character;
}

/** The canonical 8-character code a typed value stands for, or null when it cannot be one. */
export function normalizeResetCode(typed: unknown): string | null {
  if (typeof typed !== "string" || typed.length > RESET_CODE_INPUT_MAX_LENGTH) return null;
  const canonical = Array.from(typed.replace(IGNORED, "").toUpperCase(), readAlike).join("");
  return CANONICAL.test(canonical) ? canonical : null;
}

/** Prints a canonical code the way emails show it: `XXXX-XXXX`. */
export function formatResetCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, RESET_CODE_LENGTH)}`;
}

/**
 * Formats text while it is being typed or pasted: keeps only characters that can be part of a
 * code (mapped the same forgiving way), at most 8 of them, and puts the hyphen after the fourth.
 */
export function formatTypedResetCode(typed: string): string {
  const characters = Array.from(typed.toUpperCase(), readAlike)
    .filter((character) => RESET_CODE_ALPHABET.includes(character))
    .slice(0, RESET_CODE_LENGTH)
    .join("");
  return characters.length > 4 ? formatResetCode(characters) : characters;
}
