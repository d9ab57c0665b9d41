/**
 * The answer for a known API path called with the wrong method: 405 problem+json with an
 * `Allow` header (RFC 9110 §15.5.6), instead of a misleading 404.
 *
 * @example
 * router.post(ApiPath.accounts, handleSignUp);
 * router.all(ApiPath.accounts, rejectOtherMethods(["POST"]));
 */
import { ErrorCode } from "../../../shared/errors.ts";
import { problemResponse } from "./problem.ts";

/** Returns a handler that refuses every method with 405, naming the allowed ones. */
export function rejectOtherMethods(allowed: readonly string[]): () => Response {
  const allow = allowed.join(", ");
  return function handleWrongMethod() {
    return problemResponse(405, ErrorCode.methodNotAllowed, `This endpoint accepts ${allow} only.`, {
      headers: { allow },
    });
  };
}
