/**
 * Who may use the operator API: whoever sends `Authorization: Bearer <ADMIN_API_TOKEN>`,
 * compared in constant time. Without the secret the API does not exist: its paths answer the
 * ordinary 404 of an unknown endpoint, so a deployment that never set it shows nothing.
 *
 * @example
 * requireOperator(request, env); // throws the 404 or 401 problem, or returns
 */
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { readConfig } from "../config.ts";
import { constantTimeEqual } from "../crypto/constant-time.ts";
import { readBearerToken } from "../http/bearer.ts";
import { ProblemError } from "../http/problem.ts";

/** Throws unless the request carries the operator token; returns when it does. */
export function requireOperator(request: Request, env: Env): void {
  const expected = readConfig(env).adminApiToken;
  if (expected === undefined) throw new ProblemError(404, ErrorCode.notFound, message("problem.notFound"));
  const given = readBearerToken(request);
  if (given === null || !constantTimeEqual(given, expected)) {
    throw new ProblemError(401, ErrorCode.unauthorized, message("problem.operatorOnly"), {
      headers: { "www-authenticate": 'Bearer realm="ResetKit operator API"' },
    });
  }
}
