/**
 * The Worker's routes. Each area registers its own routes; this file only wires them
 * together and decides what an unmatched request gets: problem+json under /api, an HTML page
 * elsewhere.
 */
import { Router } from "itty-router";
import { PagePath } from "../../shared/contract.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { message } from "../../shared/i18n/translator.ts";
import { registerAccountRoutes } from "./accounts/routes.ts";
import { registerAdminRoutes } from "./admin/routes.ts";
import { registerDevRoutes } from "./dev/dev-routes.ts";
import type { AppRequest, AppRouter, RouteArgs } from "./http/app-router.ts";
import { problemResponse, toProblemResponse } from "./http/problem.ts";
import { registerOpenApiRoutes } from "./openapi/routes.tsx";
import { registerSessionRoutes } from "./sessions/routes.ts";
import { handleNotFoundPage, registerWebRoutes } from "./web/routes.tsx";
import { registerPasswordResetRoutes } from "./reset/routes.ts";
import { registerRedeemCodeRoute } from "./reset/redeem-code-route.ts";

/** Builds the router with every area's routes registered. */
export function createRouter(): AppRouter {
  const router = Router<AppRequest, RouteArgs>({
    catch: (error, request, env) => toProblemResponse(error, request, env),
  });

  router.get(PagePath.healthz, () => new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } }));
  registerAccountRoutes(router);
  registerSessionRoutes(router);
  registerPasswordResetRoutes(router);
  registerRedeemCodeRoute(router);
  registerAdminRoutes(router);
  registerDevRoutes(router);
  registerWebRoutes(router);
  registerOpenApiRoutes(router);

  router.all("/api/*", (request, env) => problemResponse(request, env, 404, ErrorCode.notFound, message("problem.notFound")));
  router.all("*", handleNotFoundPage);
  return router;
}
