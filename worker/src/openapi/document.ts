/**
 * The OpenAPI 3.1 document of the Worker's JSON API, generated with zod-openapi from the same
 * zod schemas the routes validate with (shared/contract.ts, shared/admin-contract.ts,
 * shared/webhook-events.ts, shared/errors.ts), so the description cannot drift from the code.
 * It depends on no setting, so an isolate builds it once, on the first request that needs it.
 *
 * @example
 * const { json, etag } = await readOpenApiDocument();
 */
import { createDocument, type oas31 } from "zod-openapi";
import { problemSchema } from "../../../shared/errors.ts";
import { encodeHex } from "../crypto/encoding.ts";
import { ACCEPT_LANGUAGE_PARAMETER, HEADERS, problemResponse, SHARED_ANSWERS } from "./answers.ts";
import { TAGS } from "./operation.ts";
import { ACCOUNT_PATHS } from "./paths/accounts.ts";
import { DEVELOPMENT_PATHS } from "./paths/development.ts";
import { OPERATOR_PATHS } from "./paths/operator.ts";
import { PASSWORD_RESET_PATHS } from "./paths/password-resets.ts";
import { OPENAPI_VERSION, REFERENCE_PATHS } from "./paths/reference.ts";
import { SESSION_PATHS } from "./paths/sessions.ts";
import { WEBHOOK_TAG, WEBHOOKS } from "./webhooks.ts";

const DESCRIPTION = `Password reset for the edge: accounts, sessions, reset links and codes, served by a Cloudflare Worker.

**Errors.** Every JSON error is \`application/problem+json\` (RFC 9457): \`{type, title, status, detail?, code, errors?}\`. Branch on \`code\`, which never changes. \`title\`, \`detail\` and each field sentence in \`errors\` are written in the best match for \`Accept-Language\` (en, de, es, fr, ja, ar; else the Worker's DEFAULT_LOCALE), and \`Content-Language\` names it; \`code\`, \`type\` and the field names are the same in every language.

**Every endpoint** can answer 503 \`unavailable\` with \`Retry-After\` when storage or the Worker's configuration fails. Request bodies are JSON of at most 16 KiB (413 past that, 415 for another content type, 400 for malformed JSON). A path called with a method it does not take answers 405 with \`Allow\`.

**Time zones.** A reset request and a sign-up take an optional \`timeZone\` (an IANA name such as \`Europe/Berlin\`), so the email names its link's expiry in the reader's own time.`;

const TAG_DESCRIPTIONS: oas31.TagObject[] = [
  { name: TAGS.accounts, description: "Sign-up and confirming the address. A sign-up answers the same for every address." },
  { name: TAGS.sessions, description: "Sign-in, the signed-in account, the password change and signing out. Session tokens go in `Authorization: Bearer`." },
  { name: TAGS.passwordResets, description: "Reset links and the emailed codes that finish a reset on another device." },
  { name: TAGS.operator, description: "The operator API, `/api/v1/admin/`: deliveries and accounts, for answering \"the email never came\". Every call takes `Authorization: Bearer <ADMIN_API_TOKEN>`; without that secret none of these routes exists (404)." },
  { name: TAGS.development, description: "Development only: absent in production. These exist only when ENVIRONMENT is `development` and the request's Host is loopback (localhost, 127.0.0.1, [::1]); anywhere else they are the site's HTML 404." },
  { name: TAGS.reference, description: "This document, as JSON and as a page." },
  { name: WEBHOOK_TAG, description: "Signed events ResetKit POSTs to WEBHOOK_URL, after the Standard Webhooks specification. Delivery is at least once: dedupe on `webhook-id`." },
];

/** Builds the document; `readOpenApiDocument` keeps the result. */
export function buildOpenApiDocument(): oas31.OpenAPIObject {
  return createDocument({
    openapi: OPENAPI_VERSION,
    info: {
      title: "ResetKit API",
      version: "1.0.0",
      description: DESCRIPTION,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "The Worker that serves this document." }],
    tags: TAG_DESCRIPTIONS,
    paths: { ...ACCOUNT_PATHS, ...SESSION_PATHS, ...PASSWORD_RESET_PATHS, ...OPERATOR_PATHS, ...DEVELOPMENT_PATHS, ...REFERENCE_PATHS },
    webhooks: WEBHOOKS,
    components: {
      schemas: { Problem: problemSchema },
      headers: HEADERS,
      responses: Object.fromEntries(SHARED_ANSWERS.map((answer) => [answer.id, problemResponse(answer)])),
      parameters: { "Accept-Language": ACCEPT_LANGUAGE_PARAMETER },
      securitySchemes: {
        session: { type: "http", scheme: "bearer", description: "A session token from `POST /api/v1/sessions`." },
        operatorToken: { type: "http", scheme: "bearer", description: "The ADMIN_API_TOKEN secret." },
      },
    },
  }) as oas31.OpenAPIObject;
}

export interface ServedDocument {
  document: oas31.OpenAPIObject;
  json: string;
  /** A strong ETag: the first half of the JSON's SHA-256. */
  etag: string;
}

let served: Promise<ServedDocument> | undefined;

/** The document as served, built once per isolate. */
export function readOpenApiDocument(): Promise<ServedDocument> {
  served ??= serializeDocument(buildOpenApiDocument());
  return served;
}

async function serializeDocument(document: oas31.OpenAPIObject): Promise<ServedDocument> {
  const json = JSON.stringify(document);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(json)));
  const etag = `"${encodeHex(digest.slice(0, 16))}"`;
  return { document, json, etag };
}
