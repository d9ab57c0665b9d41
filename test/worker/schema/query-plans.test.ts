import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { collectSqlStatements, countParameters, findCallsOutsideQueryTables } from "./sql-statements.ts";

const { statements, notStrings } = collectSqlStatements();

/** A plan step that reads a whole table: "SCAN accounts", but not "SCAN ... USING INDEX" or a subquery. */
function isTableScan(detail: string): boolean {
  return /^SCAN (?!\(|CONSTANT ROW)/.test(detail) && !/\bUSING (?:COVERING )?INDEX\b|\bUSING INTEGER PRIMARY KEY\b|VIRTUAL TABLE/.test(detail);
}

/**
 * "Newest N messages" walks the rowid b-tree from one end and stops after LIMIT rows. SQLite
 * labels that SCAN too, but it is bounded: no WHERE or inner join can make it skip rows, and no
 * temporary b-tree means the ORDER BY follows the rowid, so it reads at most LIMIT rows.
 */
function isBoundedRowidWalk(sql: string, details: string[]): boolean {
  const flat = sql.replace(/\s+/g, " ").toUpperCase();
  return (
    /^SELECT /.test(flat) &&
    / ORDER BY [\w.]+ (?:ASC |DESC )?LIMIT \?$/.test(flat) &&
    !/ WHERE /.test(flat) &&
    !/(?<!LEFT) JOIN /.test(flat) &&
    !details.some((detail) => detail.includes("TEMP B-TREE"))
  );
}

function findFullTableScans(sql: string, details: string[]): string[] {
  if (isBoundedRowidWalk(sql, details)) return [];
  return details.filter(isTableScan);
}

describe("the SQL the Worker sends to D1", () => {
  it("comes from an exported query table at every prepare() call", () => {
    // Any other SQL would escape the plan check below: add it to the module's `*_QUERIES` table.
    expect(findCallsOutsideQueryTables()).toEqual([]);
  });

  it("is a plain string in every query table", () => {
    expect(notStrings).toEqual([]);
  });

  it("includes the statements of every area that uses D1", () => {
    const files = new Set(statements.map((statement) => statement.origin.replace(/:.*$/, "")));
    for (const file of [
      "worker/src/accounts/accounts.ts",
      "worker/src/accounts/verification-tokens.ts",
      "worker/src/accounts/sign-up-requests.ts",
      "worker/src/sessions/session.ts",
      "worker/src/rate-limit/rate-limit.ts",
      "worker/src/reset/reset-tokens.ts",
      "worker/src/maintenance/purge.ts",
      "worker/src/sessions/sign-in-limits.ts",
      "worker/src/mail/delivery-records.ts",
    ]) {
      expect(files).toContain(file);
    }
  });

  it("would notice a full table scan", async () => {
    // The check itself must be able to fail: an unindexed column forces a scan.
    const sql = "SELECT id FROM accounts WHERE password_hash = ?";
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(null).all<{ detail: string }>();
    expect(findFullTableScans(sql, plan.results.map((step) => step.detail))).toEqual(["SCAN accounts"]);
  });

  it.each(statements)("$origin reads no table in full", async ({ sql }) => {
    const parameters = Array.from({ length: countParameters(sql) }, () => null);
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...parameters)
      .all<{ detail: string }>();
    const details = plan.results.map((step) => step.detail);
    expect(findFullTableScans(sql, details), `${sql}\nplan: ${details.join(" | ")}`).toEqual([]);
  });
});
