/**
 * The contract check: holds an answer of the Worker to what the OpenAPI document says about its
 * path, method and status. An undocumented status, a missing required header, another content
 * type or a body that does not match the schema is a violation, named with the request, so a
 * test fails where the document and the Worker disagree. Paths the document does not describe
 * (pages, unknown URLs) are not checked.
 *
 * A method the path does not take is held to what the path's operations document for that case:
 * the 405 with `Allow` (after the operator token's 401 or 404 on the operator API), the
 * development paths' HTML 404, or the 503 any request can get.
 *
 * Validation uses @cfworker/json-schema, which needs no code generation, so the same checker
 * runs inside workerd (where `new Function` is forbidden) and in Node.
 *
 * @example
 * const checker = createContractChecker(document);
 * checker.assertConforms({ method: "POST", url, status: response.status, headers: response.headers, body: await response.clone().text() });
 */
import { dereference, validate, type Schema } from "@cfworker/json-schema";

/** What a test saw: the request it sent and the answer it got. */
export interface ObservedAnswer {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export interface ContractChecker {
  /** The ways `answer` breaks the document; empty when it conforms or its path is not described. */
  check(answer: ObservedAnswer): string[];
  /** Throws an error naming every violation. */
  assertConforms(answer: ObservedAnswer): void;
  /** True when the document describes this path. */
  describes(url: string): boolean;
}

type JsonObject = Record<string, unknown>;

const DOCUMENT_URI = "https://resetkit.test/openapi.json";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** What a path answers to a method it does not take, wherever the document says so. */
const OTHER_METHOD_STATUSES = new Set(["401", "404", "405", "503"]);

/** Builds a checker for `document` (a parsed OpenAPI 3.1 object; it is copied, not changed). */
export function createContractChecker(source: unknown): ContractChecker {
  const document = structuredClone(source) as JsonObject;
  const lookup = indexSchemas(document);
  const paths = Object.entries((document.paths ?? {}) as Record<string, JsonObject>).map(([template, item]) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
    item,
  }));

  const resolve = (value: unknown) => resolveReference(document, value);

  const findPath = (url: string) => {
    const { pathname } = new URL(url);
    return paths.find((path) => path.pattern.test(pathname));
  };

  const check = (answer: ObservedAnswer): string[] => {
    const path = findPath(answer.url);
    if (!path) return [];
    const method = answer.method.toLowerCase();
    const operation = path.item[method] as JsonObject | undefined;
    const responses = operation ? ((operation.responses ?? {}) as JsonObject) : responsesForOtherMethods(path.item);
    const status = String(answer.status);
    const documented = responses[status] ?? responses[`${status[0]}XX`] ?? (operation ? responses.default : undefined);
    const where = `${answer.method} ${path.template}`;
    if (!documented) {
      return [`${where} answered ${status}, which the document does not list (it lists ${Object.keys(responses).join(", ") || "nothing"} for this ${operation ? "operation" : "method"})`];
    }
    const response = resolve(documented);
    const problems: string[] = [];
    for (const [name, reference] of Object.entries((response.headers ?? {}) as JsonObject)) {
      const header = resolve(reference);
      const value = answer.headers.get(name);
      if (value === null) {
        if (header.required === true) problems.push(`${where} ${status} lacks the required header ${name}`);
        continue;
      }
      if (header.schema) problems.push(...validationErrors(value, header.schema as JsonObject, lookup).map((error) => `${where} ${status} header ${name}: ${error}`));
    }
    const content = response.content as Record<string, JsonObject> | undefined;
    const bodyIsAbsent = answer.method.toUpperCase() === "HEAD" || answer.body === "";
    if (!content) {
      if (!bodyIsAbsent) problems.push(`${where} ${status} should have no body, but sent ${JSON.stringify(answer.body.slice(0, 120))}`);
      return problems;
    }
    const mediaType = answer.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
    const media = content[mediaType];
    if (!media) {
      problems.push(`${where} ${status} sent ${mediaType || "no content type"}, not ${Object.keys(content).join(" or ")}`);
      return problems;
    }
    if (answer.method.toUpperCase() === "HEAD" || !/[/+]json$/.test(mediaType) || !media.schema) return problems;
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [...problems, `${where} ${status} sent ${mediaType} that is not JSON: ${JSON.stringify(answer.body.slice(0, 120))}`];
    }
    return [
      ...problems,
      ...validationErrors(body, media.schema as JsonObject, lookup).map((error) => `${where} ${status} body ${JSON.stringify(answer.body.slice(0, 300))}: ${error}`),
    ];
  };

  return {
    check,
    assertConforms(answer) {
      const problems = check(answer);
      if (problems.length > 0) throw new Error(`The answer breaks the OpenAPI document:\n- ${problems.join("\n- ")}`);
    },
    describes: (url) => findPath(url) !== undefined,
  };

  function responsesForOtherMethods(item: JsonObject): JsonObject {
    const found: JsonObject = {};
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(((item[method] as JsonObject | undefined)?.responses ?? {}) as JsonObject)) {
        if (OTHER_METHOD_STATUSES.has(status)) found[status] ??= response;
      }
    }
    return found;
  }
}

/** Follows `value`'s local `$ref`s (`#/components/...`, JSON pointers) within `document` to what they name. */
export function resolveReference(document: JsonObject, value: unknown): JsonObject {
  let current = value as JsonObject;
  while (current && typeof current.$ref === "string") {
    current = (current.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((target, part) => (target as JsonObject)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")], document) as JsonObject;
  }
  return current;
}

/**
 * Indexes every schema of the document under its JSON pointer, so `#/components/schemas/Problem`
 * resolves from anywhere. Only schemas are walked: an example's `id` field is data, not a schema id.
 */
function indexSchemas(document: JsonObject): Record<string, Schema | boolean> {
  const lookup: Record<string, Schema | boolean> = Object.create(null);
  const base = new URL(DOCUMENT_URI);
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "examples" || key === "example") continue;
      const at = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (key === "schema" && value && typeof value === "object") dereference(value as Schema, lookup, base, at);
      else visit(value, at);
    }
  };
  for (const [name, schema] of Object.entries(((document.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject)) {
    dereference(schema as Schema, lookup, base, `/components/schemas/${name}`);
  }
  visit(document, "");
  return lookup;
}

/** The leaf errors of validating `instance` (the "a subschema had errors" lines above them say nothing more). */
function validationErrors(instance: unknown, schema: JsonObject, lookup: Record<string, Schema | boolean>): string[] {
  const result = validate(instance, schema as Schema, "2020-12", lookup, false);
  if (result.valid) return [];
  const leaves = result.errors.filter((error) => !/subschema|did not match|does not match schema|does not match "(then|else)"/.test(error.error));
  return (leaves.length > 0 ? leaves : result.errors).slice(0, 5).map((error) => `${error.instanceLocation} ${error.error}`);
}
