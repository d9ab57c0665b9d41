#!/usr/bin/env node
/**
 * `npm run bench`: measures ResetKit against the runtime ceiling (/healthz) and against Better
 * Auth on the same workerd and D1, explains the /healthz gap between the two with variants of
 * ResetKit's bench build, compares sign-in and reset-password with Better Auth hashing at
 * ResetKit's scrypt work factor, runs the browser-like timing oracle for both, counts D1 work
 * per request, repeats the reset figures with 100,000 accounts and tokens, holds a sustained
 * load, and writes bench/RESULTS.md, bench/results/summary.json and bench/results/timing.svg
 * (plus the raw bench/results/results.json, which is not committed). Sized to finish in under
 * 12 minutes on a 2-core machine.
 *
 * BENCH_ONLY=oracle runs just ResetKit's timing oracle and prints it; BENCH_ONLY=healthz just
 * the /healthz variants. Both write nothing. BENCH_ORACLE_REQUESTS sets the samples per group,
 * BENCH_HEALTHZ_ROUNDS the one-at-a-time /healthz requests per variant; BENCH_DURATION_SECONDS,
 * BENCH_ROUND_SECONDS, BENCH_GROWTH_ACCOUNTS and BENCH_LOAD_SECONDS shrink a run for a quick try.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { hashPassword as hashBetterAuthPassword } from "better-auth/crypto";
import { startWorker } from "../test/support/wrangler-dev.ts";
import { hashPassword as hashResetKitPassword } from "../worker/src/crypto/password-hash.ts";
import { hashWithResetKitScrypt } from "./peers/better-auth/src/resetkit-scrypt.ts";
import { renderTimingChart } from "./lib/chart.mjs";
import { measureD1Cost, measureHashCost } from "./lib/d1-cost.mjs";
import { countUnexpected, runLoad, runSideBySide, runSustainedLoad } from "./lib/load.mjs";
import { renderResults, summariseResults } from "./lib/report.mjs";
import { benchEmails, writeBetterAuthSeed, writeResetKitSeed } from "./lib/seed.mjs";
import { waitForSettled } from "./lib/settle.mjs";
import { describeOracle, measureTimingOracle } from "./lib/timing-oracle.mjs";
import { measureRenderCost } from "./lib/render-cost.mjs";
import { writeConfigVariant } from "./lib/config-variants.mjs";
import { measureInterleavedLatency } from "./lib/interleaved-latency.mjs";
import { executeSqlFile, queryRows, ROOT } from "./lib/wrangler.mjs";

const SETTINGS = {
  connections: 10,
  // Side-by-side runs: each endpoint gets `sideBySideRounds` turns of `sideBySideSeconds`.
  sideBySideRounds: 3,
  sideBySideSeconds: Number(process.env.BENCH_ROUND_SECONDS ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 6),
  oracleRequestsPerGroup: Number(process.env.BENCH_ORACLE_REQUESTS ?? 1000),
  // The same oracle from a bare client (no Accept-Encoding), smaller: a contrast, not the test.
  bareOracleRequestsPerGroup: Math.min(Number(process.env.BENCH_ORACLE_REQUESTS ?? 1000), 300),
  oracleSettleMaxMs: 1_000,
  healthzLatencyRounds: Number(process.env.BENCH_HEALTHZ_ROUNDS ?? 300),
  costRequests: 20,
  hashesPerRound: 10,
  growthAccounts: Number(process.env.BENCH_GROWTH_ACCOUNTS ?? 100_000),
  loadSeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 60),
  loadConnections: 100,
  confirmTokens: 400,
  workingSetAccounts: 0,
  growthSeedSeconds: 0,
};
const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "violet lantern orbits quietly 2026";
const RESETKIT_CONFIG = "bench/resetkit/wrangler.toml";
const PEER_CONFIG = "bench/peers/better-auth/wrangler.toml";
const JSON_HEADERS = { "content-type": "application/json" };
const startedAt = Date.now();
const ONLY = process.env.BENCH_ONLY;

function progress(message) {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${elapsed}s] ${message}`);
}

/** Cycles through `items`, one per call. */
function cycle(items) {
  let next = 0;
  return () => items[next++ % items.length];
}

/** Hands out `items` once each; past the end it repeats the last (never reached when sized right). */
function drain(items) {
  let next = 0;
  return () => items[Math.min(next++, items.length - 1)];
}

/** The installed version of a package, from the bench's own install or else the project's. */
async function readVersion(name) {
  const read = (dir) => readFile(join(ROOT, dir, "node_modules", name, "package.json"), "utf8");
  const manifest = JSON.parse(await read("bench").catch(() => read(".")));
  return manifest.version;
}

