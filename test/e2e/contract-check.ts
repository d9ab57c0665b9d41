/**
 * The end-to-end suites' contract check: every answer a test receives from a `wrangler dev` it
 * started (test/support/wrangler-dev.ts), by Node's `fetch` or by a page in Chromium (the desktop
 * renderer calls the API from there), is held to the OpenAPI document that same Worker serves at
 * /api/v1/openapi.json, for its path, method and status (test/support/openapi-contract.ts).
 * A violation fails the test that caused it, after the test's own assertions.
 */
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterEach, expect } from "vitest";
import { createContractChecker, type ContractChecker } from "../support/openapi-contract.ts";
import { runningWorkerOrigins } from "../support/wrangler-dev.ts";

const OPENAPI_PATH = "/api/v1/openapi.json";
const fetchFromNode = globalThis.fetch;
const checkers = new Map<string, Promise<ContractChecker>>();
const violations: string[] = [];
/** Bodies Chromium is still reading, awaited before a test's violations are counted. */
const pending: Promise<void>[] = [];

function checkerFor(origin: string): Promise<ContractChecker> {
  let checker = checkers.get(origin);
  if (!checker) {
    checker = fetchFromNode(`${origin}${OPENAPI_PATH}`).then(async (response) => {
      if (!response.ok) throw new Error(`${origin}${OPENAPI_PATH} answered ${response.status}, so its answers cannot be checked`);
      return createContractChecker(await response.json());
    });
    checkers.set(origin, checker);
  }
  return checker;
}

/**
 * Holds an answer to its Worker's document, if it came from a running Worker. A Worker started
 * misconfigured answers 503 everywhere, its document too; its answers are held to nothing here
 * (test/e2e/production-config.test.ts asserts them itself).
 */
async function record(method: string, url: string, status: number, headers: Headers, readBody: () => Promise<string>): Promise<void> {
  const { origin, pathname } = new URL(url);
  if (!runningWorkerOrigins.has(origin) || pathname === OPENAPI_PATH) return;
  const checker = await checkerFor(origin).catch(() => undefined);
  if (checker?.describes(url)) violations.push(...checker.check({ method, url, status, headers, body: await readBody() }));
}

globalThis.fetch = async function fetchCheckedAgainstTheDocument(input, init) {
  const response = await fetchFromNode(input, init);
  const request = input instanceof Request ? input : undefined;
  const method = init?.method ?? request?.method ?? "GET";
  await record(method, request?.url ?? String(input), response.status, response.headers, () => response.clone().text());
  return response;
};

function watchContract(context: BrowserContext): void {
  context.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() !== "fetch" && request.resourceType() !== "xhr") return;
    pending.push(
      record(request.method(), response.url(), response.status(), new Headers(response.headers()), () => response.text().catch(() => "")),
    );
  });
}

// Every Chromium a suite launches watches its contexts; Browser.newPage opens one through newContext.
const launch = chromium.launch.bind(chromium);
chromium.launch = async (options) => {
  const browser: Browser = await launch(options);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions) => {
    const context = await newContext(contextOptions);
    watchContract(context);
    return context;
  };
  return browser;
};

afterEach(async () => {
  await Promise.all(pending.splice(0));
  expect(violations.splice(0), "answers that break the OpenAPI document").toEqual([]);
});
