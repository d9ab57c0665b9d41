/**
 * The timing oracle: what an attacker timing requests learns about whether an email address has
 * an account. It behaves like a browser (a browser's User-Agent, Accept and Accept-Encoding
 * `gzip, deflate, br, zstd`, the whole body read and decompressed) and times two things for each
 * address:
 *   - the response: the reset request itself, from the first byte sent to the last body byte;
 *   - the request after: a `GET /healthz` sent the moment that response has ended, timed the
 *     same way. Work the reset request left behind (a background task, a Queue consumer batch)
 *     runs on the same isolate and local D1, and slows whatever arrives meanwhile;
 *   - during the background work: the slowest of the polls that wait for that work to finish
 *     (one every 2 ms), i.e. a request that lands while the consumer batch runs. Locally the
 *     batch shares workerd's threads with the requests; in production it is its own invocation.
 * Known and unknown addresses go in a shuffled interleaving (so drift in the machine's speed hits
 * both groups alike), one at a time over one keep-alive connection, and after every sample the
 * oracle waits until the bench build reports its background work finished (`/bench/settled`),
 * so no sample inherits the previous one's work.
 */
import { Agent, request as httpRequest } from "node:http";
import { randomInt } from "node:crypto";
import { createBrotliDecompress, createGunzip, createInflate, createZstdDecompress } from "node:zlib";
import { mannWhitneyU, median, percentile } from "../stats.mjs";
import { waitForSettled } from "./settle.mjs";

/** What Chrome sends with a `fetch()` from a page, as far as a server can see it. */
export const BROWSER_HEADERS = {
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-US,en;q=0.9",
  "sec-fetch-dest": "empty",
  "sec-fetch-mode": "cors",
  "sec-fetch-site": "same-origin",
};

const DECOMPRESSORS = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress, zstd: createZstdDecompress };

/**
 * Sends one request and resolves once the last body byte has been received and decompressed.
 * Returns the status, the milliseconds taken, the decompressed body size and the encoding used.
 */
export function timeRequest(agent, url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const sendHeaders = body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) };
    const started = process.hrtime.bigint();
    const req = httpRequest(url, { method, agent, headers: sendHeaders }, (res) => {
      const encoding = (res.headers["content-encoding"] ?? "identity").toLowerCase();
      const decompressor = DECOMPRESSORS[encoding];
      const stream = decompressor ? res.pipe(decompressor()) : res;
      let bytes = 0;
      stream.on("data", (chunk) => (bytes += chunk.length));
      stream.on("error", reject);
      stream.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes, encoding }));
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

/** Medians, 90th percentiles and the Mann-Whitney U test of known against unknown. */
function compare(known, unknown) {
  return {
    samples: { known, unknown },
    knownMedian: median(known),
    unknownMedian: median(unknown),
    knownP90: percentile(known, 0.9),
    unknownP90: percentile(unknown, 0.9),
    difference: median(known) - median(unknown),
    ...mannWhitneyU(known, unknown),
  };
}

/**
 * Runs the oracle against `${baseUrl}${path}` with bodies from `bodyFor(email)`. `headers` are
 * added to the browser's (e.g. content-type, origin); `client: "bare"` sends them alone. Returns `response` and `after`, each with
 * both samples, their medians and the test, plus what the run saw: unexpected statuses, content
 * encodings, and how long it waited for background work between samples.
 */
export async function measureTimingOracle({ baseUrl, path, headers, bodyFor, known, unknown, expectStatus, afterPath = "/healthz", client = "browser", settleMaxMs = 2_000, warmUp = 20, onProgress }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // "bare": only the headers the endpoint needs, no Accept-Encoding, as a script would send.
  const clientHeaders = client === "bare" ? {} : BROWSER_HEADERS;
  const resetRequest = (email) => ({ method: "POST", headers: { ...clientHeaders, ...headers }, body: bodyFor(email) });
  const afterRequest = { method: "GET", headers: clientHeaders };
  const order = shuffle([...known.map((email) => ({ email, known: true })), ...unknown.map((email) => ({ email, known: false }))]);
  const response = { known: [], unknown: [] };
  const after = { known: [], unknown: [] };
  const during = { known: [], unknown: [] };
  const waits = [];
  const encodings = {};
  let unsettled = 0;
  let unexpected = 0;
  const settle = async () => {
    const { waitedMs, settled, slowestPollMs } = await waitForSettled(baseUrl, { maxWaitMs: settleMaxMs, pollMs: 2 });
    if (!settled) unsettled += 1;
    return { waitedMs, slowestPollMs };
  };
  try {
    // Untimed pairs first, so neither group pays for a cold isolate or a cold connection.
    for (let i = 0; i < warmUp; i += 1) {
      await timeRequest(agent, `${baseUrl}${path}`, resetRequest(`warm-up-${i}@example.net`));
      await timeRequest(agent, `${baseUrl}${afterPath}`, afterRequest);
      await settle();
    }
    for (const [index, { email, known: isKnown }] of order.entries()) {
      const reset = await timeRequest(agent, `${baseUrl}${path}`, resetRequest(email));
      const next = await timeRequest(agent, `${baseUrl}${afterPath}`, afterRequest);
      if (reset.status !== expectStatus) unexpected += 1;
      if (next.status !== 200) unexpected += 1;
      encodings[reset.encoding] = (encodings[reset.encoding] ?? 0) + 1;
      (isKnown ? response.known : response.unknown).push(reset.ms);
      (isKnown ? after.known : after.unknown).push(next.ms);
      const { waitedMs, slowestPollMs } = await settle();
      waits.push(waitedMs);
      (isKnown ? during.known : during.unknown).push(slowestPollMs);
      if (index === 49 && median(waits) > 500) {
        onProgress?.(`warning: waiting ${median(waits).toFixed(0)} ms per sample for background work; the bench config's max_batch_timeout should be a fraction of a second`);
      }
    }
  } finally {
    agent.destroy();
  }
  return {
    response: compare(response.known, response.unknown),
    after: compare(after.known, after.unknown),
    during: compare(during.known, during.unknown),
    afterPath,
    client,
    unexpected,
    encodings,
    settle: { medianWaitMs: median(waits), p90WaitMs: percentile(waits, 0.9), unsettled, maxWaitMs: settleMaxMs },
  };
}

/** The plain sentence the report prints for one system's response or request-after test. */
export function describeOracle(name, test, { channel = "response", alpha = 0.01 } = {}) {
  const diff = `${Math.abs(test.difference).toFixed(3)} ms`;
  if (test.p <= alpha) {
    const slower = test.difference > 0 ? "known" : "unknown";
    const what = {
      response: `Responses for ${slower} addresses are`,
      after: `A request sent right after one for a ${slower} address is`,
      during: `A request that lands while the background work for a ${slower} address runs is`,
    }[channel];
    return `${name}: yes. ${what} slower by ${diff} at the median (${pClause(test.p)}, not above ${alpha}); an attacker timing requests from this machine can tell accounts apart.`;
  }
  const medians = { response: "The medians", after: "The medians of the request after", during: "The medians of the requests during the background work" }[channel];
  return `${name}: no. ${medians} differ by ${diff} and the test finds no difference between known and unknown addresses (${pClause(test.p)} > ${alpha}); an attacker timing requests could not tell accounts apart at this sample size.`;
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
