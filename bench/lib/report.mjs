/**
 * Turns the bench's measurements into bench/RESULTS.md (one table per section, figures rounded
 * for reading, ratios computed from figures of the same run) and into the small
 * bench/results/summary.json the repository keeps (every figure, no raw samples).
 */
import { describeOracle, formatP } from "./timing-oracle.mjs";

const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const us = (value) => (Number.isFinite(value) ? `${(value * 1000).toFixed(1)} µs` : "n/a");
const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : "n/a");
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 0.1 ? 3 : 2)}×` : "n/a");
const signed = (value) => (Number.isFinite(value) ? `${value >= 0 ? "+" : ""}${value.toFixed(3)}` : "n/a");
const target = (value, goal) => (Number.isFinite(value) ? `${ratio(value)} (${value >= goal ? "met" : "**not met**"})` : "n/a");

function table(header, rows) {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function statuses(load) {
  return Object.entries(load.statusCounts)
    .map(([status, count]) => `${status}×${count}`)
    .concat(load.errors ? [`errors×${load.errors}`] : [], load.timeouts ? [`timeouts×${load.timeouts}`] : [])
    .join(" ");
}

/** The summary the repository keeps: every figure of the run, without the raw samples. */
export function summariseResults(r) {
  // Pairs name their throughput rows instead of repeating them.
  const pairs = r.pairs.map((pair) => ({
    label: pair.label,
    resetkit: pair.resetkit ? `${pair.resetkit.system} ${pair.resetkit.endpoint}` : null,
    peer: pair.peer ? `${pair.peer.system} ${pair.peer.endpoint}` : null,
    rpsRatio: pair.resetkit?.load && pair.peer?.load ? pair.resetkit.load.rps / pair.peer.load.rps : null,
    p50Ratio: pair.resetkit?.load && pair.peer?.load ? pair.resetkit.load.p50 / pair.peer.load.p50 : null,
  }));
  return JSON.parse(
    JSON.stringify({ ...r, pairs }, (key, value) => {
      if (key === "samples") return undefined;
      if (typeof value === "number" && !Number.isInteger(value)) return Number(value.toPrecision(5));
      return value;
    }),
  );
}

/** One table row per oracle channel: the response itself, the request after it, and the requests during the background work. */
function oracleRows(oracles) {
  return oracles.flatMap(({ system, oracle }) =>
    [
      ["response", oracle.response],
      [`request after (\`GET ${oracle.afterPath}\`)`, oracle.after],
      ...(oracle.during ? [["during the background work (slowest poll)", oracle.during]] : []),
    ].map(([channel, test]) => [
      system,
      channel,
      `${test.samples?.known.length ?? "?"} / ${test.samples?.unknown.length ?? "?"}`,
      ms(test.knownMedian),
      ms(test.unknownMedian),
      signed(test.difference),
      `${ms(test.knownP90)} / ${ms(test.unknownP90)}`,
      fixed(test.u, 1),
      fixed(test.z, 2),
      formatP(test.p),
      test.p > 0.01 ? "passes" : "**fails**",
    ]),
  );
}

const ORACLE_HEADER = ["system", "what is timed", "n known / unknown", "median known ms", "median unknown ms", "difference ms", "p90 known / unknown ms", "U", "z", "p (Mann-Whitney, two-sided)", "p > 0.01"];

function oracleSentences(oracles) {
  return oracles
    .flatMap(({ system, oracle }) => [
      describeOracle(system, oracle.response),
      describeOracle(system, oracle.after, { channel: "after" }),
      ...(oracle.during ? [describeOracle(system, oracle.during, { channel: "during" })] : []),
    ])
    .map((line) => `- ${line}`)
    .join("\n");
}

function settleLine({ system, oracle }) {
  const encodings = Object.entries(oracle.encodings).map(([encoding, count]) => `${encoding} ×${count}`).join(", ");
  return `- ${system}: response bodies arrived as ${encodings}; the wait for background work after each sample was ${ms(oracle.settle.medianWaitMs)} ms at the median (p90 ${ms(oracle.settle.p90WaitMs)} ms), and ${oracle.settle.unsettled} samples were not settled within ${oracle.settle.maxWaitMs} ms; ${oracle.unexpected} unexpected statuses.`;
}