/** Waits, up to a minute, until the Worker at `url`'s origin has finished its background work. */
async function settleAfter({ url }) {
  const started = process.hrtime.bigint();
  const { settled, state } = await waitForSettled(new URL(url).origin, { maxWaitMs: 60_000, pollMs: 20 });
  if (!settled) progress(`      background work still running after 60 s: ${JSON.stringify(state)}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Asks ResetKit's bench build to hold (or release) its Queue consumer; see bench/resetkit/index.ts. */
async function setConsumerHeld({ url }, held) {
  const response = await fetch(`${new URL(url).origin}/bench/consumer/${held ? "hold" : "release"}`, { method: "POST" });
  if (!response.ok) throw new Error(`the bench build refused to ${held ? "hold" : "release"} its consumer: HTTP ${response.status}`);
}

// Addresses are the same length for known and unknown, so request sizes never differ.
const WORKING_SET = {
  loadKnown: benchEmails("loadk", 200),
  oracleKnown: benchEmails("orack", SETTINGS.oracleRequestsPerGroup),
  confirm: benchEmails("confm", SETTINGS.confirmTokens),
  verify: benchEmails("verfy", 20),
  cost: benchEmails("costa", SETTINGS.costRequests * 2),
  signIn: benchEmails("signn", 1),
};
const UNKNOWN = {
  load: benchEmails("loadu", 5000),
  oracle: benchEmails("oracu", SETTINGS.oracleRequestsPerGroup),
  cost: benchEmails("costu", SETTINGS.costRequests),
};
const ALL_WORKING_SET = Object.values(WORKING_SET).flat();
SETTINGS.workingSetAccounts = ALL_WORKING_SET.length;

/** Starts a Worker with seed SQL written by `writeSeed(file)` loaded before it starts. */
async function startSeeded(config, writeSeed, vars) {
  const dir = await mkdtemp(join(tmpdir(), "resetkit-bench-seed-"));
  let seeded;
  try {
    const worker = await startWorker({
      config,
      vars,
      startupTimeoutMs: 120_000,
      seed: async (persistDir) => {
        const file = join(dir, "seed.sql");
        seeded = await writeSeed(file);
        await executeSqlFile(persistDir, config, file);
      },
    });
    return { worker, seeded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per oracle channel, for the console. */
function printOracle(name, oracle) {
  for (const [channel, test] of [["response", oracle.response], ["request after", oracle.after], ["during background work", oracle.during]]) {
    progress(`      ${channel}: medians known ${test.knownMedian.toFixed(3)} / unknown ${test.unknownMedian.toFixed(3)} ms, difference ${test.difference.toFixed(3)} ms, z ${test.z.toFixed(2)}, p = ${test.p.toPrecision(3)}`);
  }
  progress(`      encodings ${JSON.stringify(oracle.encodings)}, unexpected statuses ${oracle.unexpected}, waited ${oracle.settle.medianWaitMs.toFixed(1)} ms (median) per sample for background work, ${oracle.settle.unsettled} samples not settled within ${oracle.settle.maxWaitMs} ms`);
  progress(`      ${describeOracle(name, oracle.response)}`);
  progress(`      ${describeOracle(name, oracle.after, { channel: "after" })}`);
  progress(`      ${describeOracle(name, oracle.during, { channel: "during" })}`);
}

/** The timing oracle against ResetKit's reset request; `bare` takes the first `groupSize` addresses of each group. */
function runResetKitOracle(url, { client = "browser", groupSize = SETTINGS.oracleRequestsPerGroup, acceptLanguage } = {}) {
  const headers = acceptLanguage ? { ...JSON_HEADERS, "accept-language": acceptLanguage } : JSON_HEADERS;
  return measureTimingOracle({
    baseUrl: url, path: "/api/v1/password-resets", headers, bodyFor: (email) => JSON.stringify({ email }),
    known: WORKING_SET.oracleKnown.slice(0, groupSize), unknown: UNKNOWN.oracle.slice(0, groupSize), expectStatus: 202,
    client, settleMaxMs: SETTINGS.oracleSettleMaxMs, onProgress: progress,
  });
}

// ---------------------------------------------------------------------------------------------
progress(`starting; ${cpus().length} cores, Node ${process.version}`);
progress("rate limits are LIFTED for the bench: ResetKit RATE_LIMITS=off (development only), Better Auth rateLimit.enabled=false");
const [resetkitHash, peerHash, peerFairHash] = await Promise.all([
  hashResetKitPassword(PASSWORD),
  hashBetterAuthPassword(PASSWORD),
  hashWithResetKitScrypt(PASSWORD),
]);

async function writeWorkingSet(file, write, passwordHash) {
  const tokenFor = [...WORKING_SET.confirm, ...WORKING_SET.verify, ...WORKING_SET.cost];
  return splitTokens(await write(file, { emails: ALL_WORKING_SET, passwordHash, tokenFor }));
}

function splitTokens(tokens) {
  const confirmEnd = WORKING_SET.confirm.length;
  const verifyEnd = confirmEnd + WORKING_SET.verify.length;
  return { confirm: tokens.slice(0, confirmEnd), verify: tokens.slice(confirmEnd, verifyEnd), cost: tokens.slice(verifyEnd) };
}

const results = {
  startedAt: new Date(startedAt).toISOString(),
  settings: SETTINGS,
  throughput: [],
  ratios: [],
  healthz: [],
  pairs: [],
  oracles: [],
  costs: [],
  hashCosts: [],
  growth: [],
  load: undefined,
  findings: [],
};

const running = [];
process.on("SIGINT", () => {
  Promise.all(running.map((worker) => worker.stop().catch(() => {}))).finally(() => process.exit(130));
});

/** ResetKit's bench build rewritten without [assets], and with /healthz routed to the Worker first. */
async function startHealthzVariants() {
  const noAssets = await writeConfigVariant(RESETKIT_CONFIG, "no-assets", { dropAssets: true });
  const workerFirst = await writeConfigVariant(RESETKIT_CONFIG, "worker-first", { runWorkerFirst: ["/healthz"] });
  const [bare, first] = await Promise.all([noAssets, workerFirst].map((config) => startWorker({ config, startupTimeoutMs: 120_000 })));
  running.push(bare, first);
  return { bare, first };
}

/** The /healthz comparison: variants of ResetKit's bench build and Better Auth's, side by side. */
async function measureHealthzVariants(rk, ba, variants) {
  const runs = [
    { label: "ResetKit `GET /healthz`: [assets] in front, the Worker's router", url: `${rk}/healthz` },
    { label: "ResetKit `GET /bench/ok`: [assets] in front, bench entry answers before the router", url: `${rk}/bench/ok` },
    { label: "ResetKit `GET /healthz` with `run_worker_first = [\"/healthz\"]`", url: `${variants.first.url}/healthz` },
    { label: "ResetKit `GET /healthz` without [assets]", url: `${variants.bare.url}/healthz` },
    { label: "ResetKit `GET /bench/ok` without [assets]: a bare Worker", url: `${variants.bare.url}/bench/ok` },
    { label: "Better Auth `GET /healthz`: no [assets], answered before anything else", url: `${ba}/healthz` },
  ];
  progress(`healthz variants side by side: ${runs.length} × ${SETTINGS.sideBySideRounds} rounds of ${SETTINGS.sideBySideSeconds} s`);
  const loads = await runSideBySide(runs.map(({ url }) => ({ url, connections: SETTINGS.connections })), {
    rounds: SETTINGS.sideBySideRounds, seconds: SETTINGS.sideBySideSeconds,
  });
  progress(`healthz variants one request at a time, in turns: ${SETTINGS.healthzLatencyRounds} each`);
  const latencies = await measureInterleavedLatency(runs.map(({ url }) => url), { rounds: SETTINGS.healthzLatencyRounds });
  return runs.map((run, i) => {
    progress(`      ${loads[i].rps.toFixed(0)} req/s, p50 ${loads[i].p50.toFixed(2)} ms; alone ${latencies[i].median.toFixed(3)} ms: ${run.label}`);
    return { label: run.label, load: loads[i], latency: latencies[i] };
  });
}

