/**
 * Sign-ups waiting for the mail queue, in D1. The request path stores the address as typed and
 * the password's hash here and queues only the row's id: a queue message never holds a password
 * or a hash. The consumer reads the row, acts on it and deletes it; the purge removes rows left
 * behind for a day.
 */
import type { ResetClient } from "../../../shared/contract.ts";

export interface SignUpRequest {
  id: string;
  /** The address as typed; the consumer looks it up and mails the stored one. */
  email: string;
  passwordHash: string;
  client: ResetClient;
  requestedAt: number;
}

interface SignUpRequestRow {
  id: string;
  email: string;
  password_hash: string;
  client: string;
  requested_at: number;
}

export const SIGN_UP_REQUEST_QUERIES = {
  insert: "INSERT INTO sign_up_requests (id, email, password_hash, client, requested_at) VALUES (?, ?, ?, ?, ?)",
  findById: "SELECT id, email, password_hash, client, requested_at FROM sign_up_requests WHERE id = ?",
  deleteById: "DELETE FROM sign_up_requests WHERE id = ?",
} as const;

/** Stores a sign-up for the queue consumer. */
export async function storeSignUpRequest(env: Env, request: SignUpRequest): Promise<void> {
  await env.DB.prepare(SIGN_UP_REQUEST_QUERIES.insert)
    .bind(request.id, request.email, request.passwordHash, request.client, request.requestedAt)
    .run();
}

/** Finds a waiting sign-up by id, or null once it was handled or purged. */
export async function findSignUpRequest(env: Env, id: string): Promise<SignUpRequest | null> {
  const row = await env.DB.prepare(SIGN_UP_REQUEST_QUERIES.findById).bind(id).first<SignUpRequestRow>();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    client: row.client === "desktop" ? "desktop" : "web",
    requestedAt: row.requested_at,
  };
}

/** Deletes a handled sign-up, and with it the only copy of its password hash outside the account. */
export async function deleteSignUpRequest(env: Env, id: string): Promise<void> {
  await env.DB.prepare(SIGN_UP_REQUEST_QUERIES.deleteById).bind(id).run();
}
