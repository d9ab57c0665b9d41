#!/usr/bin/env node
/**
 * `npm run bench`: measures ResetKit against the runtime ceiling (/healthz) and against Better
 * Auth on the same workerd and D1, runs the timing oracle for both, counts D1 work per
 * request, repeats the reset figures with 100,000 accounts and tokens, holds a sustained load,
 * and writes bench/RESULTS.md, bench/results/timing.svg and bench/results/results.json.
 * Sized to finish in under 10 minutes on a 2-core machine.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { hashPassword as hashBetterAuthPassword } from "better-auth/crypto";
import { startWorker } from "../test/support/wrangler-dev.ts";
import { hashPassword as hashResetKitPassword } from "../worker/src/crypto/password-hash.ts";
import { renderTimingChart } from "./lib/chart.mjs";
import { measureD1Cost, measureHashCost } from "./lib/d1-cost.mjs";
import { countUnexpected, runLoad, runSustainedLoad } from "./lib/load.mjs";
import { renderResults } from "./lib/report.mjs";
import { median } from "./stats.mjs";
import { benchEmails, writeBetterAuthSeed, writeResetKitSeed } from "./lib/seed.mjs";
import { describeOracle, measureTimingOracle } from "./lib/timing-oracle.mjs";
import { executeSqlFile, queryRows, ROOT } from "./lib/wrangler.mjs";

const SETTINGS = {
  connections: 10,
  durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 6),
  oracleRequestsPerGroup: Number(process.env.BENCH_ORACLE_REQUESTS ?? 1000),
  costRequests: 20,
  hashesPerRound: 10,
  growthAccounts: Number(process.env.BENCH_GROWTH_ACCOUNTS ?? 100_000),
  loadSeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 60),
  loadConnections: 100,
  confirmTokens: 400,
  workingSetAccounts: 0,
  growthSeedSeconds: 0,
};
// 20 D1 queries take about 40 ms on this machine; 100 ms leaves them done before the next request.
const CONTROL_PAUSE_MS = 100;
const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "violet lantern orbits quietly 2026";
const RESETKIT_CONFIG = "bench/resetkit/wrangler.toml";
const PEER_CONFIG = "bench/peers/better-auth/wrangler.toml";
const JSON_HEADERS = { "content-type": "application/json" };
const startedAt = Date.now();
// BENCH_ONLY=oracle runs just ResetKit's timing oracle, prints it and writes nothing: a quick
// check while working on the reset request's timing (pair it with a small BENCH_ORACLE_REQUESTS).
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
async function startSeeded(config, writeSeed) {
  const dir = await mkdtemp(join(tmpdir(), "resetkit-bench-seed-"));
  let seeded;
  try {
    const worker = await startWorker({
      config,
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

function pairsLose(pair) {
  return Boolean(pair?.resetkit?.load && pair?.peer?.load && pair.resetkit.load.rps < pair.peer.load.rps);
}

/** The quick check behind BENCH_ONLY=oracle: ResetKit's oracle alone, printed, nothing written. */
async function runResetKitOracleOnly(url) {
  progress(`timing oracle only: ResetKit, ${2 * SETTINGS.oracleRequestsPerGroup} requests`);
  const oracle = await measureTimingOracle({
    url: `${url}/api/v1/password-resets`, headers: JSON_HEADERS, bodyFor: (email) => JSON.stringify({ email }),
    known: WORKING_SET.oracleKnown, unknown: UNKNOWN.oracle, expectStatus: 202,
  });
  progress(`      medians known ${oracle.knownMedian.toFixed(3)} / unknown ${oracle.unknownMedian.toFixed(3)} ms, difference ${oracle.difference.toFixed(3)} ms, p90 ${oracle.knownP90.toFixed(3)} / ${oracle.unknownP90.toFixed(3)} ms, U ${oracle.u}, z ${oracle.z?.toFixed(2)}, p = ${oracle.p.toPrecision(3)}, unexpected statuses ${oracle.unexpected}`);
  progress(`      ${describeOracle("ResetKit", oracle)}`);
  const f = oracle.followUp;
  progress(`      follow-up: after known ${f.afterKnownMedian.toFixed(3)} / after unknown ${f.afterUnknownMedian.toFixed(3)} ms (n ${f.n.join(" / ")}), difference ${f.difference.toFixed(3)} ms, z ${f.z.toFixed(2)}, p = ${f.p.toPrecision(3)}`);
}

