/**
 * Finds every SQL statement the Worker can send to D1, by reading the source of every module
 * under worker/src. Each `.prepare(...)` call (and `DB.exec(...)`) must pass SQL the reader can
 * see: a string or template literal, or a named constant, exported or imported, whose value is
 * a string. `QUERIES[key]` stands for every string in the exported object `QUERIES`. Anything else (string concatenation, a function call, an unknown interpolation) is
 * reported as unreadable, so a new query can never slip past the plan check unnoticed.
 */
/// <reference types="vite/client" />

const SOURCES = import.meta.glob<string>("../../../worker/src/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });
const MODULES = import.meta.glob<Record<string, unknown>>("../../../worker/src/**/*.{ts,tsx}", { eager: true });
const ROOT = "../../../";

export interface SqlStatement {
  /** `worker/src/...:line` of the call that prepares it. */
  origin: string;
  sql: string;
  /** The start of the statement on one line, to tell statements from one call apart. */
  summary: string;
}

export interface SqlInventory {
  statements: SqlStatement[];
  unreadable: string[];
}

const CALL = /\.prepare\(|\bDB\.exec\(/g;
const REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/;

/** Reads every module's source and returns the statements found and the calls it could not read. */
export function collectSqlStatements(): SqlInventory {
  const statements: SqlStatement[] = [];
  const unreadable: string[] = [];
  for (const [file, source] of Object.entries(SOURCES)) {
    for (const match of source.matchAll(CALL)) {
      const line = source.slice(0, match.index).split("\n").length;
      const lineText = source.split("\n")[line - 1]?.trim() ?? "";
      if (lineText.startsWith("*") || lineText.startsWith("//")) continue;
      const origin = `${file.replace(ROOT, "")}:${line}`;
      const sql = readArgument(file, source, match.index + match[0].length);
      if (sql === null) unreadable.push(origin);
      else for (const text of sql) statements.push({ origin, sql: text, summary: summarize(text) });
    }
  }
  return { statements, unreadable };
}

/** The SQL passed as the first argument at `start`, or null when it is not statically readable. */
function readArgument(file: string, source: string, start: number): string[] | null {
  let position = skipSpace(source, start);
  const first = source[position];
  let sql: string[] | null;
  if (first === '"' || first === "'" || first === "`") {
    const literal = readLiteral(file, source, position);
    if (!literal) return null;
    sql = [literal.value];
    position = literal.end;
  } else {
    const reference = REFERENCE.exec(source.slice(position))?.[0];
    if (!reference) return null;
    position += reference.length;
    const keyed = /^\[[\w$.]+\]/.exec(source.slice(position))?.[0];
    if (keyed) {
      sql = resolveObjectValues(file, reference);
      position += keyed.length;
    } else {
      const value = resolveReference(file, source, reference);
      sql = value === null ? null : [value];
    }
  }
  const next = source[skipSpace(source, position)];
  return sql && (next === ")" || next === ",") ? sql : null;
}

/** Every value of an exported object of SQL strings, for `QUERIES[key]`; null unless all are strings. */
function resolveObjectValues(file: string, reference: string): string[] | null {
  let current: unknown = MODULES[file];
  for (const key of reference.split(".")) {
    if (typeof current !== "object" || current === null || !(key in current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current !== "object" || current === null) return null;
  const values = Object.values(current);
  return values.length > 0 && values.every((value) => typeof value === "string") ? (values as string[]) : null;
}

/** Reads a string or template literal starting at `start`; interpolations must be named constants. */
function readLiteral(file: string, source: string, start: number): { value: string; end: number } | null {
  const quote = source[start];
  let value = "";
  let position = start + 1;
  while (position < source.length) {
    const character = source[position] ?? "";
    if (character === "\\") {
      value += unescape(source[position + 1] ?? "");
      position += 2;
    } else if (character === quote) {
      return { value, end: position + 1 };
    } else if (quote === "`" && source.startsWith("${", position)) {
      const close = source.indexOf("}", position);
      const expression = source.slice(position + 2, close).trim();
      const resolved = REFERENCE.exec(expression)?.[0] === expression ? resolveReference(file, source, expression) : null;
      if (resolved === null) return null;
      value += resolved;
      position = close + 1;
    } else {
      value += character;
      position += 1;
    }
  }
  return null;
}

/** Finds the string value of a constant: exported by this module, declared in it, or imported. */
function resolveReference(file: string, source: string, reference: string): string | null {
  const path = reference.split(".");
  const own = lookUp(MODULES[file], path);
  if (own !== null) return own;
  const [name, ...rest] = path;
  if (rest.length === 0) {
    const declaration = new RegExp(`\\bconst\\s+${name}\\s*=\\s*`).exec(source);
    if (declaration) {
      const literal = readLiteral(file, source, declaration.index + declaration[0].length);
      if (literal) return literal.value;
    }
  }
  for (const imported of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const specifier of (imported[1] ?? "").split(",")) {
      const [exportedName, localName = exportedName] = specifier.replace(/^\s*type\s+/, "").split(/\s+as\s+/).map((part) => part.trim());
      if (localName !== name || !exportedName) continue;
      const target = ROOT + new URL(imported[2] ?? "", `file:///${file.replace(ROOT, "")}`).pathname.slice(1);
      const value = lookUp(MODULES[target], [exportedName, ...rest]);
      if (value !== null) return value;
    }
  }
  return null;
}

function lookUp(root: unknown, path: string[]): string | null {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !(key in current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" ? current : null;
}

function summarize(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

function skipSpace(source: string, position: number): number {
  while (/\s/.test(source[position] ?? "")) position += 1;
  return position;
}

function unescape(character: string): string {
  return ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[character] ?? character;
}

/** How many values a statement binds: plain `?` count up from the largest number seen so far. */
export function countParameters(sql: string): number {
  const withoutStrings = sql.replace(/'(?:[^']|'')*'/g, "''");
  let largest = 0;
  const names = new Set<string>();
  for (const [, number, name] of withoutStrings.matchAll(/\?(\d+)?|[:@$]([A-Za-z_]\w*)/g)) {
    if (number) largest = Math.max(largest, Number(number));
    else if (name) {
      if (!names.has(name)) {
        names.add(name);
        largest += 1;
      }
    } else largest += 1;
  }
  return largest;
}
