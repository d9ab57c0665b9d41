#!/usr/bin/env node
/**
 * Prints the SQLite schema Better Auth expects for the peer's options, from Better Auth's own
 * migration compiler run against an empty in-memory database. migrations/0001 is its output.
 */
import { DatabaseSync } from "node:sqlite";
import { getMigrations } from "better-auth/db/migration";

const { compileMigrations } = await getMigrations({
  database: new DatabaseSync(":memory:"),
  emailAndPassword: { enabled: true },
  secret: "schema-only-secret-0123456789abcdef",
  baseURL: "http://127.0.0.1",
});
console.log(await compileMigrations());