// ---------------------------------------------------------------------------------------------
progress(`starting; ${cpus().length} cores, Node ${process.version}`);
progress("rate limits are LIFTED for the bench: ResetKit RATE_LIMITS=off (development only), Better Auth rateLimit.enabled=false");
const [resetkitHash, peerHash] = await Promise.all([hashResetKitPassword(PASSWORD), hashBetterAuthPassword(PASSWORD)]);

async function writeWorkingSet(file, system) {
  const tokenFor = [...WORKING_SET.confirm, ...WORKING_SET.verify, ...WORKING_SET.cost];
  const write = system === "resetkit" ? writeResetKitSeed : writeBetterAuthSeed;
  const tokens = await write(file, { emails: ALL_WORKING_SET, passwordHash: system === "resetkit" ? resetkitHash : peerHash, tokenFor });
  return splitTokens(tokens);
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
  pairs: [],
  oracles: [],
  control: [],
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
let resetkit;
let peer;
try {
  progress("starting ResetKit (bench build) with the working set seeded");
  resetkit = await startSeeded(RESETKIT_CONFIG, (file) => writeWorkingSet(file, "resetkit"));
  running.push(resetkit.worker);
  progress(`ResetKit ready at ${resetkit.worker.url}`);
  if (ONLY === "oracle") {
    await runResetKitOracleOnly(resetkit.worker.url);
    await resetkit.worker.stop();
    process.exit(0);
  }
  progress("starting Better Auth peer with the same working set seeded");
  peer = await startSeeded(PEER_CONFIG, (file) => writeWorkingSet(file, "peer"));
  running.push(peer.worker);
  progress(`Better Auth ready at ${peer.worker.url}`);
  const peerHeaders = { ...JSON_HEADERS, origin: peer.worker.url };

  // --- availability: endpoints another part of the project may not have shipped yet -------
  const probe = await fetch(`${resetkit.worker.url}/api/v1/sessions`, {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify({ email: WORKING_SET.signIn[0], password: PASSWORD }),
  });
  await probe.arrayBuffer();
  const resetkitSignIn = probe.status === 200;
  if (!resetkitSignIn) progress(`ResetKit sign-in answered ${probe.status}; its rows are reported as not available`);

  // --- password-hash cost ----------------------------------------------------------------------
  progress("timing the password hash in each Worker");
  results.hashCosts.push({ system: "ResetKit", scheme: resetkitHash.split("$").slice(1, 3).join(" "), ms: await measureHashCost(resetkit.worker.url, SETTINGS.hashesPerRound) });
  results.hashCosts.push({ system: "Better Auth", scheme: "scrypt N=16384 r=16 p=1 (Better Auth default)", ms: await measureHashCost(peer.worker.url, SETTINGS.hashesPerRound) });

  // --- throughput and latency -----------------------------------------------------------------
  const duration = SETTINGS.durationSeconds;
  const connections = SETTINGS.connections;
  async function measure(system, endpoint, options) {
    progress(`load: ${system} ${endpoint}`);
    const load = await runLoad({ connections, duration, ...options });
    progress(`      ${load.rps.toFixed(0)} req/s, p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms, ${JSON.stringify(load.statusCounts)}`);
    const row = { system, endpoint, load };
    results.throughput.push(row);
    return row;
  }
  const rk = resetkit.worker.url;
  const ba = peer.worker.url;
  const rkKnown = cycle(WORKING_SET.loadKnown);
  const rkUnknown = cycle(UNKNOWN.load);
  const rkCeiling = await measure("ResetKit", "GET /healthz", { url: `${rk}/healthz` });
  const rkRequestKnown = await measure("ResetKit", "POST /api/v1/password-resets (known email)", {
    url: `${rk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ email: rkKnown() }),
  });
  const rkRequestUnknown = await measure("ResetKit", "POST /api/v1/password-resets (unknown email)", {
    url: `${rk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ email: rkUnknown() }),
  });
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

  const baKnown = cycle(WORKING_SET.loadKnown);
  const baUnknown = cycle(UNKNOWN.load);
  const baCeiling = await measure("Better Auth", "GET /healthz", { url: `${ba}/healthz` });
  const baRequestKnown = await measure("Better Auth", "POST /api/auth/request-password-reset (known email)", {
    url: `${ba}/api/auth/request-password-reset`, method: "POST", headers: peerHeaders, body: () => JSON.stringify({ email: baKnown() }),
  });
  const baRequestUnknown = await measure("Better Auth", "POST /api/auth/request-password-reset (unknown email)", {
    url: `${ba}/api/auth/request-password-reset`, method: "POST", headers: peerHeaders, body: () => JSON.stringify({ email: baUnknown() }),
  });
  const baResetToken = drain(peer.seeded.confirm);
  const baReset = await measure("Better Auth", "POST /api/auth/reset-password", {
    url: `${ba}/api/auth/reset-password`, method: "POST", headers: peerHeaders,
    body: () => JSON.stringify({ token: baResetToken(), newPassword: NEW_PASSWORD }),
    amount: confirmAmount(results.hashCosts[1].ms), duration: undefined,
  });
  const baSignIn = await measure("Better Auth", "POST /api/auth/sign-in/email (sign-in)", {
    url: `${ba}/api/auth/sign-in/email`, method: "POST", headers: peerHeaders, body: JSON.stringify({ email: WORKING_SET.signIn[0], password: PASSWORD }),
  });
  results.pairs = [
    { label: "reset request, known email", resetkit: rkRequestKnown, peer: baRequestKnown },
    { label: "reset request, unknown email", resetkit: rkRequestUnknown, peer: baRequestUnknown },
    { label: "confirm / reset-password (new password set)", resetkit: rkConfirm, peer: baReset },
    { label: "sign-in", resetkit: rkSignIn, peer: baSignIn },
    { label: "/healthz (runtime ceiling)", resetkit: rkCeiling, peer: baCeiling },
  ];

  // --- timing oracle -----------------------------------------------------------------------------
  results.oracleSettings = `${SETTINGS.oracleRequestsPerGroup} known and ${SETTINGS.oracleRequestsPerGroup} unknown addresses per system, every address used once, sent one at a time over one keep-alive connection in a random interleaving, after 20 untimed warm-up requests. Known and unknown addresses have the same length. Each time runs from sending the request to receiving the last byte of the answer, measured in Node with \`process.hrtime\`.`;
  progress(`timing oracle: ResetKit, ${2 * SETTINGS.oracleRequestsPerGroup} requests`);
  const rkOracle = await measureTimingOracle({
    url: `${rk}/api/v1/password-resets`, headers: JSON_HEADERS, bodyFor: (email) => JSON.stringify({ email }),
    known: WORKING_SET.oracleKnown, unknown: UNKNOWN.oracle, expectStatus: 202,
  });
  progress(`      medians ${rkOracle.knownMedian.toFixed(3)} / ${rkOracle.unknownMedian.toFixed(3)} ms, p = ${rkOracle.p.toPrecision(3)}`);
  progress(`timing oracle: Better Auth, ${2 * SETTINGS.oracleRequestsPerGroup} requests`);
  const baOracle = await measureTimingOracle({
    url: `${ba}/api/auth/request-password-reset`, headers: peerHeaders, bodyFor: (email) => JSON.stringify({ email }),
    known: WORKING_SET.oracleKnown, unknown: UNKNOWN.oracle, expectStatus: 200,
  });
  progress(`      medians ${baOracle.knownMedian.toFixed(3)} / ${baOracle.unknownMedian.toFixed(3)} ms, p = ${baOracle.p.toPrecision(3)}`);
  results.oracles = [
    { system: "ResetKit", oracle: rkOracle },
    { system: "Better Auth", oracle: baOracle },
  ];

  // A control on the runtime itself: does work left to waitUntil delay the response it follows?
  results.controlPauseMs = CONTROL_PAUSE_MS;
  progress("runtime control: background D1 work vs response time");
  for (const [label, query] of [
    ["nothing in waitUntil", "statements=0"],
    ["a 200 ms timer in waitUntil", "sleep=200"],
    ["6 D1 queries in waitUntil", "statements=6"],
    ["6 D1 queries after a 0 ms wait in waitUntil", "statements=6&yield=1"],
    ["20 D1 queries in waitUntil", "statements=20"],
  ]) {
    const times = [];
    for (let i = 0; i < 41; i += 1) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${ba}/bench/background-d1?${query}`, { method: "POST" });
      await response.arrayBuffer();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      // Let this request's background work finish, so each time shows only its own response.
      await new Promise((resolve) => setTimeout(resolve, CONTROL_PAUSE_MS));
    }
    results.control.push({ label, median: median(times.slice(1)) });
  }

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
  const growthRuns = [
    ["POST /api/v1/password-resets (known email)", rkRequestKnown, { url: `${gk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ email: gKnown() }) }],
    ["POST /api/v1/password-resets (unknown email)", rkRequestUnknown, { url: `${gk}/api/v1/password-resets`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ email: gUnknown() }) }],
    ["POST /api/v1/password-resets/verify", results.throughput.find((row) => row.endpoint.endsWith("/verify")), { url: `${gk}/api/v1/password-resets/verify`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ token: gVerify() }) }],
    ["POST /api/v1/password-resets/confirm", rkConfirm, { url: `${gk}/api/v1/password-resets/confirm`, method: "POST", headers: JSON_HEADERS, body: () => JSON.stringify({ token: gConfirm(), password: NEW_PASSWORD }), amount: rkConfirm.load.requests, duration: undefined }],
  ];
  const emptyCosts = {
    "POST /api/v1/password-resets (known email)": rkCostKnown,
    "POST /api/v1/password-resets (confirm)": rkCostConfirm,
  };
  for (const [endpoint, empty, options] of growthRuns) {
    progress(`growth load: ${endpoint}`);
    const seeded = await runLoad({ connections, duration, ...options });
    progress(`      ${seeded.rps.toFixed(0)} req/s, p50 ${seeded.p50.toFixed(2)} ms, p99 ${seeded.p99.toFixed(2)} ms, ${JSON.stringify(seeded.statusCounts)}`);
    results.growth.push({ endpoint, empty: empty?.load, seeded });
  }
  progress("growth: counting rows read per request");
  const seededCostKnown = await measureD1Cost(gk, n, (i) => post(`${gk}/api/v1/password-resets`, JSON_HEADERS, { email: WORKING_SET.cost[i] }));
  const seededCostConfirm = await measureD1Cost(gk, n, (i) => post(`${gk}/api/v1/password-resets/confirm`, JSON_HEADERS, { token: grown.seeded.cost[n + i], password: NEW_PASSWORD }));
  results.growth[0].emptyCost = emptyCosts["POST /api/v1/password-resets (known email)"];
  results.growth[0].seededCost = seededCostKnown;
  results.growth[3].emptyCost = emptyCosts["POST /api/v1/password-resets (confirm)"];
  results.growth[3].seededCost = seededCostConfirm;

  // --- sustained load ---------------------------------------------------------------------------------
  // Rounds of about 10 s each at the measured rate, until the load has lasted loadSeconds.
  const roundAmount = Math.max(Math.round(Math.max(rkRequestKnown.load.rps, 50) * 10), SETTINGS.loadConnections);
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
  // Background work (token + mail) finishes after the answers: wait until D1 stops moving.
  await measureD1Cost(gk, 1, () => fetch(`${gk}/healthz`));
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
    const rpsRatio = pair.resetkit.load.rps / pair.peer.load.rps;
    const verdict = rpsRatio >= 1 ? "ResetKit is faster" : "**ResetKit loses**";
    results.findings.push(`${pair.label}: ${verdict} (${rpsRatio.toFixed(2)}× Better Auth's req/s, p50 ${pair.resetkit.load.p50.toFixed(2)} vs ${pair.peer.load.p50.toFixed(2)} ms).`);
  }
  for (const { system, oracle } of results.oracles) {
    results.findings.push(`${system} timing: median difference ${oracle.difference.toFixed(3)} ms, p = ${oracle.p.toPrecision(3)} (${oracle.p < 0.01 ? "distinguishable" : "not distinguishable"} at α = 0.01).`);
  }
  // Why, from this run's own figures.
  const costOf = (system, endpoint) => results.costs.find((row) => row.system === system && row.endpoint === endpoint)?.cost;
  const rkKnownCost = costOf("ResetKit", "POST /api/v1/password-resets (known)");
  const rkUnknownCost = costOf("ResetKit", "POST /api/v1/password-resets (unknown)");
  const baKnownCost = costOf("Better Auth", "POST /api/auth/request-password-reset (known)");
  const control = Object.fromEntries(results.control.map((row) => [row.label, row.median]));
  if (rkOracle.p < 0.01) {
    results.findings.push(
      `Why ResetKit leaks here: its answer is computed the same way for both (only the per-IP limit runs before it), but a known address leaves ${rkKnownCost?.statements.toFixed(0)} D1 statements (revoke + store the token, store and record the email) and the email rendering to \`waitUntil\`, an unknown one ${rkUnknownCost?.statements.toFixed(0)}. On this runtime, D1 work left to \`waitUntil\` delays the response it follows: the control answers in ${control["nothing in waitUntil"]?.toFixed(1)} ms with nothing in the background, ${control["a 200 ms timer in waitUntil"]?.toFixed(1)} ms with a 200 ms timer, ${control["6 D1 queries in waitUntil"]?.toFixed(1)} ms with 6 D1 queries and ${control["20 D1 queries in waitUntil"]?.toFixed(1)} ms with 20. The fix belongs in the Worker: make both paths leave the same work behind, or hand the work to a Queue so it no longer shares the request's isolate; production D1 is a network service rather than an in-process database, so the size of the leak there is not measured here.`,
    );
  }
  if (rkOracle.p >= 0.01) {
    results.findings.push(
      `Why ResetKit's own response does not leak: a known address still leaves more work behind than an unknown one (${rkKnownCost?.statements.toFixed(0)} D1 statements and the email rendering against ${rkUnknownCost?.statements.toFixed(0)}), but that work starts only after the response is written out. Before the account lookup, the background task waits one 0 ms timer (\`scheduler.wait(0)\` in \`worker/src/reset/password-reset.ts\`); a timer fires only after the events already ready, the response's write-out among them. The control (one request at a time, each one's background work finished before the next is sent) answers in ${control["nothing in waitUntil"]?.toFixed(1)} ms with nothing in the background, ${control["6 D1 queries in waitUntil"]?.toFixed(1)} ms with 6 D1 queries started at once and ${control["6 D1 queries after a 0 ms wait in waitUntil"]?.toFixed(1)} ms with the same queries after the wait. The work still shares the isolate with later requests, so it is load that a request arriving meanwhile may meet; the oracle's shuffled order spreads that load over known and unknown addresses alike.`,
    );
  }
  if (rkOracle.followUp.p < 0.01) {
    results.findings.push(
      `What ResetKit still leaks: the request after. A request sent right after one for a known address is ${rkOracle.followUp.difference.toFixed(1)} ms slower at the median than one sent after an unknown address (p = ${rkOracle.followUp.p.toPrecision(3)}), because the known address's background work (${rkKnownCost?.statements.toFixed(0)} D1 statements and the email rendering) is still running on the same isolate and local D1 when the next request arrives. Starting the work after the response moves the difference from the response itself to whatever follows it. Closing this needs the same background work for every address, or the work moved off the request path (a Queue consumer in another invocation); on production Workers, where requests spread over many isolates and D1 is a network service, the size of this channel is not measured here.`,
    );
  }
  if (baOracle.p < 0.01) {
    results.findings.push(`Why Better Auth leaks: for a known address it awaits the INSERT of the verification row before answering; for an unknown one it runs a dummy SELECT instead (and logs a warning), which costs less (${baKnownCost?.statements.toFixed(0)} vs ${costOf("Better Auth", "POST /api/auth/request-password-reset (unknown)")?.statements.toFixed(1)} statements per request).`);
  }
  const [rkHash, baHash] = results.hashCosts;
  results.findings.push(
    `Confirm and sign-in are bound by the password hash: ResetKit's ${rkHash.scheme} costs ${rkHash.ms.toFixed(0)} ms, Better Auth's default scrypt ${baHash.ms.toFixed(0)} ms (ResetKit mixes 128·N·r·p = 80 MiB per hash against Better Auth's 32 MiB). That is ResetKit's deliberate choice of a stronger hash (docs/password-hashing.md), and the reason it serves fewer confirms and sign-ins per second.`,
  );
  if (rkKnownCost && baKnownCost && pairsLose(results.pairs[0])) {
    results.findings.push(`Known-address reset requests: ResetKit does more work per request (${rkKnownCost.statements.toFixed(0)} D1 statements and ${rkKnownCost.rowsWritten.toFixed(0)} rows written, including a delivery record, against Better Auth's ${baKnownCost.statements.toFixed(0)} and ${baKnownCost.rowsWritten.toFixed(0)}), and the isolate runs that background work on the same thread as the requests it serves.`);
  }
  const failedChecks = results.load.checks.filter((check) => check.expected !== check.actual);
  results.findings.push(failedChecks.length === 0 ? "Load: D1 holds exactly the tokens and emails the accepted requests should have made." : `Load: **D1 does not match** in ${failedChecks.length} check(s): ${failedChecks.map((c) => c.what).join("; ")}.`);
} finally {
  for (const worker of running) await worker.stop().catch(() => {});
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
  renderTimingChart(results.oracles.map(({ system, oracle }) => ({ title: `${system}: reset request response time, known vs unknown email`, known: oracle.samples.known, unknown: oracle.samples.unknown }))),
);
await writeFile(join(ROOT, "bench/results/results.json"), JSON.stringify(results, null, 1));
await writeFile(join(ROOT, "bench/RESULTS.md"), renderResults(results));
progress(`done in ${(results.totalSeconds / 60).toFixed(1)} min: bench/RESULTS.md, bench/results/timing.svg, bench/results/results.json`);
