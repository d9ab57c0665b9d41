/**
 * The router's types, in a module of their own: each area's `register…Routes(router)` needs
 * them, and router.ts imports every area, so taking them from router.ts made each area and the
 * router import each other.
 */
import type { RouterType } from "itty-router";

/** What every handler receives after the request. */
export type RouteArgs = [env: Env, ctx: ExecutionContext];

/** A request as itty-router hands it to handlers, with path params and the parsed query. */
export type AppRequest = Request & { params: Record<string, string>; query: Record<string, string | string[] | undefined> };

export type AppRouter = RouterType<AppRequest, RouteArgs>;
