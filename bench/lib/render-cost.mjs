/**
 * What localisation costs a page: the same pages by today's code and by the code before the
 * catalogue (RENDER_BASELINE, read from git), bundled alike with esbuild and timed in turns in one
 * Node process, so both see the same machine at the same moments. Three measures, each per page:
 *  - served: the Worker's whole answer to `GET /forgot-password`, `/sign-up`, `/sign-in` (routing,
 *    the CSRF token, the security headers, the page), as a visitor costs it; today these empty forms
 *    are rendered once per language and reused with each visitor's token (worker/src/web/render.ts);
 *  - document: what rendering a page afresh costs, as every page with a visitor's input in it does;
 *    here the HTML `renderPage` sends for the forgot-password, reset and sign-up pages (the
 *    language chosen, the words looked up, React's markup), also in German and Arabic;
 *  - response: the same pages as `renderPage`'s Response, read back as text. Node's Response
 *    encodes and decodes the body in JavaScript, at a cost that grows with the bytes; workerd
 *    does that natively, so this row says more about the bytes than about the Worker.
 * Each turn runs each variant `rendersPerTurn` times; a ratio is of the median turns. Run with
 * `node --js-base-64` (Node 24 keeps `Uint8Array.prototype.toBase64` behind it; workerd has it).
 *
 * @example
 * const cost = await measureRenderCost({ turns: 20, rendersPerTurn: 200 });
 * cost.ratios.document; // today's / before, e.g. 1.08
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { ROOT } from "./wrangler.mjs";

/** The last commit whose pages spoke only English, from shared/copy.ts. */
export const RENDER_BASELINE = "17a433b";

const ENV = { ENVIRONMENT: "development", APP_NAME: "ResetKit", DEFAULT_LOCALE: "en" };

/** The entry of today's tree: renders the pages through renderPage, in `locale`. */
const CURRENT_ENTRY = `
import { renderDocument, renderPage } from "./worker/src/web/render.ts";
import { ForgotPasswordPage } from "./worker/src/web/pages/forgot-password.tsx";
import { ResetPasswordPage } from "./worker/src/web/pages/reset-password.tsx";
import { SignUpPage } from "./worker/src/web/pages/sign-up.tsx";
import { createElement as h } from "react";
const env = ${JSON.stringify(ENV)};
const ACCEPT_LANGUAGE = { en: "en-US,en;q=0.9", de: "de-DE,de;q=0.9,en;q=0.8", ar: "ar-EG,ar;q=0.9,en;q=0.8" };
export async function renderPages(locale) {
  const request = new Request("http://127.0.0.1/forgot-password", { headers: { "accept-language": ACCEPT_LANGUAGE[locale] } });
  let bytes = 0;
  for (const page of [
    h(ForgotPasswordPage, { appName: "ResetKit", csrfToken: "csrf" }),
    h(ResetPasswordPage, { appName: "ResetKit", csrfToken: "csrf", formId: "f", email: "dana@example.com", maskedEmail: "d***@example.com", minLength: 12, errors: { password: { key: "passwordPolicy.tooShort", values: { min: 12 } } } }),
    h(SignUpPage, { appName: "ResetKit", csrfToken: "csrf", minLength: 12, signInUrl: "/sign-in" }),
  ]) bytes += (await renderPage(new Request(request), env, page).text()).length;
  return bytes;
}
const documentRequests = Object.fromEntries(Object.entries(ACCEPT_LANGUAGE).map(([locale, header]) => [locale, new Request("http://127.0.0.1/forgot-password", { headers: { "accept-language": header } })]));
const pages = [
  h(ForgotPasswordPage, { appName: "ResetKit", csrfToken: "csrf" }),
  h(ResetPasswordPage, { appName: "ResetKit", csrfToken: "csrf", formId: "f", email: "dana@example.com", maskedEmail: "d***@example.com", minLength: 12, errors: { password: { key: "passwordPolicy.tooShort", values: { min: 12 } } } }),
  h(SignUpPage, { appName: "ResetKit", csrfToken: "csrf", minLength: 12, signInUrl: "/sign-in" }),
];
export function renderDocuments(locale) {
  // One request per language, as one visit's pages share theirs: what the Worker reads from a
  // request once (its URL, its language) is read here once too.
  let bytes = 0;
  for (const page of pages) bytes += renderDocument(documentRequests[locale], env, page).length;
  return bytes;
}
import worker from "./worker/src/index.ts";
const serveEnv = { ...env, HMAC_KEY: "bench-render-key-bench-render-key-0123456789", PUBLIC_BASE_URL: "http://127.0.0.1:8787" };
const ctx = { waitUntil() {}, passThroughOnException() {} };
export async function servePages(locale) {
  let bytes = 0;
  for (const path of ["/forgot-password", "/sign-up", "/sign-in"]) {
    const response = await worker.fetch(new Request("http://127.0.0.1" + path, { headers: { "accept-language": ACCEPT_LANGUAGE[locale] } }), serveEnv, ctx);
    bytes += (await response.text()).length;
  }
  return bytes;
}
`;

