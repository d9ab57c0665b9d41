/**
 * Every SQL statement the Worker can send to D1: the values of the query tables each module
 * exports (`RESET_TOKEN_QUERIES`, `ACCOUNT_QUERIES`, ...). The list is only complete while every
 * `.prepare(...)` and `DB.exec(...)` call takes its SQL from such a table, so the source of every
 * module is checked for calls that take anything else.
 */
/// <reference types="vite/client" />

const MODULES = import.meta.glob<Record<string, unknown>>("../../../worker/src/**/*.{ts,tsx}", { eager: true });
const SOURCES = import.meta.glob<string>("../../../worker/src/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });
const ROOT = "../../../";

export interface SqlStatement {
  /** `worker/src/<module>:<TABLE>.<key>`. */
  origin: string;
  sql: string;
}

/** Every string in every exported `*_QUERIES` table; anything else in a table is reported. */
export function collectSqlStatements(): { statements: SqlStatement[]; notStrings: string[] } {
  const statements: SqlStatement[] = [];
  const notStrings: string[] = [];
  for (const [file, exports] of Object.entries(MODULES)) {
    for (const [table, queries] of Object.entries(exports)) {
      if (!table.endsWith("_QUERIES")) continue;
      for (const [key, sql] of Object.entries(queries as Record<string, unknown>)) {
        const origin = `${file.replace(ROOT, "")}:${table}.${key}`;
        if (typeof sql === "string") statements.push({ origin, sql });
        else notStrings.push(origin);
      }
    }
  }
  return { statements, notStrings };
}

const CALL = /(?:\.prepare|\bDB\.exec)\(\s*(?:([A-Z][A-Z0-9_]*_QUERIES)\.\w+)?/g;

/** `file:line` of every call whose SQL does not come from an exported query table. */
export function findCallsOutsideQueryTables(): string[] {
  const tables = new Set(Object.values(MODULES).flatMap((exports) => Object.keys(exports).filter((name) => name.endsWith("_QUERIES"))));
  const outside: string[] = [];
  for (const [file, source] of Object.entries(SOURCES)) {
    for (const match of source.matchAll(CALL)) {
      if (match[1] && tables.has(match[1])) continue;
      outside.push(`${file.replace(ROOT, "")}:${source.slice(0, match.index).split("\n").length}`);
    }
  }
  return outside;
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
