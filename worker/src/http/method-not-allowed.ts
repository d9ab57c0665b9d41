/**
 * The answer for a known API path called with the wrong method: 405 problem+json with an
 * `Allow` header (RFC 9110 §15.5.6), instead of a misleading 404.
 *
 * @example
 * router.post(ApiPath.accounts, handleSignUp);
 * router.all(ApiPath.accounts, rejectOtherMethods(["POST"]));
 */
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { problemResponse } from "./problem.ts";

/** Returns a handler that refuses every method with 405, naming the allowed ones. */
export function rejectOtherMethods(allowed: readonly string[]): (request: Request, env: Env) => Response {
  const allow = allowed.join(", ");
  return function handleWrongMethod(request, env) {
    return problemResponse(request, env, 405, ErrorCode.methodNotAllowed, message("problem.methodNotAllowed", { allow }), {
      headers: { allow },
    });
  };
}
