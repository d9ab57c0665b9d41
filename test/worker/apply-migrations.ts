/**
 * Gives each worker test file an empty database with the current schema. The files of one
 * worker share a workerd process and its D1 (the project runs with `isolate: false`), so this
 * applies the migrations the database lacks, then deletes every row an earlier file left,
 * and restores what that file spied on.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { afterAll, vi } from "vitest";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const { results: tables } = await env.DB.prepare(
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name <> 'd1_migrations'",
).all<{ name: string }>();
await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), ...tables.map(({ name }) => env.DB.prepare(`DELETE FROM "${name}"`))]);

afterAll(() => {
  vi.restoreAllMocks();
});
