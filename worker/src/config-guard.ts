/**
 * The gate in front of everything the Worker does. A production deployment with a missing or
 * wrong setting (see `findMisconfiguration`) does no work at all: every request gets 503 (so
 * health checks fail and the deploy is noticed), cron and queue runs return at once, and the
 * log names the setting to fix. Serving anyway would mean reset links pointing at 127.0.0.1,
 * mail kept in D1 instead of sent, or rate limits without their key.
 *
 * @example
 * const refusal = refuseWhenMisconfigured(request, env, ctx);
 * if (refusal) return refusal;
 * if (isRefusingWork(env)) return; // in scheduled(); queue() should retry its batch instead
 */
import { PagePath } from "../../shared/contract.ts";
import { findMisconfiguration, readConfig } from "./config.ts";
import { unavailableProblemResponse, RETRY_AFTER_SECONDS } from "./http/problem.ts";
import { renderUnavailablePage, webRoute } from "./web/web-route.tsx";

// Each distinct fault is logged once per isolate, not once per request: a health checker
// polling every few seconds would otherwise bury the one line that matters.
const loggedFaults = new Set<string>();

const handleUnavailablePage = webRoute(renderUnavailablePage);

/** Returns the 503 for this request when the configuration is unusable, or null to go on. */
export function refuseWhenMisconfigured(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> | null {
  if (!isRefusingWork(env)) return null;
  const { pathname } = new URL(request.url);
  // /dev/* does not exist in production, configured or not: the router gives it the usual 404.
  if (pathname.startsWith("/dev/")) return null;
  if (pathname === PagePath.healthz) {
    return Promise.resolve(
      new Response("unavailable", {
        status: 503,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) },
      }),
    );
  }
  if (pathname === "/api" || pathname.startsWith("/api/")) return Promise.resolve(unavailableProblemResponse(request, env));
  return handleUnavailablePage(request, env, ctx);
}

/** True when the configuration is unusable; the first time, logs which setting to fix. */
export function isRefusingWork(env: Env): boolean {
  const fault = findMisconfiguration(readConfig(env));
  if (!fault) return false;
  if (!loggedFaults.has(fault)) {
    loggedFaults.add(fault);
    console.error(`misconfigured: ${fault}. Every request gets 503 and cron and queue work is skipped until this is fixed.`);
  }
  return true;
}
