/**
 * A D1 binding that counts what it is asked to do, for the bench build only. It wraps the
 * real binding, so every statement still runs against the real local D1; the counts are what
 * the Worker actually sent, not an estimate. `batch` counts each statement it carries, `exec`
 * counts what D1 reports it ran.
 *
 * @example
 * const db = countD1Statements(env.DB, tally);
 * await handler.fetch(request, { ...env, DB: db }, ctx);
 * tally.statements; // statements sent since the last reset
 */

/** What the bench reads back: statements sent, and rows D1 reported in `meta`. */
export interface D1Tally {
  statements: number;
  rowsRead: number;
  rowsWritten: number;
}

/** A fresh, zeroed tally. */
export function createD1Tally(): D1Tally {
  return { statements: 0, rowsRead: 0, rowsWritten: 0 };
}

/** Zeroes a tally in place, so every holder of it sees the reset. */
export function resetD1Tally(tally: D1Tally): void {
  tally.statements = 0;
  tally.rowsRead = 0;
  tally.rowsWritten = 0;
}

// Our wrappers remember the real statement, because `batch` only accepts the binding's own.
const realStatements = new WeakMap<D1PreparedStatement, D1PreparedStatement>();

/** Wraps `db` so every statement it runs is added to `tally`. */
export function countD1Statements(db: D1Database, tally: D1Tally): D1Database {
  const counted = {
    prepare: (query: string) => countStatement(db.prepare(query), tally),
    batch: async <T>(statements: D1PreparedStatement[]) => {
      const results = await db.batch<T>(statements.map((statement) => realStatements.get(statement) ?? statement));
      tally.statements += statements.length;
      for (const result of results) addMeta(tally, result.meta);
      return results;
    },
    exec: async (query: string) => {
      const result = await db.exec(query);
      tally.statements += result.count;
      return result;
    },
    withSession: () => {
      throw new Error("The bench D1 counter does not support sessions.");
    },
    dump: () => {
      throw new Error("The bench D1 counter does not support dump().");
    },
  };
  return counted as unknown as D1Database;
}

function countStatement(statement: D1PreparedStatement, tally: D1Tally): D1PreparedStatement {
  const wrapper = {
    bind: (...values: unknown[]) => countStatement(statement.bind(...values), tally),
    // `first` runs the whole query and keeps row one, exactly as the binding does; going
    // through `all` is what lets us read `meta` for it too.
    first: async (column?: string) => {
      const result = await statement.all<Record<string, unknown>>();
      tally.statements += 1;
      addMeta(tally, result.meta);
      const row = result.results[0];
      if (!row) return null;
      if (column === undefined) return row;
      if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
      return row[column];
    },
    all: async () => {
      const result = await statement.all();
      tally.statements += 1;
      addMeta(tally, result.meta);
      return result;
    },
    run: async () => {
      const result = await statement.run();
      tally.statements += 1;
      addMeta(tally, result.meta);
      return result;
    },
    // `raw` returns no `meta`: it is counted as a statement, its rows are not.
    raw: async (options?: { columnNames?: boolean }) => {
      const result = await statement.raw(options as { columnNames: true });
      tally.statements += 1;
      return result;
    },
  } as unknown as D1PreparedStatement;
  realStatements.set(wrapper, statement);
  return wrapper;
}

function addMeta(tally: D1Tally, meta: { rows_read?: number; rows_written?: number } | undefined): void {
  tally.rowsRead += meta?.rows_read ?? 0;
  tally.rowsWritten += meta?.rows_written ?? 0;
}
