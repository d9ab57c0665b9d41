/**
 * The operator API, `/api/v1/admin/*`, for the people who answer "the email never came". Every
 * route first checks the operator token (operator-token.ts), then writes one audit record
 * (audit.ts). Put Cloudflare Access in front of this prefix in production (docs/integration.md).
 *
 * @example
 * registerAdminRoutes(router); // in worker/src/router.ts
 */
import { AdminPath, accountQuerySchema, deliveriesQuerySchema, type RetryResponse } from "../../../shared/admin-contract.ts";
import { fieldErrorsFrom } from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import type { AppRouter } from "../http/app-router.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { ProblemError } from "../http/problem.ts";
import { describeAccount, signOutAccount, unlockSignIn } from "./accounts.ts";
import { recordAdminAction } from "./audit.ts";
import { listDeliveries, retryDelivery } from "./deliveries.ts";
import { requireOperator } from "./operator-token.ts";

const NO_STORE = { "cache-control": "no-store" } as const;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Adds the operator API to the router. */
export function registerAdminRoutes(router: AppRouter): void {
  router.get(AdminPath.deliveries, async function handleListDeliveries(request, env) {
    requireOperator(request, env);
    const query = readQuery(request, deliveriesQuerySchema);
    await recordAdminAction(env, "deliveries.list", query.to ?? "*");
    return Response.json(await listDeliveries(env, query), { headers: NO_STORE });
  });
  router.all(AdminPath.deliveries, guarded(rejectOtherMethods(["GET"])));

  router.post(AdminPath.retryDelivery, async function handleRetryDelivery(request, env) {
    requireOperator(request, env);
    const id = readId(request);
    const retried = await retryDelivery(env, id);
    if (retried === "not_found") throw new ProblemError(404, ErrorCode.notFound, message("problem.deliveryNotFound"));
    if (retried === "not_failed") throw new ProblemError(409, ErrorCode.deliveryNotFailed, message("problem.deliveryNotFailed"));
    await recordAdminAction(env, "deliveries.retry", id);
    return Response.json(retried satisfies RetryResponse, { status: 202, headers: NO_STORE });
  });
  router.all(AdminPath.retryDelivery, guarded(rejectOtherMethods(["POST"])));

  router.get(AdminPath.accounts, async function handleFindAccount(request, env) {
    requireOperator(request, env);
    const { email } = readQuery(request, accountQuerySchema);
    await recordAdminAction(env, "accounts.find", email);
    const account = await describeAccount(env, email);
    if (!account) throw new ProblemError(404, ErrorCode.notFound, message("problem.accountNotFound"));
    return Response.json(account, { headers: NO_STORE });
  });
  router.all(AdminPath.accounts, guarded(rejectOtherMethods(["GET"])));

  router.delete(AdminPath.accountSessions, async function handleSignOutAccount(request, env) {
    requireOperator(request, env);
    const id = readId(request);
    if (!(await signOutAccount(env, id))) throw new ProblemError(404, ErrorCode.notFound, message("problem.accountNotFound"));
    await recordAdminAction(env, "accounts.sign-out-everywhere", id);
    return new Response(null, { status: 204, headers: NO_STORE });
  });
  router.all(AdminPath.accountSessions, guarded(rejectOtherMethods(["DELETE"])));

  router.post(AdminPath.unlockSignIn, async function handleUnlockSignIn(request, env) {
    requireOperator(request, env);
    const id = readId(request);
    if (!(await unlockSignIn(env, id))) throw new ProblemError(404, ErrorCode.notFound, message("problem.accountNotFound"));
    await recordAdminAction(env, "accounts.unlock-sign-in", id);
    return new Response(null, { status: 204, headers: NO_STORE });
  });
  router.all(AdminPath.unlockSignIn, guarded(rejectOtherMethods(["POST"])));
}

/** A handler that answers only an operator: without the token even a wrong method is a 404 or 401. */
function guarded(handler: (request: Request, env: Env) => Response) {
  return (request: Request, env: Env) => {
    requireOperator(request, env);
    return handler(request, env);
  };
}

function readQuery<Schema extends typeof deliveriesQuerySchema | typeof accountQuerySchema>(request: Request, schema: Schema) {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new ProblemError(400, ErrorCode.validationFailed, message("problem.validationFailed"), { errors: fieldErrorsFrom(parsed.error) });
  }
  return parsed.data as ReturnType<Schema["parse"]>;
}

function readId(request: Request & { params?: Record<string, string> }): string {
  const id = request.params?.id ?? "";
  if (!ID_PATTERN.test(id)) throw new ProblemError(404, ErrorCode.notFound, message("problem.notFound"));
  return id;
}
