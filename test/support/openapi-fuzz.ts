/**
 * Requests made from the OpenAPI document itself, in the spirit of Schemathesis: for every
 * operation, bodies, queries and path parameters generated from its own schemas, and then broken
 * in the ways clients break them: a required field missing, an unknown one added, a value of the
 * wrong type, another JSON type for the whole body, cut-off or binary text, bodies past the size
 * limit, other content types, odd methods, garbage tokens. What the Worker answers is checked by
 * the caller against the same document.
 *
 * `known` lends real values by field name (a live token, a registered address, its password), so
 * a share of the valid requests gets past the checks into the handlers.
 *
 * @example
 * const requests = fuzzRequests(document, { known: { email: ["ada@example.com"] }, bearer: { session: [token] } });
 * fc.assert(fc.asyncProperty(requests, async (request) => { … }));
 */
import fc from "fast-check";
import { resolveReference } from "./openapi-contract.ts";

type JsonObject = Record<string, unknown>;
type Schema = JsonObject;

export interface FuzzOptions {
  /** Real values by field or parameter name, used now and then in place of generated ones. */
  known?: Record<string, readonly unknown[]>;
  /** Real bearer tokens by security scheme name. */
  bearer?: Record<string, readonly string[]>;
  /** How often each operation is picked, by operationId (default 10). */
  weights?: Record<string, number>;
}

export interface FuzzRequest {
  /** `METHOD /template`, the operation this request was made from. */
  operation: string;
  method: string;
  /** Path with its parameters filled in, and the query. */
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** Why the request is broken, or "valid". */
  variant: string;
}

export const BODY_LIMIT_BYTES = 16 * 1024;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
/** Methods a path may not take; workerd, like browsers, refuses to make a request with a method it does not know. */
const ODD_METHODS = ["GET", "PUT", "PATCH", "DELETE", "POST", "OPTIONS", "HEAD", "PROPFIND"];
const LANGUAGES = ["en", "de-CH, de;q=0.9", "ja", "ar", "fr-CA", "es-419", "pt-BR", "en-XA", "*", ";;;q=x", "x".repeat(300)];
const sqlLooking = fc.constantFrom("' OR '1'='1", "'; DROP TABLE accounts; --", "admin@example.com'--", "%' AND email_normalized LIKE '%");
const garbageText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  sqlLooking,
  fc.constantFrom("", " ", "\u0000", "a\r\nBcc: victim@example.com", "é".repeat(20_000)),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Every operation of the document as one arbitrary of requests. */