let resetkit;
let peer;
try {
  progress("starting ResetKit (bench build) with the working set seeded");
  resetkit = await startSeeded(RESETKIT_CONFIG, (file) => writeWorkingSet(file, writeResetKitSeed, resetkitHash));
  running.push(resetkit.worker);
  progress(`ResetKit ready at ${resetkit.worker.url}`);
  if (ONLY === "oracle") {
    progress(`timing oracle only: ResetKit, ${2 * SETTINGS.oracleRequestsPerGroup} samples`);
    printOracle("ResetKit", await runResetKitOracle(resetkit.worker.url));
    await resetkit.worker.stop();
    process.exit(0);
  }
  progress("starting Better Auth peer with the same working set seeded, and the /healthz variants of ResetKit");
  const [peerStarted, variants] = await Promise.all([
    startSeeded(PEER_CONFIG, (file) => writeWorkingSet(file, writeBetterAuthSeed, peerHash)),
    startHealthzVariants(),
  ]);
  peer = peerStarted;
  running.push(peer.worker);
  progress(`Better Auth ready at ${peer.worker.url}`);
  const rk = resetkit.worker.url;
  const ba = peer.worker.url;
  results.healthz = await measureHealthzVariants(rk, ba, variants);
  await Promise.all([variants.bare.stop(), variants.first.stop()]);
  if (ONLY === "healthz") {
    await Promise.all(running.map((worker) => worker.stop()));
    process.exit(0);
  }
  const peerHeaders = { ...JSON_HEADERS, origin: peer.worker.url };

  // --- availability: endpoints another part of the project may not have shipped yet -------
  const probe = await fetch(`${rk}/api/v1/sessions`, {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify({ email: WORKING_SET.signIn[0], password: PASSWORD }),
  });
  await probe.arrayBuffer();
  const resetkitSignIn = probe.status === 200;
  if (!resetkitSignIn) progress(`ResetKit sign-in answered ${probe.status}; its rows are reported as not available`);

  // --- password-hash cost ----------------------------------------------------------------------
  progress("timing the password hash in each Worker");
  results.hashCosts.push({ system: "ResetKit", scheme: resetkitHash.split("$").slice(1, 3).join(" "), ms: await measureHashCost(rk, SETTINGS.hashesPerRound) });
  results.hashCosts.push({ system: "Better Auth", scheme: "scrypt N=16384 r=16 p=1 (Better Auth default)", ms: await measureHashCost(ba, SETTINGS.hashesPerRound) });

  // --- throughput and latency -----------------------------------------------------------------
  const duration = SETTINGS.durationSeconds;
  const connections = SETTINGS.connections;
  function record(system, endpoint, load) {
    progress(`      ${load.rps.toFixed(0)} req/s, p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms, ${JSON.stringify(load.statusCounts)}: ${system} ${endpoint}`);
    const row = { system, endpoint, load };
    results.throughput.push(row);
    return row;
  }
  async function measure(system, endpoint, options) {
    progress(`load: ${system} ${endpoint}`);
    const load = await runLoad({ connections, duration, ...options });
    const row = record(system, endpoint, load);
    await settleAfter(options);
    return row;
  }
  /**
   * /healthz, known and unknown reset requests side by side, and the two ratios from them. With
   * `holdConsumer`, the Queue consumer waits during each turn and runs in the drain after it, so
   * the turn measures the request path alone, as production runs the consumer apart from it.
   */
  async function measureResetTrio(system, base, requestPath, headers, { holdConsumer = false } = {}) {
    const known = cycle(WORKING_SET.loadKnown);
    const unknown = cycle(UNKNOWN.load);
    const runs = [
      ["GET /healthz", { url: `${base}/healthz` }],
      [`POST ${requestPath} (known email)`, { url: `${base}${requestPath}`, method: "POST", headers, body: () => JSON.stringify({ email: known() }) }],
      [`POST ${requestPath} (unknown email)`, { url: `${base}${requestPath}`, method: "POST", headers, body: () => JSON.stringify({ email: unknown() }) }],
    ];
    progress(`load: ${system} /healthz, known and unknown reset requests side by side, ${SETTINGS.sideBySideRounds} rounds of ${SETTINGS.sideBySideSeconds} s each`);
    const loads = await runSideBySide(runs.map(([, options]) => ({ connections, ...options })), {
      rounds: SETTINGS.sideBySideRounds, seconds: SETTINGS.sideBySideSeconds,
      before: holdConsumer ? (run) => setConsumerHeld(run, true) : undefined,
      between: async (run) => {
        if (holdConsumer) await setConsumerHeld(run, false);
        await settleAfter(run);
      },
    });
    const [ceiling, knownRow, unknownRow] = runs.map(([endpoint], i) => record(system, endpoint, loads[i]));
    results.ratios.push({
      system,
      knownOverUnknown: knownRow.load.rps / unknownRow.load.rps,
      knownOverHealthz: knownRow.load.rps / ceiling.load.rps,
      knownOverUnknownWithDrain: (knownRow.load.requests / (knownRow.load.seconds + knownRow.load.drainSeconds)) / (unknownRow.load.requests / (unknownRow.load.seconds + unknownRow.load.drainSeconds)),
    });
    return { ceiling, known: knownRow, unknown: unknownRow };
  }
  const rkTrio = await measureResetTrio("ResetKit", rk, "/api/v1/password-resets", JSON_HEADERS, { holdConsumer: true });
  const rkVerifyToken = cycle(resetkit.seeded.verify);
  await measure("ResetKit", "POST /api/v1/password-resets/verify", {
    url: `${rk}/api/v1/password-resets/verify`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ token: rkVerifyToken() }),
  });
  const confirmAmount = (hashMs) => Math.max(30, Math.min(SETTINGS.confirmTokens, Math.round((duration * 1000) / (hashMs + 2))));
  const rkConfirmToken = drain(resetkit.seeded.confirm);
  const rkConfirm = await measure("ResetKit", "POST /api/v1/password-resets/confirm", {
    url: `${rk}/api/v1/password-resets/confirm`, method: "POST", headers: JSON_HEADERS,
    body: () => JSON.stringify({ token: rkConfirmToken(), password: NEW_PASSWORD }),
    amount: confirmAmount(results.hashCosts[0].ms), duration: undefined,
  });
  const rkSignIn = resetkitSignIn
    ? await measure("ResetKit", "POST /api/v1/sessions (sign-in)", {
        url: `${rk}/api/v1/sessions`, method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ email: WORKING_SET.signIn[0], password: PASSWORD }),
      })
    : (results.throughput.push({ system: "ResetKit", endpoint: "POST /api/v1/sessions (sign-in)", note: `not available (HTTP ${probe.status})` }), undefined);

  const baTrio = await measureResetTrio("Better Auth", ba, "/api/auth/request-password-reset", peerHeaders);
  const baResetToken = drain(peer.seeded.confirm);
  const baReset = await measure("Better Auth", "POST /api/auth/reset-password", {
    url: `${ba}/api/auth/reset-password`, method: "POST", headers: peerHeaders,
    body: () => JSON.stringify({ token: baResetToken(), newPassword: NEW_PASSWORD }),
    amount: confirmAmount(results.hashCosts[1].ms), duration: undefined,
  });
  const baSignIn = await measure("Better Auth", "POST /api/auth/sign-in/email (sign-in)", {
    url: `${ba}/api/auth/sign-in/email`, method: "POST", headers: peerHeaders, body: JSON.stringify({ email: WORKING_SET.signIn[0], password: PASSWORD }),
  });

  // --- Better Auth at ResetKit's scrypt work factor --------------------------------------------
  progress("starting a second Better Auth peer hashing with ResetKit's scrypt parameters (N=16384 r=8 p=5)");
  const fair = await startSeeded(PEER_CONFIG, (file) => writeWorkingSet(file, writeBetterAuthSeed, peerFairHash), { PASSWORD_HASH: "resetkit-scrypt" });
  running.push(fair.worker);
  const fa = fair.worker.url;
  const fairHeaders = { ...JSON_HEADERS, origin: fa };
  results.hashCosts.push({ system: "Better Auth, ResetKit's scrypt", scheme: "scrypt N=16384 r=8 p=5 (ResetKit's parameters, custom password.hash)", ms: await measureHashCost(fa, SETTINGS.hashesPerRound) });
  const fairResetToken = drain(fair.seeded.confirm);
  const fairReset = await measure("Better Auth, ResetKit's scrypt", "POST /api/auth/reset-password", {
    url: `${fa}/api/auth/reset-password`, method: "POST", headers: fairHeaders,
    body: () => JSON.stringify({ token: fairResetToken(), newPassword: NEW_PASSWORD }),
    amount: confirmAmount(results.hashCosts[2].ms), duration: undefined,
  });
  const fairSignIn = await measure("Better Auth, ResetKit's scrypt", "POST /api/auth/sign-in/email (sign-in)", {
    url: `${fa}/api/auth/sign-in/email`, method: "POST", headers: fairHeaders, body: JSON.stringify({ email: WORKING_SET.signIn[0], password: PASSWORD }),
  });
  await fair.worker.stop();

  results.pairs = [
    { label: "reset request, known email", resetkit: rkTrio.known, peer: baTrio.known },
    { label: "reset request, unknown email", resetkit: rkTrio.unknown, peer: baTrio.unknown },
    { label: "confirm / reset-password (new password set)", resetkit: rkConfirm, peer: baReset },
    { label: "confirm / reset-password, Better Auth at ResetKit's scrypt", resetkit: rkConfirm, peer: fairReset },
    { label: "sign-in", resetkit: rkSignIn, peer: baSignIn },
    { label: "sign-in, Better Auth at ResetKit's scrypt", resetkit: rkSignIn, peer: fairSignIn },
    { label: "/healthz (runtime ceiling)", resetkit: rkTrio.ceiling, peer: baTrio.ceiling },
  ];

  // --- timing oracle -----------------------------------------------------------------------------
  progress(`timing oracle: ResetKit, ${2 * SETTINGS.oracleRequestsPerGroup} samples`);
  const rkOracle = await runResetKitOracle(rk);
  printOracle("ResetKit", rkOracle);
  progress(`timing oracle: Better Auth, ${2 * SETTINGS.oracleRequestsPerGroup} samples`);
  const baOracle = await measureTimingOracle({
    baseUrl: ba, path: "/api/auth/request-password-reset", headers: peerHeaders, bodyFor: (email) => JSON.stringify({ email }),
    known: WORKING_SET.oracleKnown, unknown: UNKNOWN.oracle, expectStatus: 200, settleMaxMs: SETTINGS.oracleSettleMaxMs, onProgress: progress,
  });
  printOracle("Better Auth", baOracle);
  // The bare client reuses the first addresses of each group: a second reset request for a known
  // address does the same work as the first (the token it replaces is revoked).
  progress(`timing oracle from a bare client (no Accept-Encoding): ResetKit, ${2 * SETTINGS.bareOracleRequestsPerGroup} samples`);
  const rkBareOracle = await runResetKitOracle(rk, { client: "bare", groupSize: SETTINGS.bareOracleRequestsPerGroup });
  printOracle("ResetKit, bare client", rkBareOracle);
  results.oracles = [
    { system: "ResetKit", oracle: rkOracle },
    { system: "Better Auth", oracle: baOracle },
  ];
  // The language must not tell accounts apart either: the same oracle asked in German.
  progress(`timing oracle with Accept-Language: de: ResetKit, ${2 * SETTINGS.bareOracleRequestsPerGroup} samples`);
  const rkGermanOracle = await runResetKitOracle(rk, { acceptLanguage: "de-DE,de;q=0.9", groupSize: SETTINGS.bareOracleRequestsPerGroup });
  printOracle("ResetKit, Accept-Language: de", rkGermanOracle);
  results.bareOracles = [
    { system: "ResetKit, bare client", oracle: rkBareOracle },
    { system: "ResetKit, browser asking in German (Accept-Language: de)", oracle: rkGermanOracle },
  ];

  // --- cost per request ---------------------------------------------------------------------------
  progress("counting D1 statements per request");
  const n = SETTINGS.costRequests;
  const post = (url, headers, body) => fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  async function cost(system, endpoint, baseUrl, send) {
    const measured = await measureD1Cost(baseUrl, n, send);
    results.costs.push({ system, endpoint, cost: measured });
    return measured;
  }
  await cost("ResetKit", "GET /healthz", rk, () => fetch(`${rk}/healthz`));
  const rkCostKnown = await cost("ResetKit", "POST /api/v1/password-resets (known)", rk, (i) => post(`${rk}/api/v1/password-resets`, JSON_HEADERS, { email: WORKING_SET.cost[i] }));
  await cost("ResetKit", "POST /api/v1/password-resets (unknown)", rk, (i) => post(`${rk}/api/v1/password-resets`, JSON_HEADERS, { email: UNKNOWN.cost[i] }));
  await cost("ResetKit", "POST /api/v1/password-resets/verify", rk, (i) => post(`${rk}/api/v1/password-resets/verify`, JSON_HEADERS, { token: resetkit.seeded.verify[i % resetkit.seeded.verify.length] }));
  // The known-email requests above replaced the cost accounts' seeded tokens, so confirm
  // uses the other half of the cost accounts, whose seeded tokens are still live.
  const rkCostConfirm = await cost("ResetKit", "POST /api/v1/password-resets/confirm", rk, (i) => post(`${rk}/api/v1/password-resets/confirm`, JSON_HEADERS, { token: resetkit.seeded.cost[n + i], password: NEW_PASSWORD }));
  if (resetkitSignIn) await cost("ResetKit", "POST /api/v1/sessions", rk, () => post(`${rk}/api/v1/sessions`, JSON_HEADERS, { email: WORKING_SET.signIn[0], password: PASSWORD }));
  await cost("Better Auth", "GET /healthz", ba, () => fetch(`${ba}/healthz`));
  await cost("Better Auth", "POST /api/auth/request-password-reset (known)", ba, (i) => post(`${ba}/api/auth/request-password-reset`, peerHeaders, { email: WORKING_SET.cost[i] }));
  await cost("Better Auth", "POST /api/auth/request-password-reset (unknown)", ba, (i) => post(`${ba}/api/auth/request-password-reset`, peerHeaders, { email: UNKNOWN.cost[i] }));
  await cost("Better Auth", "POST /api/auth/reset-password", ba, (i) => post(`${ba}/api/auth/reset-password`, peerHeaders, { token: peer.seeded.cost[n + i], newPassword: NEW_PASSWORD }));
  await cost("Better Auth", "POST /api/auth/sign-in/email", ba, () => post(`${ba}/api/auth/sign-in/email`, peerHeaders, { email: WORKING_SET.signIn[0], password: PASSWORD }));

  await peer.worker.stop();

