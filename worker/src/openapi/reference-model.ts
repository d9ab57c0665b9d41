/**
 * What the reference page shows, read out of the OpenAPI document: the operations grouped by
 * tag, and each schema flattened into rows of a table (field, type, required, notes). References
 * are followed and `allOf` is merged, so a 410 reads as the Problem's fields with `code` narrowed
 * to `token_invalid`, not as a pointer to look up.
 */
import type { oas31 } from "zod-openapi";

export interface SchemaRow {
  /** The field's path, such as `errors` or `deliveries[].status`; empty for a body that is not an object. */
  name: string;
  depth: number;
  type: string;
  required: boolean;
  notes: string[];
  description?: string;
}

export interface ContentView {
  mediaType: string;
  rows: SchemaRow[];
  examples: Array<{ name: string; summary?: string; json: string }>;
}

export interface ParameterView {
  name: string;
  location: string;
  required: boolean;
  type: string;
  description?: string;
}

export interface ResponseView {
  status: string;
  description: string;
  headers: Array<{ name: string; required: boolean; description?: string }>;
  content: ContentView[];
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  security: string[];
  parameters: ParameterView[];
  requestBody?: ContentView[];
  responses: ResponseView[];
}

export interface TagView {
  name: string;
  description?: string;
  operations: OperationView[];
}

const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"] as const;
/** Bounds zod writes for every integer, which say nothing to a reader. */
const SAFE_INTEGER = 9007199254740991;
const LONGEST_PATTERN_SHOWN = 60;

/** The document's operations by tag, in the document's tag order, the webhooks last under their own tag. */
export function describeReference(document: oas31.OpenAPIObject): TagView[] {
  const tags: TagView[] = (document.tags ?? []).map((tag) => ({ name: tag.name, description: tag.description, operations: [] }));
  const add = (path: string, item: oas31.PathItemObject, isWebhook: boolean) => {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const view = describeOperation(document, isWebhook ? "POST" : method.toUpperCase(), isWebhook ? `webhook ${path}` : path, operation);
      const tagName = operation.tags?.[0] ?? "";
      let tag = tags.find((candidate) => candidate.name === tagName);
      if (!tag) tags.push((tag = { name: tagName, operations: [] }));
      tag.operations.push(view);
    }
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) add(path, item, false);
  for (const [name, item] of Object.entries(document.webhooks ?? {})) add(name, resolve(document, item), true);
  return tags.filter((tag) => tag.operations.length > 0);
}

function describeOperation(document: oas31.OpenAPIObject, method: string, path: string, operation: oas31.OperationObject): OperationView {
  const parameters = (operation.parameters ?? []).map((reference) => {
    const parameter = resolve<oas31.ParameterObject>(document, reference);
    return {
      name: parameter.name,
      location: parameter.in,
      required: parameter.required === true,
      type: describeType(document, parameter.schema ?? {}),
      description: parameter.description,
    };
  });
  const body = operation.requestBody ? resolve<oas31.RequestBodyObject>(document, operation.requestBody) : undefined;
  const responses = Object.entries(operation.responses ?? {}).map(([status, reference]): ResponseView => {
    const response = resolve<oas31.ResponseObject>(document, reference);
    return {
      status,
      description: response.description,
      headers: Object.entries(response.headers ?? {}).map(([name, header]) => {
        const resolved = resolve<oas31.HeaderObject>(document, header);
        return { name, required: resolved.required === true, description: resolved.description };
      }),
      content: describeContent(document, response.content),
    };
  });
  return {
    id: operation.operationId ?? `${method} ${path}`,
    method,
    path,
    summary: operation.summary ?? "",
    description: operation.description,
    security: (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)),
    parameters,
    requestBody: body ? describeContent(document, body.content) : undefined,
    responses,
  };
}

function describeContent(document: oas31.OpenAPIObject, content: oas31.ContentObject | undefined): ContentView[] {
  return Object.entries(content ?? {}).map(([mediaType, media]) => ({
    mediaType,
    rows: media.schema ? describeSchema(document, media.schema) : [],
    examples: Object.entries(media.examples ?? {}).map(([name, reference]) => {
      const example = resolve<oas31.ExampleObject>(document, reference);
      return { name, summary: example.summary, json: JSON.stringify(example.value, null, 2) };
    }),
  }));
}