export function fuzzRequests(document: JsonObject, options: FuzzOptions = {}): fc.Arbitrary<FuzzRequest> {
  const resolve = (value: unknown) => resolveReference(document, value);
  const valueOf = (schema: Schema, name?: string): fc.Arbitrary<unknown> => fromSchema(schema, { resolve, known: options.known ?? {} }, name);

  const operations: Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }> = [];
  for (const [template, item] of Object.entries((document.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of METHODS) {
      const operation = item[method] as JsonObject | undefined;
      if (!operation) continue;
      const id = String(operation.operationId);
      operations.push({ weight: options.weights?.[id] ?? 10, arbitrary: operationRequests(template, method.toUpperCase(), operation) });
    }
  }
  return fc.oneof(...operations);

  function operationRequests(template: string, method: string, operation: JsonObject): fc.Arbitrary<FuzzRequest> {
    const parameters = ((operation.parameters ?? []) as unknown[]).map((parameter) => resolve(parameter));
    const inPath = parameters.filter((parameter) => parameter.in === "path");
    const inQuery = parameters.filter((parameter) => parameter.in === "query");
    const content = (resolve(operation.requestBody)?.content ?? {}) as Record<string, { schema: Schema }>;
    const bodySchema = content["application/json"]?.schema;
    const schemes = ((operation.security ?? []) as JsonObject[]).flatMap((requirement) => Object.keys(requirement));

    const pathValues = fc.tuple(
      ...inPath.map((parameter) =>
        fc.oneof({ arbitrary: valueOf(parameter.schema as Schema, String(parameter.name)).map(String), weight: 3 }, { arbitrary: garbageText.map(String), weight: 1 }),
      ),
    );
    const query = fc.array(
      fc.oneof(
        ...inQuery.map((parameter) => fc.tuple(fc.constant(String(parameter.name)), valueOf(parameter.schema as Schema, String(parameter.name)).map(String))),
        fc.tuple(fc.constantFrom(...inQuery.map((parameter) => String(parameter.name)), "extra"), garbageText),
      ),
      { maxLength: inQuery.length + 1 },
    );
    const authorization = schemes.length
      ? fc.oneof(
          ...schemes.flatMap((scheme) => (options.bearer?.[scheme]?.length ? [fc.constantFrom(...options.bearer[scheme]!).map((token) => `Bearer ${token}`)] : [])),
          fc.string({ unit: "grapheme-ascii", maxLength: 60 }).map((value) => `Bearer ${value}`),
          fc.constantFrom(undefined, "Bearer", "Basic dXNlcjpwYXNz", `Bearer ${"A".repeat(4000)}`),
        )
      : fc.constantFrom(undefined, undefined, "Bearer whatever");
    const body: fc.Arbitrary<{ body?: string; contentType?: string; variant: string }> = bodySchema
      ? fc.tuple(bodyVariants(bodySchema), contentTypes()).map(([variant, contentType]) => ({ ...variant, contentType: variant.contentType ?? contentType }))
      : fc.oneof(
          { arbitrary: fc.constant({ variant: "valid" }), weight: 6 },
          { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ body: JSON.stringify(value), contentType: "application/json", variant: "an unexpected body" })), weight: 1 },
        );
    const chosenMethod = fc.oneof({ arbitrary: fc.constant(method), weight: 12 }, { arbitrary: fc.constantFrom(...ODD_METHODS), weight: 1 });

    return fc
      .record({ path: pathValues, query, authorization, body, method: chosenMethod, language: fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }) })
      .map(({ path, query, authorization, body, method: sent, language }) => {
        let index = 0;
        const filled = template.replace(/\{[^}]+\}/g, () => encodeURIComponent(path[index++] ?? ""));
        const search = new URLSearchParams(query).toString();
        const headers: Record<string, string> = {};
        if (authorization !== undefined) headers.authorization = authorization;
        if (body.contentType) headers["content-type"] = body.contentType;
        if (language !== undefined) headers["accept-language"] = language;
        const methodTakesBody = sent !== "GET" && sent !== "HEAD";
        return {
          operation: `${method} ${template}`,
          method: sent,
          target: search ? `${filled}?${search}` : filled,
          headers,
          body: methodTakesBody ? body.body : undefined,
          variant: sent === method ? body.variant : `method ${sent}`,
        };
      });

    function bodyVariants(schema: Schema): fc.Arbitrary<{ body: string; contentType?: string; variant: string }> {
      const valid = valueOf(schema) as fc.Arbitrary<JsonObject>;
      const fields = Object.keys((resolve(schema).properties ?? {}) as JsonObject);
      const required = (resolve(schema).required ?? []) as string[];
      const text = (value: unknown) => JSON.stringify(value);
      return fc.oneof(
        { arbitrary: valid.map((value) => ({ body: text(value), variant: "valid" })), weight: 8 },
        ...(required.length
          ? [{ arbitrary: fc.tuple(valid, fc.constantFrom(...required)).map(([value, field]) => ({ body: text(omit(value, field)), variant: `without ${field}` })), weight: 2 }]
          : []),
        {
          arbitrary: fc
            .tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
            .map(([value, field, extra]) => ({ body: text({ ...value, [`x${field}`]: extra }), variant: "with an unknown field" })),
          weight: 1,
        },
        ...(fields.length
          ? [{ arbitrary: fc.tuple(valid, fc.constantFrom(...fields), wrongType).map(([value, field, wrong]) => ({ body: text({ ...value, [field]: wrong }), variant: `${field} of the wrong type` })), weight: 2 }]
          : []),
        { arbitrary: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.string(), fc.integer(), fc.constant(null)).map((value) => ({ body: text(value), variant: "not an object" })), weight: 1 },
        {
          arbitrary: fc.oneof(
            valid.chain((value) => fc.nat({ max: Math.max(text(value).length - 1, 0) }).map((cut) => text(value).slice(0, cut))),
            fc.string({ unit: "binary", maxLength: 80 }),
            fc.constantFrom("{", '{"email":', "[1,2", "{'email': 'a@b.c'}", "nul", '{"a":1,}', "\uFEFF{}"),
          ).map((body) => ({ body, variant: "not JSON" })),
          weight: 2,
        },
        {
          arbitrary: fc
            .tuple(valid, fc.integer({ min: BODY_LIMIT_BYTES + 1, max: BODY_LIMIT_BYTES * 3 }))
            .map(([value, size]) => ({ body: text(value).padEnd(size, " "), variant: "past the size limit" })),
          weight: 1,
        },
        {
          arbitrary: valid.map((value) => ({ body: new URLSearchParams(Object.entries(value).map(([k, v]) => [k, String(v)])).toString(), contentType: "application/x-www-form-urlencoded", variant: "a form" })),
          weight: 1,
        },
      );
    }
  }
}

/** JSON bodies are sent as JSON mostly, but also in the other ways clients get it wrong. */
function contentTypes(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant("application/json"), weight: 10 },
    { arbitrary: fc.constantFrom("application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=\"utf-8\""), weight: 2 },
    { arbitrary: fc.constantFrom(undefined, "text/plain", "application/problem+json", "multipart/form-data; boundary=x", "application/jsonx", ""), weight: 2 },
  );
}

interface SchemaContext {
  resolve: (value: unknown) => JsonObject;
  known: Record<string, readonly unknown[]>;
}

/**
 * A valid value of a JSON Schema: the subset zod-openapi writes (types, enums, consts, formats,
 * patterns, bounds, unions). A field whose name has known values takes one of them two times in three.
 */
export function fromSchema(schema: Schema, context: SchemaContext, name?: string): fc.Arbitrary<unknown> {
  const generated = generate(context.resolve(schema), context);
  const known = name ? context.known[name] : undefined;
  return known?.length ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 2 }, { arbitrary: generated, weight: 1 }) : generated;
}

function generate(schema: Schema, context: SchemaContext): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...(schema[key] as Schema[]).map((member) => fromSchema(member, context)));
  }
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      return fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, fromSchema(property, context, key)])),
        { requiredKeys: [...required].filter((key) => key in properties) },
      );
    }
    case "array":
      return fc.array(fromSchema((schema.items ?? {}) as Schema, context), { maxLength: 3 });
    case "integer":
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1_000, max: (schema.maximum as number | undefined) ?? 1_000 });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "string":
      return stringFromSchema(schema);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function stringFromSchema(schema: Schema): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? 64;
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  if (schema.format === "email") return fc.emailAddress().filter(fits);
  if (schema.format === "date-time") return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4_000_000_000_000) }).map((date) => date.toISOString());
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  const examples = (schema.examples ?? []) as string[];
  const generated = fc.string({ minLength, maxLength: Math.min(maxLength, Math.max(minLength, 40)) });
  return examples.length ? fc.oneof(fc.constantFrom(...examples), generated) : generated;
}

function omit(value: JsonObject, field: string): JsonObject {
  const { [field]: _dropped, ...rest } = value;
  return rest;
}
