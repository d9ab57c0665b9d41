/**
 * What happens after a reset link has done its work. A browser that sends the same form again
 * right after it succeeded (a reload of the success page re-posts it) should see the success page
 * again, not "link invalid". It is recognised by the receipt it got with that success page
 * (crypto/receipt.ts), which names the form that succeeded, never by the password it sends: no
 * repeat hashes a password, so a leaked link is no password oracle and costs no scrypt. Another
 * form (a second tab that typed something else) and anyone else holding the spent link learn only
 * that it was used.
 *
 * @example
 * const receipt = await issueFinishedResetReceipt(env, "web", formId); // into the done cookie
 * await recognizeFinishedReset(env, receipt, formId);                   // { client: "web" } for 5 minutes
 * await explainDeadResetLink(env, token);                        // "used" or "invalid"
 */
import type { ResetClient } from "../../../shared/contract.ts";
import { isTokenShape } from "../../../shared/token-shape.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { issueReceipt, readReceipt } from "../crypto/receipt.ts";
import { hashToken } from "../crypto/token.ts";
import { random } from "../platform/random.ts";
import { isResetTokenUsed } from "./reset-tokens.ts";

/** How long after a reset its browser still gets the success page for a repeat. */
export const FINISHED_RESET_WINDOW_MS = 5 * 60_000;

/** Why a reset link no longer opens the form: used already, or unknown, revoked or expired. */
export type DeadResetLink = "used" | "invalid";

const FORM_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A fresh id for one rendering of the reset form; a re-post of that form sends it back. */
export function createResetFormId(): string {
  return encodeBase64Url(random.bytes(16));
}

/** The id a posted form carries, or a fresh one when it carries none of ours, which no receipt will name. */
export function readResetFormId(posted: string): string {
  return FORM_ID_PATTERN.test(posted) ? posted : createResetFormId();
}

/** The receipt for the browser that just finished a reset with the form `formId`; its done cookie keeps it. */
export function issueFinishedResetReceipt(env: Env, client: ResetClient, formId: string): Promise<string> {
  return issueReceipt(env, "reset-receipt", [client, formId]);
}

/**
 * The client of the reset a receipt proves this browser finished moments ago, or null. A form
 * post must be the very form that succeeded (`formId`); a page view (null) needs only the receipt.
 */
export async function recognizeFinishedReset(
  env: Env,
  receipt: string | null,
  formId: string | null,
): Promise<{ client: ResetClient } | null> {
  const claims = await readReceipt(env, "reset-receipt", receipt, FINISHED_RESET_WINDOW_MS);
  if (!claims || (formId !== null && claims[1] !== formId)) return null;
  return { client: claims[0] === "desktop" ? "desktop" : "web" };
}

/** Whether a link that no longer verifies was used, or never worked, was revoked or expired. */
export async function explainDeadResetLink(env: Env, token: string | null): Promise<DeadResetLink> {
  if (!isTokenShape(token)) return "invalid";
  return (await isResetTokenUsed(env, await hashToken(token))) ? "used" : "invalid";
}
