/**
 * Per-request latency of several endpoints, taken one request at a time in turn (endpoint 1,
 * 2, 3, ..., then again), each over its own keep-alive connection. Taking turns request by
 * request makes any slowdown of a shared machine hit every endpoint alike, so the medians
 * compare the work each endpoint does per request even when throughput runs are noisy.
 */
import { Agent } from "node:http";
import { median, percentile } from "../stats.mjs";
import { timeRequest } from "./timing-oracle.mjs";

/** Times `rounds` requests to each of `urls` (GET), in turns, after `warmUp` untimed turns. */
export async function measureInterleavedLatency(urls, { rounds = 300, warmUp = 20 } = {}) {
  const agents = urls.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const times = urls.map(() => []);
  try {
    for (let round = 0; round < warmUp + rounds; round += 1) {
      for (const [i, url] of urls.entries()) {
        const { ms } = await timeRequest(agents[i], url);
        if (round >= warmUp) times[i].push(ms);
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return times.map((sample) => ({ n: sample.length, median: median(sample), p90: percentile(sample, 0.9) }));
}
