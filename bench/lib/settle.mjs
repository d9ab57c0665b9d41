/**
 * Waits until a bench build reports that the work its requests left behind has finished
 * (`GET /bench/settled`: waitUntil promises, Queue messages not yet consumed, consumer batches
 * still running). Between oracle samples, so one sample's background work never lands on the
 * next; between load rounds, so one endpoint's backlog is not billed to the next one.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `${baseUrl}/bench/settled` every `pollMs` until it says settled or `maxWaitMs` passes.
 * Returns how long it waited, whether the work settled in time, and the slowest poll's round
 * trip: the polls are requests too, so one that lands while the background work runs shows what
 * that work costs a request arriving meanwhile.
 */
export async function waitForSettled(baseUrl, { maxWaitMs = 60_000, pollMs = 5, fetchImpl = fetch } = {}) {
  const started = performance.now();
  let slowestPollMs = 0;
  for (;;) {
    const sent = performance.now();
    const response = await fetchImpl(`${baseUrl}/bench/settled`);
    const state = await response.json();
    slowestPollMs = Math.max(slowestPollMs, performance.now() - sent);
    const waitedMs = performance.now() - started;
    if (state.settled) return { waitedMs, settled: true, slowestPollMs };
    if (waitedMs >= maxWaitMs) return { waitedMs, settled: false, state, slowestPollMs };
    await sleep(pollMs);
  }
}