// --- growth --------------------------------------------------------------------------------------
  progress(`growth: generating and loading ${SETTINGS.growthAccounts.toLocaleString("en")} accounts with a live token each`);
  const growthEmails = benchEmails("grown", SETTINGS.growthAccounts);
  const seedStarted = Date.now();
  await resetkit.worker.stop();
  const grown = await startSeeded(RESETKIT_CONFIG, async (file) => {
    const emails = [...ALL_WORKING_SET, ...growthEmails];
    const tokenFor = [...WORKING_SET.confirm, ...WORKING_SET.verify, ...WORKING_SET.cost, ...growthEmails];
    const tokens = await writeResetKitSeed(file, { emails, passwordHash: resetkitHash, tokenFor });
    return splitTokens(tokens);
  });
  running.push(grown.worker);
  SETTINGS.growthSeedSeconds = (Date.now() - seedStarted) / 1000;
  progress(`growth: seeded and started in ${SETTINGS.growthSeedSeconds.toFixed(0)} s`);
  const gk = grown.worker.url;
  const gKnown = cycle(WORKING_SET.loadKnown);
  const gUnknown = cycle(UNKNOWN.load);
  const gVerify = cycle(grown.seeded.verify);
  const gConfirm = drain(grown.seeded.confirm);
  // The reset requests run as the working-set rows did (rkTrio): the consumer held during the
  // load, its drain timed apart, so the two sides compare the request path with the request path.
  const growthRuns = [
    ["POST /api/v1/password-resets (known email)", rkTrio.known, { url: `${gk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ email: gKnown() }), holdConsumer: true }],
    ["POST /api/v1/password-resets (unknown email)", rkTrio.unknown, { url: `${gk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ email: gUnknown() }), holdConsumer: true }],
    ["POST /api/v1/password-resets/verify", results.throughput.find((row) => row.endpoint.endsWith("/verify")), { url: `${gk}/api/v1/password-resets/verify`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ token: gVerify() }) }],
    ["POST /api/v1/password-resets/confirm", rkConfirm, { url: `${gk}/api/v1/password-resets/confirm`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ token: gConfirm(), password: NEW_PASSWORD }), amount: rkConfirm.load.requests, duration: undefined }],
  ];
  const emptyCosts = {
    "POST /api/v1/password-resets (known email)": rkCostKnown,
    "POST /api/v1/password-resets (confirm)": rkCostConfirm,
  };
  for (const [endpoint, empty, { holdConsumer = false, ...options }] of growthRuns) {
    progress(`growth load: ${endpoint}`);
    if (holdConsumer) await setConsumerHeld(options, true);
    const seeded = await runLoad({ connections, duration, ...options });
    if (holdConsumer) await setConsumerHeld(options, false);
    const drainSeconds = await settleAfter(options);
    progress(`      ${seeded.rps.toFixed(0)} req/s, p50 ${seeded.p50.toFixed(2)} ms, p99 ${seeded.p99.toFixed(2)} ms, ${JSON.stringify(seeded.statusCounts)}, drain ${drainSeconds.toFixed(1)} s`);
    results.growth.push({ endpoint, empty: empty?.load, seeded: { ...seeded, drainSeconds }, consumerHeld: holdConsumer });
  }
  progress("growth: counting rows read per request");
  const seededCostKnown = await measureD1Cost(gk, n, (i) => post(`${gk}/api/v1/password-resets`, JSON_HEADERS, { email: WORKING_SET.cost[i] }));
  const seededCostConfirm = await measureD1Cost(gk, n, (i) => post(`${gk}/api/v1/password-resets/confirm`, JSON_HEADERS, { token: grown.seeded.cost[n + i], password: NEW_PASSWORD }));
  results.growth[0].emptyCost = emptyCosts["POST /api/v1/password-resets (known email)"];
  results.growth[0].seededCost = seededCostKnown;
  results.growth[3].emptyCost = emptyCosts["POST /api/v1/password-resets (confirm)"];
  results.growth[3].seededCost = seededCostConfirm;

  // --- render cost of localisation: in this process, while no Worker is busy ------------------------
  progress("render cost: today's pages against the pages before the catalogue, in turns");
  results.renderCost = await measureRenderCost({ turns: 20, rendersPerTurn: 200 });
  if (results.renderCost) progress(`      ratios ${JSON.stringify(results.renderCost.ratios)}`);

  // --- sustained load ---------------------------------------------------------------------------------
  // Rounds of about 10 s each at the measured rate, until the load has lasted loadSeconds.
  const roundAmount = Math.max(Math.round(Math.max(rkTrio.known.load.rps, 50) * 10), SETTINGS.loadConnections);
  progress(`load: at least ${SETTINGS.loadSeconds} s of reset requests at ${SETTINGS.loadConnections} connections, in rounds of ${roundAmount}, 3 in 4 for distinct seeded accounts`);
  const loadStart = Date.now();
  let sentKnown = 0;
  let sentUnknown = 0;
  let sequence = 0;
  const loadBody = () => {
    const i = sequence++;
    if (i % 4 === 3 || sentKnown >= growthEmails.length) return JSON.stringify({ email: `bench-loadx-${sentUnknown++}@example.net` });
    return JSON.stringify({ email: growthEmails[sentKnown++] });
  };
  const load = await runSustainedLoad({
    url: `${gk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: loadBody,
    connections: SETTINGS.loadConnections, seconds: SETTINGS.loadSeconds, roundAmount,
  });
  const unexpected = countUnexpected(load, [202, 429]);
  progress(`      ${load.requests} answers in ${load.seconds.toFixed(1)} s: ${JSON.stringify(load.statusCounts)}, ${unexpected} unexpected`);
  // Background work (token + mail) finishes after the answers: wait until it is all done.
  const loadDrain = await waitForSettled(gk, { maxWaitMs: 180_000, pollMs: 100 });
  progress(`      background work ${loadDrain.settled ? "finished" : "still NOT finished"} ${(loadDrain.waitedMs / 1000).toFixed(1)} s after the last answer`);
  const accepted = load.statusCounts[202] ?? 0;
  const expectedTokens = unexpected === 0 && accepted === sequence ? sentKnown : Number.NaN;
  const [tokenRow] = await queryRows(grown.worker.persistDir, RESETKIT_CONFIG,
    `SELECT COUNT(*) AS tokens, COUNT(DISTINCT account_id) AS accounts FROM password_reset_tokens WHERE created_at >= ${loadStart}`);
  const [staleRow] = await queryRows(grown.worker.persistDir, RESETKIT_CONFIG,
    `SELECT COUNT(*) AS stale FROM password_reset_tokens WHERE created_at < ${loadStart} AND account_id IN (SELECT account_id FROM password_reset_tokens WHERE created_at >= ${loadStart})`);
  const [mailRow] = await queryRows(grown.worker.persistDir, RESETKIT_CONFIG,
    `SELECT COUNT(*) AS mails FROM mail_outbox WHERE created_at >= ${loadStart}`);
  results.load = {
    connections: SETTINGS.loadConnections,
    load,
    unexpected,
    drainSeconds: loadDrain.waitedMs / 1000,
    description: `${load.requests} requests (${sentKnown} for distinct accounts among the ${SETTINGS.growthAccounts.toLocaleString("en")} seeded, each of which already had a live token, and ${sentUnknown} for distinct unknown addresses), sent in rounds until the load had lasted at least ${SETTINGS.loadSeconds} s. Rate limits are lifted, so every request should be accepted: each known address should end with exactly one new live token (its seeded one revoked) and one reset email, each unknown address with nothing.`,
    checks: [
      { what: "reset tokens created during the load", expected: expectedTokens, actual: tokenRow?.tokens },
      { what: "distinct accounts holding one of them", expected: expectedTokens, actual: tokenRow?.accounts },
      { what: "older tokens still live for those accounts", expected: 0, actual: staleRow?.stale },
      { what: "reset emails in the outbox from the load", expected: expectedTokens, actual: mailRow?.mails },
    ],
  };
  await grown.worker.stop();

  // --- findings -----------------------------------------------------------------------------------
  for (const pair of results.pairs) {
    if (!pair.resetkit?.load || !pair.peer?.load) {
      results.findings.push(`${pair.label}: no comparison, ResetKit's endpoint was not available in this run.`);
      continue;
    }
    if (!answered(pair.resetkit) || !answered(pair.peer)) {
      results.findings.push(`${pair.label}: no comparison, one side answered nothing within its run.`);
      continue;
    }
    const rpsRatio = pair.resetkit.load.rps / pair.peer.load.rps;
    const verdict = rpsRatio >= 1 ? "ResetKit is faster" : "**ResetKit loses**";
    results.findings.push(`${pair.label}: ${verdict} (${rpsRatio.toFixed(2)}× Better Auth's req/s, p50 ${pair.resetkit.load.p50.toFixed(2)} vs ${pair.peer.load.p50.toFixed(2)} ms).`);
  }
  const rkRatios = results.ratios.find((row) => row.system === "ResetKit");
  results.findings.push(
    `ResetKit's reset request, known ÷ unknown address: ${rkRatios.knownOverUnknown.toFixed(2)}× the req/s (target ≥ 0.95: ${rkRatios.knownOverUnknown >= 0.95 ? "met" : "**not met**"}); known address ÷ /healthz: ${rkRatios.knownOverHealthz.toFixed(2)}× (target ≥ 0.8: ${rkRatios.knownOverHealthz >= 0.8 ? "met" : "**not met**"}). Counting the time its background work took to finish after each turn, known ÷ unknown is ${rkRatios.knownOverUnknownWithDrain.toFixed(2)}×.`,
  );
  for (const { system, oracle } of results.oracles) {
    for (const [channel, test] of [["response", oracle.response], ["request after", oracle.after], ["during the background work (not a target)", oracle.during]]) {
      results.findings.push(`${system} timing, ${channel}: median difference ${test.difference.toFixed(3)} ms, z = ${test.z.toFixed(2)}, p = ${test.p.toPrecision(3)} (${test.p > 0.01 ? "passes: not distinguishable" : "**fails: distinguishable**"} at α = 0.01).`);
    }
  }
  const healthzFinding = explainHealthzGap(results.healthz);
  if (healthzFinding) results.findings.push(healthzFinding);
  if (results.renderCost) {
    const { ratios } = results.renderCost;
    results.findings.push(
      `Localisation costs a page ${ratios.served.toFixed(2)}× what the same page cost before the catalogue, served whole, and ${ratios.document.toFixed(2)}× for its HTML alone (${ratios.response.toFixed(2)}× as a Response in Node, which grows with the page's bytes); German and Arabic render at ${ratios.germanToEnglish.toFixed(2)}× and ${ratios.arabicToEnglish.toFixed(2)}× English. ${Math.max(ratios.served, ratios.document) <= 1.1 ? "Within" : "**Over**"} the 1.1× budget.`,
    );
  }
  const costOf = (system, endpoint) => results.costs.find((row) => row.system === system && row.endpoint === endpoint)?.cost;
  const rkKnownCost = costOf("ResetKit", "POST /api/v1/password-resets (known)");
  const rkUnknownCost = costOf("ResetKit", "POST /api/v1/password-resets (unknown)");
  const baKnownCost = costOf("Better Auth", "POST /api/auth/request-password-reset (known)");
  const baUnknownCost = costOf("Better Auth", "POST /api/auth/request-password-reset (unknown)");
  if (rkKnownCost && rkUnknownCost) {
    results.findings.push(`Background work per reset request: a known address costs ResetKit ${rkKnownCost.statements.toFixed(1)} D1 statements (${rkKnownCost.rowsWritten.toFixed(0)} rows written), an unknown one ${rkUnknownCost.statements.toFixed(1)}, counted once all of it has finished. That work runs in the Queue consumer, whose batch starts after the answer and the request after it have ended; the oracle's third row, the polls that wait for it, sees what it does to a request that arrives while it runs on the same local workerd.`);
  }
  if (baOracle.response.p <= 0.01 && baKnownCost && baUnknownCost) {
    results.findings.push(`Why Better Auth's response leaks: for a known address it awaits the INSERT of the verification row before answering; for an unknown one it runs a dummy SELECT instead (and logs a warning), which costs less (${baKnownCost.statements.toFixed(0)} vs ${baUnknownCost.statements.toFixed(1)} statements per request).`);
  }
  const [rkHash, baHash, fairHash] = results.hashCosts;
  results.findings.push(
    `Confirm and sign-in are bound by the password hash: ResetKit's ${rkHash.scheme} costs ${rkHash.ms.toFixed(0)} ms, Better Auth's default scrypt ${baHash.ms.toFixed(0)} ms (ResetKit does N·r·p = 655,360 block mixes per hash against Better Auth's 262,144). With Better Auth hashing at ResetKit's parameters (${fairHash.ms.toFixed(0)} ms per hash), ResetKit serves ${ratioText(rkConfirm, fairReset)} its reset-password rate and ${ratioText(rkSignIn, fairSignIn)} its sign-in rate: the comparison at equal work.`,
  );
  const failedChecks = results.load.checks.filter((check) => check.expected !== check.actual);
  results.findings.push(failedChecks.length === 0 ? "Load: D1 holds exactly the tokens and emails the accepted requests should have made." : `Load: **D1 does not match** in ${failedChecks.length} check(s): ${failedChecks.map((c) => c.what).join("; ")}.`);
} finally {
  for (const worker of running) await worker.stop().catch(() => {});
}

