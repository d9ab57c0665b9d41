/**
 * The document describes itself too: `GET /api/v1/openapi.json` and the page made from it,
 * `GET /api/docs` (worker/src/openapi/routes.tsx).
 */
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ApiPath, PagePath } from "../../../../shared/contract.ts";
import { HEADERS } from "../answers.ts";
import { describeOperation, TAGS } from "../operation.ts";

export const OPENAPI_VERSION = "3.1.1";
/** How long a client or cache may keep the document without asking again. */
export const DOCUMENT_MAX_AGE_SECONDS = 300;

const documentSchema = z
  .looseObject({ openapi: z.literal(OPENAPI_VERSION), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  .meta({ description: "An OpenAPI 3.1 document." });

const html = { "text/html": { schema: { type: "string" as const } } };

const PAGE_METHOD_NOT_ALLOWED = {
  405: {
    description: "Another method than GET or HEAD: the site's HTML 405 page.",
    headers: { Allow: { ...HEADERS.Allow, example: "GET, HEAD" } },
    content: html,
  },
};

export const REFERENCE_PATHS: ZodOpenApiPathsObject = {
  [ApiPath.openApi]: {
    get: describeOperation({
      operationId: "readOpenApiDocument",
      tag: TAGS.reference,
      summary: "This document",
      description: `This OpenAPI ${OPENAPI_VERSION} document, generated from the schemas the Worker validates with. Cacheable for ${DOCUMENT_MAX_AGE_SECONDS} seconds; send its ETag back in If-None-Match to get a 304.`,
      rejectsOtherMethods: true,
      params: { header: z.object({ "if-none-match": z.string().optional().meta({ description: "The ETag of a copy you have." }) }) },
      success: {
        status: 200,
        description: "The document.",
        schema: documentSchema,
        headers: {
          ETag: { description: "The document's version.", required: true, schema: { type: "string" } },
          "Cache-Control": { description: `\`public, max-age=${DOCUMENT_MAX_AGE_SECONDS}\``, required: true, schema: { type: "string" } },
        },
      },
      otherResponses: { 304: { description: "Not Modified: the copy named by If-None-Match is current." } },
    }),
  },
  [PagePath.apiDocs]: {
    get: describeOperation({
      operationId: "readApiReference",
      tag: TAGS.reference,
      summary: "This reference as a page",
      description: "This document as an HTML page, in the Worker's own layout and under its strict Content-Security-Policy. Its frame follows the page's language; the API's descriptions are English.",
      success: { status: 200, description: "The page.", content: html },
      otherResponses: PAGE_METHOD_NOT_ALLOWED,
    }),
    head: describeOperation({
      operationId: "checkApiReference",
      tag: TAGS.reference,
      summary: "This reference's headers",
      description: "The page's headers, as GET sends them, without the page.",
      success: { status: 200, description: "The page's headers." },
      otherResponses: PAGE_METHOD_NOT_ALLOWED,
    }),
  },
};
