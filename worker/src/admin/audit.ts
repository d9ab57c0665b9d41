/**
 * The operator API's audit trail: one record (what was done, to what, when) and one log line per
 * call. Neither ever holds the operator token, and a target is an id or an address, never a
 * token of the account's.
 *
 * @example
 * await recordAdminAction(env, "accounts.sign-out", account.id);
 */
import { clock } from "../platform/clock.ts";

export const AUDIT_QUERIES = {
  insert: "INSERT INTO admin_audit (action, target, at) VALUES (?, ?, ?)",
} as const;

/** Records one admin call. */
export async function recordAdminAction(env: Env, action: string, target: string): Promise<void> {
  const at = clock.now();
  await env.DB.prepare(AUDIT_QUERIES.insert).bind(action, target, at).run();
  console.info(`admin ${action} ${target}`);
}
