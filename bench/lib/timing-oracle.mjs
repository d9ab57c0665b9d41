/**
 * The timing oracle: what an attacker measuring response times learns about whether an email
 * address has an account. It sends known and unknown addresses one at a time, in a shuffled
 * interleaving (so drift in the machine's speed hits both groups alike), over one keep-alive
 * connection, and times each response from the first byte sent to the last byte received.
 */
import { Agent, request as httpRequest } from "node:http";
import { randomInt } from "node:crypto";
import { mannWhitneyU, median, percentile } from "../stats.mjs";

function timeRequest(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpRequest(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function shuffle(items) {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Times `known.length + unknown.length` requests built by `bodyFor(email)`. Returns both
 * samples, their medians and the Mann-Whitney U test between them.
 */
export async function measureTimingOracle({ url, headers, bodyFor, known, unknown, expectStatus }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const order = shuffle([...known.map((email) => ({ email, known: true })), ...unknown.map((email) => ({ email, known: false }))]);
  const samples = { known: [], unknown: [] };
  // Every time again, grouped by the address of the request before it: work a request leaves
  // behind may slow the next one, which an attacker could time with a follow-up request.
  const followUp = { afterKnown: [], afterUnknown: [] };
  let previousKnown;
  let unexpected = 0;
  try {
    // A few untimed requests first, so neither group pays for a cold isolate.
    for (let i = 0; i < 20; i += 1) await timeRequest(agent, url, headers, bodyFor(`warm-up-${i}@example.net`));
    for (const { email, known: isKnown } of order) {
      const { status, ms } = await timeRequest(agent, url, headers, bodyFor(email));
      if (status !== expectStatus) unexpected += 1;
      (isKnown ? samples.known : samples.unknown).push(ms);
      if (previousKnown !== undefined) (previousKnown ? followUp.afterKnown : followUp.afterUnknown).push(ms);
      previousKnown = isKnown;
    }
  } finally {
    agent.destroy();
  }
  const test = mannWhitneyU(samples.known, samples.unknown);
  return {
    samples,
    unexpected,
    knownMedian: median(samples.known),
    unknownMedian: median(samples.unknown),
    knownP90: percentile(samples.known, 0.9),
    unknownP90: percentile(samples.unknown, 0.9),
    difference: median(samples.known) - median(samples.unknown),
    ...test,
    followUp: {
      n: [followUp.afterKnown.length, followUp.afterUnknown.length],
      afterKnownMedian: median(followUp.afterKnown),
      afterUnknownMedian: median(followUp.afterUnknown),
      difference: median(followUp.afterKnown) - median(followUp.afterUnknown),
      ...mannWhitneyU(followUp.afterKnown, followUp.afterUnknown),
    },
  };
}

/** The plain sentence the report prints for one system. */
export function describeOracle(name, oracle, alpha = 0.01) {
  const diff = `${Math.abs(oracle.difference).toFixed(3)} ms`;
  if (oracle.p < alpha) {
    const slower = oracle.difference > 0 ? "known" : "unknown";
    return `${name}: yes. Responses for ${slower} addresses are slower by ${diff} at the median (${pClause(oracle.p)} < ${alpha}); an attacker timing requests from this machine can tell accounts apart.`;
  }
  return `${name}: no. The medians differ by ${diff} and the test finds no difference between the two distributions (${pClause(oracle.p)} ≥ ${alpha}); an attacker timing requests could not tell accounts apart at this sample size.`;
}

/** The plain sentence the report prints about the request after a known or unknown one. */
export function describeFollowUp(name, followUp, alpha = 0.01) {
  const diff = `${Math.abs(followUp.difference).toFixed(3)} ms`;
  if (followUp.p < alpha) {
    const slower = followUp.difference > 0 ? "known" : "unknown";
    return `${name}: yes. A request sent right after one for a ${slower} address is slower by ${diff} at the median (${pClause(followUp.p)} < ${alpha}); on one isolate, an attacker who times their own next request can tell accounts apart.`;
  }
  return `${name}: no. Requests after known and after unknown addresses differ by ${diff} at the median and the test finds no difference (${pClause(followUp.p)} ≥ ${alpha}).`;
}

function pClause(p) {
  const text = formatP(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** A p-value for humans: four significant digits, or an upper bound when tiny. */
export function formatP(p) {
  if (!Number.isFinite(p)) return "n/a";
  if (p < 1e-6) return "< 0.000001";
  return p.toPrecision(4);
}
