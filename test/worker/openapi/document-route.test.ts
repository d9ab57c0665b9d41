/**
 * `GET /api/v1/openapi.json`: the document an integrator downloads, generated from the schemas the
 * Worker validates with and describing every path the API answers on.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AdminPath } from "../../../shared/admin-contract.ts";
import { ApiPath } from "../../../shared/contract.ts";
import { ERROR_CODES } from "../../../shared/errors.ts";
import { WEBHOOK_EVENT_TYPES } from "../../../shared/webhook-events.ts";
import { buildOpenApiDocument } from "../../../worker/src/openapi/document.ts";
import { toOpenApiPath } from "../../../worker/src/openapi/paths/operator.ts";

const URL = `http://127.0.0.1${ApiPath.openApi}`;

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>>;
  webhooks: Record<string, unknown>;
  components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
}

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document as cacheable JSON, readable from any origin", async () => {
    const response = await exports.default.fetch(URL);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = await response.json<Document>();
    expect(document.openapi).toBe("3.1.1");
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it("answers 304 without a body to a client that already has this version", async () => {
    const etag = (await exports.default.fetch(URL)).headers.get("etag") ?? "";
    const again = await exports.default.fetch(URL, { headers: { "if-none-match": `W/${etag}, "older"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await exports.default.fetch(URL, { headers: { "if-none-match": '"older"' } })).status).toBe(200);
  });

  it("answers another method with 405 and Allow: GET", async () => {
    const response = await exports.default.fetch(URL, { method: "POST", body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });

  it("describes every API path, the operator API, the development endpoints and every webhook event", async () => {
    const document = await (await exports.default.fetch(URL)).json<Document>();
    const described = Object.keys(document.paths);
    for (const path of Object.values(ApiPath)) expect(described, path).toContain(path);
    for (const path of Object.values(AdminPath)) expect(described, path).toContain(toOpenApiPath(path));
    expect(described).toEqual(expect.arrayContaining(["/dev/accounts", "/dev/mailbox.json", "/dev/deliveries.json", "/api/docs"]));
    expect(Object.keys(document.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(document.components.schemas.Problem.properties.code.enum.sort()).toEqual([...ERROR_CODES].sort());
    for (const path of ["/dev/accounts", "/dev/mailbox.json", "/dev/deliveries.json"]) {
      for (const operation of Object.values(document.paths[path] ?? {})) expect(operation.tags).toEqual(["development"]);
    }
  });

  it("lists 503 for every operation and 405 for every API operation, since any of them can answer so", async () => {
    const document = await (await exports.default.fetch(URL)).json<Document>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain("503");
        if (path.startsWith("/api/v1/")) expect(Object.keys(operation.responses), `${method} ${path}`).toContain("405");
      }
    }
  });
});
