/**
 * One autocannon run against one endpoint, summarised the way the report needs it:
 * requests per second over the whole run, p50 and p99 latency from every response's own
 * high-resolution duration (autocannon's histogram rounds to whole milliseconds, too coarse
 * next to a sub-millisecond /healthz), and the count of each status code.
 */
import autocannon from "autocannon";
import { percentile } from "../stats.mjs";

/**
 * Runs a load. `body` may be a function, called once per request, for bodies that must differ
 * (one reset token per confirm). Give `duration` in seconds or an exact `amount` of requests.
 */
export async function runLoad(options) {
  const started = process.hrtime.bigint();
  const round = await runRound(options);
  return summarise([round], Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Keeps a load going for at least `seconds`, in rounds of exactly `roundAmount` requests. Every
 * round runs to its last answer, so the caller knows exactly which requests were sent and
 * answered (a duration-bound run would cut off requests in flight); the run ends after the first
 * round that finishes past `seconds`.
 */
export async function runSustainedLoad({ seconds, roundAmount, ...options }) {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const rounds = [];
  while (rounds.length === 0 || elapsed() < seconds) rounds.push(await runRound({ ...options, amount: roundAmount }));
  return summarise(rounds, elapsed());
}

/**
 * Measures several endpoints side by side: `rounds` rounds of `seconds` each per endpoint,
 * taking turns (the first to go rotates every round), so drift in the machine's speed during
 * the run hits every endpoint alike. `before(run)` runs before each turn, untimed; after each
 * turn, `between(run)` may wait for that endpoint's background work to finish, so its backlog
 * is not billed to the next endpoint; the time that took is reported as `drainSeconds`. Returns
 * one summary per run, in order.
 */
export async function runSideBySide(runs, { rounds = 3, seconds = 2, before, between }) {
  const collected = runs.map(() => []);
  const busySeconds = runs.map(() => 0);
  const drainSeconds = runs.map(() => 0);
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < runs.length; turn += 1) {
      const i = (turn + round) % runs.length;
      await before?.(runs[i]);
      const started = process.hrtime.bigint();
      collected[i].push(await runRound({ ...runs[i], duration: seconds, amount: undefined }));
      const ran = process.hrtime.bigint();
      busySeconds[i] += Number(ran - started) / 1e9;
      await between?.(runs[i]);
      drainSeconds[i] += Number(process.hrtime.bigint() - ran) / 1e9;
    }
  }
  return runs.map((_, i) => ({ ...summarise(collected[i], busySeconds[i]), drainSeconds: drainSeconds[i], rounds, secondsPerRound: seconds }));
}

/** One autocannon run, with every response's duration and status. */
async function runRound({ url, method = "GET", headers = {}, body, connections = 10, duration, amount, timeout = 30 }) {
  const latencies = [];
  const statusCounts = {};
  const request = { method, headers };
  if (typeof body === "function") request.setupRequest = (req) => ({ ...req, body: body() });
  else if (body !== undefined) request.body = body;
  const instance = autocannon({
    url,
    connections,
    ...(amount !== undefined ? { amount } : { duration }),
    timeout,
    requests: [request],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  return { latencies, statusCounts, errors: result.errors, timeouts: result.timeouts };
}

function summarise(rounds, seconds) {
  const latencies = rounds.flatMap((round) => round.latencies);
  const statusCounts = {};
  for (const round of rounds) {
    for (const [status, count] of Object.entries(round.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  }
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    statusCounts,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    timeouts: rounds.reduce((sum, round) => sum + round.timeouts, 0),
  };
}

/** Status codes outside `allowed`, with their counts, plus socket errors and timeouts. */
export function countUnexpected(load, allowed) {
  let unexpected = load.errors + load.timeouts;
  for (const [status, count] of Object.entries(load.statusCounts)) if (!allowed.includes(Number(status))) unexpected += count;
  return unexpected;
}