/** Whether a throughput row got any answers at all. */
function answered(row) {
  return Boolean(row?.load && row.load.requests > 0);
}

/** "0.93×" for ResetKit's req/s over the peer's, or "n/a" when a row is missing or empty. */
function ratioText(resetkitRow, peerRow) {
  return answered(resetkitRow) && answered(peerRow) ? `${(resetkitRow.load.rps / peerRow.load.rps).toFixed(2)}×` : "n/a";
}

/** Where ResetKit's /healthz loses to Better Auth's, from the variants' own figures. */
function explainHealthzGap(rows) {
  if (rows.length !== 6) return undefined;
  const [withRouter, withoutRouter, workerFirst, noAssets, bare, peerRow] = rows.map((row) => row.load.rps);
  const [msRouter, msNoRouter, msWorkerFirst, msNoAssets, msBare, msPeer] = rows.map((row) => row.latency.median);
  if (![withRouter, withoutRouter, workerFirst, noAssets, bare, peerRow, msRouter, msNoRouter, msNoAssets, msBare, msPeer].every(Number.isFinite)) return undefined;
  const x = (value) => `${(value / peerRow).toFixed(2)}×`;
  const plus = (value) => `${value >= 0 ? "+" : ""}${value.toFixed(2)} ms`;
  return `/healthz against Better Auth's, side by side: ResetKit's bench build serves ${x(withRouter)} its req/s; skipping the router (\`/bench/ok\`) ${x(withoutRouter)}; with \`run_worker_first = ["/healthz"]\` ${x(workerFirst)}; without [assets] ${x(noAssets)}; a bare Worker without [assets] ${x(bare)}. One request at a time, ResetKit's /healthz takes ${plus(msRouter - msPeer)} over Better Auth's: the [assets] layer in front of the Worker accounts for ${plus(msRouter - msNoAssets)} (with vs without [assets]), \`run_worker_first\` changes that by ${plus(msWorkerFirst - msRouter)}, and the router and its middleware for ${plus(msRouter - msNoRouter)} (/healthz vs /bench/ok); a bare Worker without [assets] is ${plus(msBare - msPeer)} from Better Auth's.`;
}

