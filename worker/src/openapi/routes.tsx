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

async function showApiReference(request: Request, env: Env): Promise<Response> {
  const { document } = await readOpenApiDocument();
  tags ??= describeReference(document);
  const securitySchemes = Object.fromEntries(
    Object.entries(document.components?.securitySchemes ?? {}).map(([name, scheme]) => [name, "description" in scheme ? scheme.description : undefined]),
  );
  return renderPage(request, env, <ApiReferencePage appName={readConfig(env).appName} info={document.info} tags={tags} securitySchemes={securitySchemes} />);
}

/** If-None-Match holds this ETag, or `*` (RFC 9110 §13.1.2; weak comparison). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((candidate) => candidate.trim().replace(/^W\//, ""))
    .some((candidate) => candidate === "*" || candidate === etag);
}