/** Renders the whole report. */
export function renderResults(r) {
  const ceiling = r.throughput.find((row) => row.system === "ResetKit" && row.endpoint === "GET /healthz");
  const throughputRows = r.throughput.map((row) => [
    row.system,
    `\`${row.endpoint}\``,
    row.load ? fixed(row.load.rps) : "not available",
    row.load ? ms(row.load.p50) : "",
    row.load ? ms(row.load.p99) : "",
    row.load && ceiling?.load ? ratio(row.load.rps / ceiling.load.rps) : "",
    row.load?.drainSeconds !== undefined ? fixed(row.load.drainSeconds, 2) : "",
    row.load ? `${row.load.requests} (${statuses(row.load)})` : row.note ?? "",
  ]);
  const ratioRows = r.ratios.map((row) => [row.system, target(row.knownOverUnknown, 0.95), target(row.knownOverHealthz, 0.8), ratio(row.knownOverUnknownWithDrain)]);
  const pairRows = r.pairs.map((pair) => [
    pair.label,
    pair.resetkit?.load && pair.peer?.load ? ratio(pair.resetkit.load.rps / pair.peer.load.rps) : "n/a",
    pair.resetkit?.load && pair.peer?.load ? ratio(pair.resetkit.load.p50 / pair.peer.load.p50) : "n/a",
    pair.resetkit?.load && pair.peer?.load ? ratio(pair.resetkit.load.p99 / pair.peer.load.p99) : "n/a",
  ]);
  const peerHealthz = r.healthz.at(-1);
  const healthzRows = r.healthz.map((row) => [
    row.label,
    fixed(row.load.rps),
    ms(row.load.p50),
    peerHealthz ? ratio(row.load.rps / peerHealthz.load.rps) : "n/a",
    ms(row.latency?.median),
    peerHealthz?.latency ? signed(row.latency.median - peerHealthz.latency.median) : "n/a",
  ]);
  const costRows = r.costs.map((row) => [
    row.system,
    `\`${row.endpoint}\``,
    row.cost ? fixed(row.cost.statements, 2) : "not available",
    row.cost ? fixed(row.cost.rowsRead, 1) : "",
    row.cost ? fixed(row.cost.rowsWritten, 1) : "",
    row.cost ? row.cost.statuses.join(", ") : "",
  ]);
  const growthRows = r.growth.map((row) => [
    `\`${row.endpoint}\``,
    row.empty ? `${fixed(row.empty.rps)} / ${ms(row.empty.p50)} / ${ms(row.empty.p99)}` : "n/a",
    row.seeded ? `${fixed(row.seeded.rps)} / ${ms(row.seeded.p50)} / ${ms(row.seeded.p99)}` : "n/a",
    row.empty && row.seeded ? ratio(row.seeded.rps / row.empty.rps) : "n/a",
    row.emptyCost && row.seededCost ? `${fixed(row.emptyCost.rowsRead, 1)} → ${fixed(row.seededCost.rowsRead, 1)}` : "n/a",
    row.consumerHeld && row.empty && row.seeded
      ? `${ms((row.empty.drainSeconds * 1000) / row.empty.requests)} → ${ms((row.seeded.drainSeconds * 1000) / row.seeded.requests)}`
      : "",
  ]);
  const load = r.load;
  const loadRows = load
    ? [
        [
          `${fixed(load.load.seconds, 1)} s`,
          String(load.connections),
          String(load.load.requests),
          String(load.load.statusCounts[202] ?? 0),
          String(load.load.statusCounts[429] ?? 0),
          String(load.unexpected),
          fixed(load.load.rps),
          ms(load.load.p50),
          ms(load.load.p99),
          fixed(load.drainSeconds, 1),
        ],
      ]
    : [];
  const checkRows = load ? load.checks.map((check) => [check.what, String(check.expected), String(check.actual), check.expected === check.actual ? "yes" : "**NO**"]) : [];
  const s = r.settings;

  return `# ResetKit benchmark results

Generated by \`npm run bench\` on ${r.startedAt} in ${fixed(r.totalSeconds / 60, 1)} minutes. Every figure below comes from this one run; \`bench/results/summary.json\` holds the same figures for diffing.

## Machine

${table(["", ""], [
    ["CPU", `${r.machine.cores} cores, ${r.machine.cpu}`],
    ["Memory", `${r.machine.memoryGb} GB`],
    ["OS", r.machine.os],
    ["Node.js", r.machine.node],
    ["workerd", r.machine.workerd],
    ["wrangler", r.machine.wrangler],
    ["better-auth", r.machine.betterAuth],
    ["autocannon", r.machine.autocannon],
  ])}

Reproduce from a clean checkout with the project's dependencies installed (Node 24):

\`\`\`sh
npm run bench    # installs bench/package.json's dependencies on first use, then runs bench/run.mjs
\`\`\`

## How it was measured

- Both systems run under \`wrangler dev\` ${r.machine.wrangler} (workerd ${r.machine.workerd}) with a local D1, on 127.0.0.1, started by \`bench/run.mjs\`. ResetKit runs its bench build \`bench/resetkit/wrangler.toml\`; Better Auth runs \`bench/peers/better-auth/wrangler.toml\`.
- **Rate limits are lifted for the bench**: ResetKit's bench build sets \`RATE_LIMITS = "off"\` (honoured only when \`ENVIRONMENT\` is development) and Better Auth runs with \`rateLimit: { enabled: false }\`. Without this both would answer 429 after a few requests.
- Both bench builds wrap their D1 binding in the same counting wrapper (\`bench/instrumentation/counting-d1.ts\`) and track the work their requests leave behind (\`bench/instrumentation/background-work.ts\`: \`waitUntil\` promises, Queue messages not yet consumed, consumer batches running), which \`GET /bench/settled\` reports. Every statement still runs on the real local D1.
- Load: autocannon, ${s.connections} connections. \`/healthz\` and the known- and unknown-address reset requests of one system run **side by side**: ${s.sideBySideRounds} rounds of ${s.sideBySideSeconds} s each, taking turns, and after each turn the bench waits until that system's background work has finished ("drain s" below), so no endpoint is billed for another's backlog. During ResetKit's turns its Queue consumer is **held** (\`POST /bench/consumer/hold\`, the one thing the bench build changes) and released for the drain: in production the consumer is an invocation of its own, while locally it would share workerd's threads with the requests being measured, so a turn measures the request path alone and the drain measures the consumer's work. Other endpoints run ${s.durationSeconds} s each (token-consuming endpoints send a fixed number of requests, one fresh token each). autocannon runs on the same ${r.machine.cores} cores as workerd, so the absolute figures are lower than on a dedicated load machine; the ratios compare like with like.
- Accounts and live tokens are seeded as SQL (\`bench/lib/seed.mjs\`) with each system's own password hash and token format, then loaded with \`wrangler d1 execute --local\` before the Worker starts.
- p50 and p99 come from every response's own duration; req/s is responses divided by the time the load ran.

## Throughput and latency

The ceiling is ResetKit's bare \`GET /healthz\` on the same runtime in the same run; "vs ceiling" divides each row by it. "drain s" is the time, summed over a side-by-side row's turns, until the background work its requests left had finished.

${table(["system", "endpoint", "req/s", "p50 ms", "p99 ms", "req/s vs ceiling", "drain s", "responses (status×count)"], throughputRows)}

### Reset request ratios

From the side-by-side rows above. Targets: known ÷ unknown ≥ 0.95 (a known address costs the answer no more than an unknown one), known ÷ \`/healthz\` ≥ 0.8. The last column also counts the drain time after each turn, i.e. the rate at which the work itself is done.

${table(["system", "known ÷ unknown req/s", "known ÷ /healthz req/s", "known ÷ unknown, drain counted"], ratioRows)}

### ResetKit / Better Auth

Above 1× means ResetKit serves more requests per second; for latency, below 1× means ResetKit answers faster. The rows "at ResetKit's scrypt" compare against a second Better Auth peer whose \`emailAndPassword.password.hash\`/\`verify\` use scrypt N=16384, r=8, p=5 (\`bench/peers/better-auth/src/resetkit-scrypt.ts\`), i.e. equal hashing work.

${table(["endpoint pair", "req/s ratio", "p50 ratio", "p99 ratio"], pairRows)}

### Why ResetKit's \`/healthz\` trails Better Auth's

Variants of ResetKit's bench build, measured side by side with Better Auth's \`/healthz\` (${s.sideBySideRounds} rounds of ${s.sideBySideSeconds} s each, ${s.connections} connections), then one request at a time in turns (${s.healthzLatencyRounds} each), which shows the work per request even when the machine is busy. Without [assets] and with \`run_worker_first\` are the same bench config rewritten at run time (\`bench/lib/config-variants.mjs\`).

${table(["variant", "req/s", "p50 ms", "req/s vs Better Auth", "alone: median ms", "alone: vs Better Auth ms"], healthzRows)}

## Timing oracle: can an attacker tell accounts apart?

${s.oracleRequestsPerGroup} known and ${s.oracleRequestsPerGroup} unknown addresses per system (the same length, every address used once), in a random interleaving, one at a time over one keep-alive connection, after 20 untimed warm-up samples. The client behaves like a browser's \`fetch()\`: Chrome's User-Agent, \`Accept: */*\`, \`Accept-Encoding: gzip, deflate, br, zstd\`, Accept-Language and Sec-Fetch headers. Two times per sample, both from the first byte sent to the **last body byte received and decompressed** (\`process.hrtime\` in Node):

- **response**: the reset request itself;
- **request after**: a \`GET /healthz\` sent the moment that response has ended, on the same connection. Work the reset request left behind (a background task, a Queue consumer batch) runs on the same isolate and local D1, and slows whatever arrives meanwhile.

After each sample the oracle waits until the Worker reports its background work finished (\`/bench/settled\`, polled every 2 ms, at most ${s.oracleSettleMaxMs} ms), so no sample inherits the previous one's work. Those polls are requests too: the slowest one per sample is a third row, **during the background work**, a request that lands while ResetKit's Queue consumer handles the message. ResetKit's bench config starts a consumer batch 0.1 s after its first message (production: up to 1 s, \`max_batch_timeout = 1\`), so the batch never overlaps the request's own answer or the request after it, but locally it shares workerd's threads with whatever arrives while it runs; in production the consumer is an invocation of its own, whose effect on other requests is not measured here. The test is a two-sided Mann-Whitney U, known against unknown; a system **passes** when p > 0.01. The targets are the first two rows.

${table(ORACLE_HEADER, oracleRows(r.oracles))}

${oracleSentences(r.oracles)}

${r.oracles.map(settleLine).join("\n")}

![Response time distributions, known vs unknown email, both systems](results/timing.svg)

${r.bareOracles?.length ? `The same oracle for ResetKit from a bare client (only \`content-type\`, no Accept-Encoding, as a script would send), and from a browser asking in German (\`Accept-Language: de\`, so every answer and email is German), ${s.bareOracleRequestsPerGroup} addresses per group each:

${table(ORACLE_HEADER, oracleRows(r.bareOracles))}

${r.bareOracles.map(settleLine).join("\n")}
` : ""}
## Cost per request

D1 statements each request sends, counted by the wrapper around the binding, including the work each request leaves behind (read once it has all finished); rows read and written as D1 reports them in \`meta\`. Averaged over ${s.costRequests} sequential requests each.

${table(["system", "endpoint", "D1 statements / request", "rows read / request", "rows written / request", "statuses seen"], costRows)}

Password hashing inside the Worker (time for ${s.hashesPerRound} hashes minus time for none, divided by ${s.hashesPerRound}, median of 3; timed from outside because workerd's clock does not advance during pure CPU work):

${table(["system", "scheme", "ms per hash"], r.hashCosts.map((row) => [row.system, row.scheme, ms(row.ms)]))}

## What localisation costs a page

${r.renderCost ? `Today's pages against the same pages before the catalogue (commit \`${r.renderCost.baseline}\`), bundled alike and run in turns in one Node process (${r.renderCost.turns} turns of ${r.renderCost.rendersPerTurn} each; time per page, medians):

${table(["measure", "before", "today, English", "today ÷ before"], [
  ["served: the Worker's whole answer to GET /forgot-password, /sign-up, /sign-in", us(r.renderCost.medianMsPerPage.servedBefore), us(r.renderCost.medianMsPerPage.served), `${r.renderCost.ratios.served.toFixed(2)}×`],
  ["document: the HTML renderPage sends for the forgot-password, reset and sign-up pages", us(r.renderCost.medianMsPerPage.documentBefore), us(r.renderCost.medianMsPerPage.document), `${r.renderCost.ratios.document.toFixed(2)}×`],
  ["response: the same pages as renderPage's Response, read back as text", us(r.renderCost.medianMsPerPage.responseBefore), us(r.renderCost.medianMsPerPage.response), `${r.renderCost.ratios.response.toFixed(2)}×`],
])}

The same pages in German cost ${r.renderCost.ratios.germanToEnglish.toFixed(2)}× English, in Arabic ${r.renderCost.ratios.arabicToEnglish.toFixed(2)}×. What a page pays for beyond the words: the language chooser (six links), the policy sentences the page script needs, and \`Content-Language\`. The head, the language list and the footer are the same on every visit to a page in a language, so React renders them once per isolate and the pages after reuse the markup (worker/src/web/pages/kept-markup.ts). The empty forms go further: a GET of the forgot-password, sign-up or sign-in form is the same page for every visitor but for the CSRF token, so it is rendered once per language and reused with each visitor's own token put in (worker/src/web/render.ts), which is why serving one costs less than before the catalogue; a page with a visitor's input in it (an error, a typed address) is rendered afresh, at the document row's cost. The pages are about 1.5 times the bytes they were, mostly the chooser; the response row grows with the bytes because Node's Response encodes and decodes the body in JavaScript, which workerd does natively.` : "Not measured: git has no commit to compare with."}

