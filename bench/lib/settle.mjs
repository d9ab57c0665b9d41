/**
 * Waits until a bench build reports that the work its requests left behind has finished
 * (`GET /bench/settled`: waitUntil promises, Queue messages not yet consumed, consumer batches
 * still running). Between oracle samples, so one sample's background work never lands on the
 * next; between load rounds, so one endpoint's backlog is not billed to the next one.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `${baseUrl}/bench/settled` every `pollMs` until it says settled or `maxWaitMs` passes.
 * Returns how long it waited and whether the work settled in time.
 */
export async function waitForSettled(baseUrl, { maxWaitMs = 60_000, pollMs = 5, fetchImpl = fetch } = {}) {
  const started = performance.now();
  for (;;) {
    const response = await fetchImpl(`${baseUrl}/bench/settled`);
    const state = await response.json();
    const waitedMs = performance.now() - started;
    if (state.settled) return { waitedMs, settled: true };
    if (waitedMs >= maxWaitMs) return { waitedMs, settled: false, state };
    await sleep(pollMs);
  }
}
