/**
 * The worker suite's contract check, one wrapper for every test: each answer the Worker's fetch
 * handler gives a test (called as `worker.fetch(...)` or through `exports.default.fetch`, which
 * runs the same module) is held to the OpenAPI document for its path, method and status
 * (test/support/openapi-contract.ts). A violation fails the test that caused it, after the test's
 * own assertions, with the request named. The fuzz takes them after each request instead
 * (`takeContractViolations`), to fail on the request that caused one.
 */
import { afterEach, expect } from "vitest";
import worker from "../../worker/src/index.ts";
import { buildOpenApiDocument } from "../../worker/src/openapi/document.ts";
import { createContractChecker } from "../support/openapi-contract.ts";

const checker = createContractChecker(buildOpenApiDocument());
const violations: string[] = [];
/** Where a checked Worker keeps its own handler. */
const UNCHECKED_FETCH = Symbol.for("resetkit.uncheckedFetch");

/**
 * Holds every answer of `handler`'s fetch to the document, from now on. The files of one test
 * worker share the Worker module and each run this setup, so the handler wrapped is always the
 * Worker's own, never an earlier file's wrapper around it.
 */
export function checkAnswersAgainstTheDocument(handler: typeof worker): void {
  const checked = handler as typeof worker & { [UNCHECKED_FETCH]?: typeof worker.fetch };
  const handleFetch = (checked[UNCHECKED_FETCH] ??= handler.fetch);
  handler.fetch = async function fetchCheckedAgainstTheDocument(request, env, ctx) {
    const response = await handleFetch.call(handler, request, env, ctx);
    if (checker.describes(request.url)) {
      const body = await response.clone().text();
      violations.push(...checker.check({ method: request.method, url: request.url, status: response.status, headers: response.headers, body }));
    }
    return response;
  };
}

checkAnswersAgainstTheDocument(worker);

/** The violations seen since the last call, which are then forgotten. */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

afterEach(() => {
  expect(takeContractViolations(), "answers that break the OpenAPI document").toEqual([]);
});
