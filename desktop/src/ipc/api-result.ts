/**
 * What every preload `api` call resolves to. Results cross the context bridge as plain data:
 * an error thrown in the main process would reach the renderer as an opaque string, so
 * failures travel as values with a sentence ready to show.
 */
import type { ErrorCode } from "../../../shared/errors.ts";

/**
 * Failures that happen before or around HTTP, so they have no problem+json code.
 * `saved_session_ended`: the sign-in kept from an earlier launch was refused, and forgotten.
 */
export type ClientFailureCode = "network_error" | "timeout" | "unexpected_response" | "untrusted_sender" | "saved_session_ended";

export interface ApiFailure {
  /** The HTTP status, or 0 when no answer arrived (network error, timeout, refused sender). */
  status: number;
  code: ErrorCode | ClientFailureCode;
  /** A sentence for the user; never raw JSON. */
  message: string;
  /** Per-field sentences, keyed like the request body (`email`, `password`). */
  fieldErrors?: Record<string, string>;
  retryAfterSeconds?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** The signed-in account as the renderer sees it; the session token stays in main. */
export interface SignedInAccount {
  id: string;
  email: string;
}

/**
 * A sign-in's outcome for the renderer: the account, and whether "keep me signed in" was honoured
 * ("not_asked", or "unprotected" where the OS offers no keyring to encrypt it with).
 */
export interface SignInOutcome extends SignedInAccount {
  keep: "kept" | "not_asked" | "unprotected";
}
