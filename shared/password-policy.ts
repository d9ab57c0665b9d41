/**
 * The password policy, shared by the Worker (which enforces it) and the desktop app and web
 * pages (which show it live). It follows NIST SP 800-63B: a length window, no reuse of the
 * email address, no common passwords, and no composition rules.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MAX_LENGTH = 128;
export const DEFAULT_PASSWORD_MIN_LENGTH = 12;

export interface PasswordPolicyOptions {
  minLength?: number;
  email?: string;
}

export type PasswordRule = "too_short" | "too_long" | "matches_email" | "common";

export interface PasswordViolation {
  rule: PasswordRule;
  message: string;
}

let commonPasswords: ReadonlySet<string> | undefined;

/** The common-password list, loaded once and lower-cased for case-insensitive checks. */
function getCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return commonPasswords;
}

/** Returns true when the password appears in the common-password list, in any letter case. */
export function isCommonPassword(password: string): boolean {
  return getCommonPasswords().has(password.toLowerCase());
}

/** Counts characters as people see them, so an emoji is one character, not two. */
function countCharacters(password: string): number {
  return Array.from(password.normalize("NFC")).length;
}

/** Returns every rule the password breaks; an empty list means it is acceptable. */
export function checkPassword(password: string, options: PasswordPolicyOptions = {}): PasswordViolation[] {
  const minLength = options.minLength ?? DEFAULT_PASSWORD_MIN_LENGTH;
  const length = countCharacters(password);
  const violations: PasswordViolation[] = [];
  if (length < minLength) {
    violations.push({ rule: "too_short", message: `Use at least ${minLength} characters.` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    violations.push({ rule: "too_long", message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });
  }
  const email = options.email?.trim().toLowerCase();
  const lowered = password.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) {
    violations.push({ rule: "matches_email", message: "Don't use your email address as your password." });
  }
  if (isCommonPassword(password)) {
    violations.push({ rule: "common", message: "This password is too common. Choose one that is harder to guess." });
  }
  return violations;
}

/** The first message to show for a password, or null when it passes. */
export function describePasswordProblem(password: string, options: PasswordPolicyOptions = {}): string | null {
  return checkPassword(password, options)[0]?.message ?? null;
}
