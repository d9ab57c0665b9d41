/**
 * The password policy, shared by the Worker (which enforces it) and the desktop app and web
 * pages (which show it live). It follows NIST SP 800-63B: a length window, no reuse of the
 * email address, no common passwords, and no composition rules.
 *
 * Every rule, and the password hash, sees one string: the password after `normalizePassword`
 * (NFKC). Checking the typed form while hashing the normalised one would let "ｑｗｅｒｔｙ１２３４５６"
 * pass as uncommon and then be stored as "qwerty123456".
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { message, type Message } from "./i18n/translator.ts";

export const PASSWORD_MAX_LENGTH = 128;
export const DEFAULT_PASSWORD_MIN_LENGTH = 12;

export interface PasswordPolicyOptions {
  minLength?: number;
  email?: string;
}

export type PasswordRule = "too_short" | "too_long" | "matches_email" | "common";

export interface PasswordViolation {
  rule: PasswordRule;
  /** What to tell the person, put into words in their language where it is shown. */
  message: Message;
}

let commonPasswords: ReadonlySet<string> | undefined;

/** The common-password list, loaded once and lower-cased for case-insensitive checks. */
function getCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return commonPasswords;
}

/**
 * The form of a password that the policy checks and the hash stores: NFKC, as NIST SP 800-63B
 * advises, so the same password typed on any keyboard or system is the same password, and
 * compatibility forms (full-width letters, ligatures, superscripts) are their plain letters.
 */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}


function isListedAsCommon(normalized: string): boolean {
  return getCommonPasswords().has(normalized.toLowerCase());
}

/** Counts code points of the normalised form, so an emoji is one character, not two. */
function countCharacters(normalized: string): number {
  return Array.from(normalized).length;
}

/** Returns every rule the password breaks; an empty list means it is acceptable. */
export function checkPassword(typed: string, options: PasswordPolicyOptions = {}): PasswordViolation[] {
  const password = normalizePassword(typed);
  const minLength = options.minLength ?? DEFAULT_PASSWORD_MIN_LENGTH;
  const length = countCharacters(password);
  const violations: PasswordViolation[] = [];
  if (length < minLength) {
    violations.push({ rule: "too_short", message: message("passwordPolicy.tooShort", { min: minLength }) });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    violations.push({ rule: "too_long", message: message("passwordPolicy.tooLong", { max: PASSWORD_MAX_LENGTH }) });
  }
  // The address is put in the same form, so a full-width copy of it is still a copy.
  const email = options.email?.normalize("NFKC").trim().toLowerCase();
  const lowered = password.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) {
    violations.push({ rule: "matches_email", message: message("passwordPolicy.matchesEmail") });
  }
  if (isListedAsCommon(password)) {
    violations.push({ rule: "common", message: message("passwordPolicy.common") });
  }
  return violations;
}

/** The first message to show for a password, or null when it passes. */
export function describePasswordProblem(password: string, options: PasswordPolicyOptions = {}): Message | null {
  return checkPassword(password, options)[0]?.message ?? null;
}