/** The same pages through the baseline's renderPage, which took no request. */
const BASELINE_ENTRY = `
import { renderPage } from "./worker/src/web/render.ts";
import { ForgotPasswordPage } from "./worker/src/web/pages/forgot-password.tsx";
import { ResetPasswordPage } from "./worker/src/web/pages/reset-password.tsx";
import { SignUpPage } from "./worker/src/web/pages/sign-up.tsx";
import { createElement as h } from "react";
export async function renderPages() {
  // The request every page answers exists in both versions; only today's reads it.
  const request = new Request("http://127.0.0.1/forgot-password", { headers: { "accept-language": "en-US,en;q=0.9" } });
  let bytes = 0;
  for (const page of [
    h(ForgotPasswordPage, { appName: "ResetKit", csrfToken: "csrf" }),
    h(ResetPasswordPage, { appName: "ResetKit", csrfToken: "csrf", formId: "f", email: "dana@example.com", maskedEmail: "d***@example.com", minLength: 12, errors: { password: "Use at least 12 characters." } }),
    h(SignUpPage, { appName: "ResetKit", csrfToken: "csrf", minLength: 12, signInUrl: "/sign-in" }),
  ]) bytes += (await renderPage(page).text()).length + new Request(request).url.length * 0;
  return bytes;
}
import { renderToStaticMarkup } from "react-dom/server";
const pages = [
  h(ForgotPasswordPage, { appName: "ResetKit", csrfToken: "csrf" }),
  h(ResetPasswordPage, { appName: "ResetKit", csrfToken: "csrf", formId: "f", email: "dana@example.com", maskedEmail: "d***@example.com", minLength: 12, errors: { password: "Use at least 12 characters." } }),
  h(SignUpPage, { appName: "ResetKit", csrfToken: "csrf", minLength: 12, signInUrl: "/sign-in" }),
];
/** The document the baseline's renderPage sent: the doctype and React's markup of the page. */
export function renderDocuments() {
  let bytes = 0;
  for (const page of pages) bytes += ("<!DOCTYPE html>" + renderToStaticMarkup(page)).length;
  return bytes;
}
import worker from "./worker/src/index.ts";
const serveEnv = { ENVIRONMENT: "development", APP_NAME: "ResetKit", HMAC_KEY: "bench-render-key-bench-render-key-0123456789", PUBLIC_BASE_URL: "http://127.0.0.1:8787" };
const ctx = { waitUntil() {}, passThroughOnException() {} };
export async function servePages() {
  let bytes = 0;
  for (const path of ["/forgot-password", "/sign-up", "/sign-in"]) {
    const response = await worker.fetch(new Request("http://127.0.0.1" + path, { headers: { "accept-language": "en-US,en;q=0.9" } }), serveEnv, ctx);
    bytes += (await response.text()).length;
  }
  return bytes;
}
`;

async function bundle(tree, entrySource, outFile) {
  await build({
    stdin: { contents: entrySource, resolveDir: tree, loader: "tsx", sourcefile: "render-entry.tsx" },
    bundle: true,
    platform: "node",
    format: "esm",
    jsx: "automatic",
    outfile: outFile,
    nodePaths: [join(ROOT, "node_modules")],
    // React as the Worker runs it, and a `require` for the CommonJS parts of the bundle.
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  return import(pathToFileURL(outFile).href);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Times the baseline and today's pages in alternating turns; null when git lacks the baseline. */
export async function measureRenderCost({ turns = 20, rendersPerTurn = 200 } = {}) {
  const work = await mkdtemp(join(tmpdir(), "resetkit-render-"));
  try {
    const baselineTree = join(work, "baseline");
    try {
      execFileSync("sh", ["-c", `mkdir -p '${baselineTree}' && git -C '${ROOT}' archive ${RENDER_BASELINE} worker/src shared tsconfig.base.json | tar -x -C '${baselineTree}'`], { stdio: "pipe" });
    } catch {
      return null;
    }
    await writeFile(join(baselineTree, "package.json"), '{"type":"module"}');
    const [baseline, current] = await Promise.all([
      bundle(baselineTree, BASELINE_ENTRY, join(work, "baseline.mjs")),
      bundle(ROOT, CURRENT_ENTRY, join(work, "current.mjs")),
    ]);
    const runs = {
      servedBefore: () => baseline.servePages(),
      served: () => current.servePages("en"),
      documentBefore: () => baseline.renderDocuments(),
      document: () => current.renderDocuments("en"),
      documentGerman: () => current.renderDocuments("de"),
      documentArabic: () => current.renderDocuments("ar"),
      responseBefore: () => baseline.renderPages(),
      response: () => current.renderPages("en"),
    };
    const pagesPerRun = { servedBefore: 3, served: 3, documentBefore: 3, document: 3, documentGerman: 3, documentArabic: 3, responseBefore: 3, response: 3 };
    const times = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
    // Warm up every path (parsing, the catalogue's compiled messages) before timing.
    for (const run of Object.values(runs)) for (let index = 0; index < 50; index += 1) await run();
    const names = Object.keys(runs);
    for (let turn = 0; turn < turns; turn += 1) {
      // Rotate the order, so no variant always runs first or last in a turn.
      for (const name of [...names.slice(turn % names.length), ...names.slice(0, turn % names.length)]) {
        const started = performance.now();
        for (let index = 0; index < rendersPerTurn; index += 1) await runs[name]();
        times[name].push((performance.now() - started) / (rendersPerTurn * pagesPerRun[name]));
      }
    }
    const medians = Object.fromEntries(names.map((name) => [name, median(times[name])]));
    return {
      baseline: RENDER_BASELINE,
      turns,
      rendersPerTurn,
      medianMsPerPage: medians,
      ratios: {
        served: medians.served / medians.servedBefore,
        document: medians.document / medians.documentBefore,
        response: medians.response / medians.responseBefore,
        germanToEnglish: medians.documentGerman / medians.document,
        arabicToEnglish: medians.documentArabic / medians.document,
      },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