/** A schema as table rows: one per field, nested objects and arrays of objects indented below their field. */
export function describeSchema(document: oas31.OpenAPIObject, schema: oas31.SchemaObject | oas31.ReferenceObject, prefix = "", depth = 0): SchemaRow[] {
  const flat = flatten(document, schema);
  const properties = flat.properties ?? {};
  if (Object.keys(properties).length === 0) {
    return prefix === "" && (flat.type !== undefined || flat.const !== undefined || flat.enum !== undefined || flat.anyOf !== undefined)
      ? [{ name: "", depth, type: describeType(document, flat), required: true, notes: describeNotes(flat), description: flat.description }]
      : [];
  }
  const required = new Set(flat.required ?? []);
  return Object.entries(properties).flatMap(([name, property]) => {
    const field = flatten(document, property);
    const row: SchemaRow = { name: `${prefix}${name}`, depth, type: describeType(document, field), required: required.has(name), notes: describeNotes(field), description: field.description };
    const items = field.type === "array" && field.items ? flatten(document, field.items) : undefined;
    const nested = field.properties ? describeSchema(document, field, `${prefix}${name}.`, depth + 1) : items?.properties ? describeSchema(document, items, `${prefix}${name}[].`, depth + 1) : [];
    return [row, ...nested];
  });
}

/** Follows a reference, then merges `allOf` into one schema: later parts narrow the fields of earlier ones. */
function flatten(document: oas31.OpenAPIObject, schema: oas31.SchemaObject | oas31.ReferenceObject): oas31.SchemaObject {
  const resolved = resolve<oas31.SchemaObject>(document, schema);
  if (!resolved.allOf) return resolved;
  const merged: oas31.SchemaObject = { ...resolved, allOf: undefined, properties: {}, required: [...(resolved.required ?? [])] };
  for (const part of resolved.allOf.map((member) => flatten(document, member))) {
    merged.description ??= part.description;
    merged.type ??= part.type;
    merged.required = [...new Set([...(merged.required ?? []), ...(part.required ?? [])])];
    for (const [name, property] of Object.entries(part.properties ?? {})) {
      const earlier = merged.properties?.[name];
      merged.properties![name] = earlier ? { ...flatten(document, earlier), ...flatten(document, property) } : property;
    }
  }
  return merged;
}

function describeType(document: oas31.OpenAPIObject, schema: oas31.SchemaObject | oas31.ReferenceObject): string {
  const flat = flatten(document, schema);
  if (flat.const !== undefined) return JSON.stringify(flat.const);
  if (flat.enum) return flat.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (flat.anyOf) return flat.anyOf.map((member) => describeType(document, member)).join(" | ");
  if (flat.type === "array") return `${flat.items ? describeType(document, flat.items) : "any"}[]`;
  if (flat.type === "object" && !flat.properties && flat.additionalProperties && typeof flat.additionalProperties === "object") {
    return `{ [name]: ${describeType(document, flat.additionalProperties)} }`;
  }
  return Array.isArray(flat.type) ? flat.type.join(" | ") : (flat.type ?? "any");
}

/** The constraints, as JSON Schema names them: the same words in every language, like the field names. */
function describeNotes(schema: oas31.SchemaObject): string[] {
  const notes: string[] = [];
  if (schema.format) notes.push(`format: ${schema.format}`);
  for (const keyword of ["minLength", "maxLength", "minimum", "maximum"] as const) {
    const value = schema[keyword];
    if (typeof value === "number" && Math.abs(value) !== SAFE_INTEGER) notes.push(`${keyword}: ${value}`);
  }
  if (schema.pattern && schema.pattern.length <= LONGEST_PATTERN_SHOWN) notes.push(`pattern: ${schema.pattern}`);
  if (schema.default !== undefined) notes.push(`default: ${JSON.stringify(schema.default)}`);
  const examples = schema.examples as unknown[] | undefined;
  if (examples?.length) notes.push(`examples: ${JSON.stringify(examples[0])}`);
  return notes;
}

/** The object a `$ref` inside the document points at (`#/components/...`), or the object itself. */
function resolve<T>(document: oas31.OpenAPIObject, value: T | oas31.ReferenceObject): T {
  if (!value || typeof value !== "object" || !("$ref" in value) || typeof value.$ref !== "string") return value as T;
  let target: unknown = document;
  for (const part of value.$ref.replace(/^#\//, "").split("/")) {
    target = (target as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return resolve(document, target as T);
}
