/**
 * What the browser suites share: a running Worker and a Chromium for the suite
 * (`useWorkerAndBrowser`), submitting a form and reading the page it posted to, and axe, one rule set for the edge pages and the desktop screens alike: every rule axe
 * runs by default, WCAG 2.x A and AA and its best practices.
 *
 * @example
 * const suite = useWorkerAndBrowser();
 * const page = await suite.browser.newPage();
 * await page.goto(`${suite.worker.url}/forgot-password`);
 * expect((await submit(page, "Send reset link")).status()).toBe(303);
 * expect(await findAxeViolations(page)).toEqual([]);
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium.ts";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "./wrangler-dev.ts";

/** Clicks a button and returns the response of the page it posted to, once that page has loaded. */
export async function submit(page: Page, buttonName: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === "POST" && candidate.request().isNavigationRequest()),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** Runs axe on the page and returns its violations in a readable form. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

/** The `wrangler dev` and the Chromium a browser suite drives. */
export interface WorkerAndBrowser {
  readonly worker: RunningWorker;
  readonly browser: Browser;
}

/**
 * Starts a `wrangler dev` (with `options`) and a Chromium before the suite it is called in, side
 * by side with `alongside` (a build, say), and stops both after it. Read `worker` and `browser`
 * from the result inside tests.
 */
export function useWorkerAndBrowser(options?: StartWorkerOptions, alongside?: () => Promise<void>): WorkerAndBrowser {
  let worker: RunningWorker | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(options), launchChromium(), alongside?.()]);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the suite's ${name} is not started: read it inside a test or a hook`);
    return value;
  };
  return {
    get worker() {
      return started(worker, "Worker");
    },
    get browser() {
      return started(browser, "Chromium");
    },
  };
}