// --- report ---------------------------------------------------------------------------------------
results.totalSeconds = (Date.now() - startedAt) / 1000;
results.machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
  os: `${platform()} ${release()}`,
  node: process.version,
  workerd: await readVersion("workerd"),
  wrangler: await readVersion("wrangler"),
  betterAuth: await readVersion("better-auth"),
  autocannon: await readVersion("autocannon"),
};
await mkdir(join(ROOT, "bench/results"), { recursive: true });
await writeFile(
  join(ROOT, "bench/results/timing.svg"),
  renderTimingChart(results.oracles.map(({ system, oracle }) => ({ title: `${system}: reset request response time, known vs unknown email`, known: oracle.response.samples.known, unknown: oracle.response.samples.unknown }))),
);
// The raw figures (every sample) stay local; the summary is what the repository keeps.
await writeFile(join(ROOT, "bench/results/results.json"), JSON.stringify(results, null, 1));
await writeFile(join(ROOT, "bench/results/summary.json"), `${JSON.stringify(summariseResults(results), null, 2)}\n`);
await writeFile(join(ROOT, "bench/RESULTS.md"), renderResults(results));
progress(`done in ${(results.totalSeconds / 60).toFixed(1)} min: bench/RESULTS.md, bench/results/summary.json, bench/results/timing.svg (raw figures in bench/results/results.json)`);