## Growth: ${s.growthAccounts.toLocaleString("en")} accounts and ${s.growthAccounts.toLocaleString("en")} live tokens

Same endpoints, ${s.durationSeconds} s each. "Working set" is a database holding only the bench's own accounts (${s.workingSetAccounts} accounts); "seeded" adds ${s.growthAccounts.toLocaleString("en")} accounts with one live reset token each (seeding took ${fixed(s.growthSeedSeconds, 0)} s).

${table(["endpoint", "working set: req/s / p50 / p99", "seeded: req/s / p50 / p99", "req/s seeded ÷ working set", "rows read per request (working set → seeded)", "consumer drain per request, ms (working set → seeded)"], growthRows)}

Both sides of each row ran alike: for the reset requests the Queue consumer was held during the load and released after it, so req/s compares the request path with the request path, and the last column shows what the consumer's share (the lookup, the token, the email) costs against a database of the two sizes.

## Load: ${load ? fixed(load.load.seconds, 0) : "n/a"} s at ${load?.connections ?? "n/a"} connections on \`POST /api/v1/password-resets\`

${load ? load.description : "Not run."}

${table(["duration", "connections", "requests", "202", "429", "anything else", "req/s", "p50 ms", "p99 ms", "background work done after s"], loadRows)}

What D1 holds once the background work has finished, against what the accepted requests should have made:

${table(["check", "expected", "in D1", "match"], checkRows)}

## Findings

${r.findings.map((line) => `- ${line}`).join("\n")}
`;
}
