/**
 * The document's two routes: `GET /api/v1/openapi.json` (cacheable, with an ETag, and readable
 * from any origin, since it holds nothing secret) and the reference page at `/api/docs`, which is
 * an ordinary edge page: its layout, its language, its security headers.
 *
 * @example
 * registerOpenApiRoutes(router); // in worker/src/router.ts, before the /api/* 404
 */
import { ApiPath, PagePath } from "../../../shared/contract.ts";
import { readConfig } from "../config.ts";
import type { AppRouter } from "../http/app-router.ts";
import { rejectOtherMethods } from "../http/method-not-allowed.ts";
import { readRequestUrl } from "../http/request-url.ts";
import { readPageLocale } from "../i18n/request-locale.ts";
import { renderPage } from "../web/render.ts";
import { rejectOtherPageMethods, webRoute } from "../web/web-route.tsx";
import { readOpenApiDocument } from "./document.ts";
import { DOCUMENT_MAX_AGE_SECONDS } from "./paths/reference.ts";
import { describeReference, type TagView } from "./reference-model.ts";
import { ApiReferencePage } from "./reference-page.tsx";

/** Adds the document and its page to the router. */
export function registerOpenApiRoutes(router: AppRouter): void {
  router.get(ApiPath.openApi, async function handleOpenApiDocument(request) {
    const { json, etag } = await readOpenApiDocument();
    const headers = {
      "content-type": "application/json",
      "cache-control": `public, max-age=${DOCUMENT_MAX_AGE_SECONDS}`,
      etag,
      "access-control-allow-origin": "*",
    };
    if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    return new Response(json, { headers });
  });
  router.all(ApiPath.openApi, rejectOtherMethods(["GET"]));

  const showReference = webRoute(showApiReference);
  router.get(PagePath.apiDocs, showReference);
  router.head(PagePath.apiDocs, showReference);
  router.all(PagePath.apiDocs, webRoute(rejectOtherPageMethods(["GET", "HEAD"])));
}

let tags: TagView[] | undefined;

/**
 * The page is large (every operation, every table) and depends only on its language and its URL
 * (the language chooser links back to it), so an isolate renders each once: rendering costs more
 * CPU than a Worker should spend on every view.
 */
const renderedPages = new Map<string, { html: string; headers: Array<[string, string]> }>();
const RENDERED_PAGES_LIMIT = 32;

async function showApiReference(request: Request, env: Env): Promise<Response> {
  const { appName } = readConfig(env);
  const key = `${readPageLocale(request, env).locale} ${appName} ${readRequestUrl(request).search}`;
  let page = renderedPages.get(key);
  if (!page) {
    const { document } = await readOpenApiDocument();
    tags ??= describeReference(document);
    const securitySchemes = Object.fromEntries(
      Object.entries(document.components?.securitySchemes ?? {}).map(([name, scheme]) => [name, "description" in scheme ? scheme.description : undefined]),
    );
    const rendered = renderPage(request, env, <ApiReferencePage appName={appName} info={document.info} tags={tags} securitySchemes={securitySchemes} />);
    page = { html: await rendered.text(), headers: [...rendered.headers] };
    if (renderedPages.size >= RENDERED_PAGES_LIMIT) renderedPages.clear();
    renderedPages.set(key, page);
  }
  return new Response(page.html, { headers: page.headers });
}

/** If-None-Match holds this ETag, or `*` (RFC 9110 §13.1.2; weak comparison). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((candidate) => candidate.trim().replace(/^W\//, ""))
    .some((candidate) => candidate === "*" || candidate === etag);
}
