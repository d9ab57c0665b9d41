/**
 * Cost per request, read from the bench builds' counting D1 wrapper: statements sent and rows
 * D1 reported reading and writing, per request, including the work each request leaves
 * behind (read only once that work has finished and the tally has stopped moving). And the
 * password-hash cost, timed from outside the isolate because workerd's clock stands still during
 * pure CPU work.
 */
import { median } from "../stats.mjs";
import { waitForSettled } from "./settle.mjs";

async function readTally(baseUrl) {
  return (await fetch(`${baseUrl}/bench/d1-tally`)).json();
}

/**
 * Waits until the Worker reports its background work finished (Queue consumer batches
 * included) and the tally has stopped moving, then returns the tally.
 */
async function readSettledTally(baseUrl) {
  await waitForSettled(baseUrl, { maxWaitMs: 30_000, pollMs: 20 });
  let previous = await readTally(baseUrl);
  for (let stable = 0; stable < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await readTally(baseUrl);
    stable = current.statements === previous.statements ? stable + 1 : 0;
    previous = current;
  }
  return previous;
}

/** Sends `count` requests one at a time with `send(i)` and returns the per-request tally. */
export async function measureD1Cost(baseUrl, count, send) {
  await readSettledTally(baseUrl);
  await fetch(`${baseUrl}/bench/d1-tally/reset`, { method: "POST" });
  const statuses = new Set();
  for (let i = 0; i < count; i += 1) {
    const response = await send(i);
    await response.arrayBuffer();
    statuses.add(response.status);
  }
  const tally = await readSettledTally(baseUrl);
  return {
    statements: tally.statements / count,
    rowsRead: tally.rowsRead / count,
    rowsWritten: tally.rowsWritten / count,
    statuses: [...statuses],
  };
}

async function timeHashes(baseUrl, count) {
  const started = process.hrtime.bigint();
  const response = await fetch(`${baseUrl}/bench/hash-password?count=${count}`, { method: "POST" });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`hash timing failed: HTTP ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Milliseconds per password hash inside the Worker: (time for n hashes - time for none) / n. */
export async function measureHashCost(baseUrl, hashesPerRound = 10, rounds = 3) {
  await timeHashes(baseUrl, 1);
  const perHash = [];
  for (let round = 0; round < rounds; round += 1) {
    const empty = await timeHashes(baseUrl, 0);
    const full = await timeHashes(baseUrl, hashesPerRound);
    perHash.push((full - empty) / hashesPerRound);
  }
  return median(perHash);
}
