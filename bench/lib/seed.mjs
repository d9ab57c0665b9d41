/**
 * Generates seed SQL for both systems: accounts with a real password hash (every seeded
 * account has the same password, hashed once by each system's own code) and live reset tokens
 * minted here, so the bench knows the raw tokens while D1 holds exactly what each system
 * stores: ResetKit the SHA-256 of the token, Better Auth the token itself in `verification`.
 * Rows go in multi-row INSERTs, a few hundred per statement, to load 100,000s quickly.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";

// D1 refuses statements over 100 KB; stay well under it.
const MAX_STATEMENT_BYTES = 60_000;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A 43-character base64url token, the shape ResetKit mints. */
export function mintResetKitToken() {
  return randomBytes(32).toString("base64url");
}

/** A 24-character alphanumeric token, the shape Better Auth's `generateId(24)` mints. */
export function mintBetterAuthToken() {
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
}

function sqlString(value) {
  return value === null ? "NULL" : `'${String(value).replaceAll("'", "''")}'`;
}

function sqlValue(value) {
  return typeof value === "number" ? String(value) : sqlString(value);
}

/** Streams `rows` into `table` as multi-row INSERT statements of at most MAX_STATEMENT_BYTES. */
async function writeInserts(out, table, columns, rows) {
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n`;
  let values = [];
  let bytes = head.length;
  const flush = async () => {
    if (values.length === 0) return;
    if (!out.write(`${head}${values.join(",\n")};\n`)) await once(out, "drain");
    values = [];
    bytes = head.length;
  };
  for (const row of rows) {
    const tuple = `(${row.map(sqlValue).join(",")})`;
    if (bytes + tuple.length + 2 > MAX_STATEMENT_BYTES) await flush();
    values.push(tuple);
    bytes += tuple.length + 2;
  }
  await flush();
}

async function finish(out) {
  out.end();
  await once(out, "finish");
}

/**
 * Writes ResetKit accounts (and a live token for each entry of `tokenFor`) to `file`. The
 * accounts are verified, as a confirmed sign-up leaves them, so they can sign in.
 * Returns the raw tokens in the order of `tokenFor`.
 */
export async function writeResetKitSeed(file, { emails, passwordHash, tokenFor = [], now = Date.now(), ttlMs = 30 * 60_000 }) {
  const out = createWriteStream(file);
  const ids = new Map();
  const accountRows = emails.map((email) => {
    const id = randomUUID();
    ids.set(email, id);
    return [id, email, email.toLowerCase(), passwordHash, now, now, now];
  });
  await writeInserts(
    out,
    "accounts",
    ["id", "email", "email_normalized", "password_hash", "created_at", "password_changed_at", "email_verified_at"],
    accountRows,
  );
  const tokens = [];
  const tokenRows = tokenFor.map((email) => {
    const token = mintResetKitToken();
    tokens.push(token);
    return [createHash("sha256").update(token).digest("hex"), ids.get(email), "web", now, now + ttlMs];
  });
  await writeInserts(out, "password_reset_tokens", ["token_hash", "account_id", "client", "created_at", "expires_at"], tokenRows);
  await finish(out);
  return tokens;
}

/**
 * Writes Better Auth users with a credential account each (and a live reset token for each
 * entry of `tokenFor`) to `file`, in the row format Better Auth 1.7 itself writes to D1.
 */
export async function writeBetterAuthSeed(file, { emails, passwordHash, tokenFor = [], now = Date.now(), ttlMs = 60 * 60_000 }) {
  const out = createWriteStream(file);
  const created = new Date(now).toISOString();
  const expires = new Date(now + ttlMs).toISOString();
  const ids = new Map(emails.map((email) => [email, mintBetterAuthToken() + "u0A1b2C3"]));
  await writeInserts(
    out,
    '"user"',
    ["id", "name", "email", '"emailVerified"', "image", '"createdAt"', '"updatedAt"'],
    emails.map((email) => [ids.get(email), "Bench User", email, 0, null, created, created]),
  );
  await writeInserts(
    out,
    "account",
    ["id", '"accountId"', '"providerId"', '"userId"', "password", '"createdAt"', '"updatedAt"'],
    emails.map((email) => [mintBetterAuthToken() + "a0A1b2C3", ids.get(email), "credential", ids.get(email), passwordHash, created, created]),
  );
  const tokens = [];
  await writeInserts(
    out,
    "verification",
    ["id", "identifier", "value", '"expiresAt"', '"createdAt"', '"updatedAt"'],
    tokenFor.map((email) => {
      const token = mintBetterAuthToken();
      tokens.push(token);
      return [mintBetterAuthToken() + "v0A1b2C3", `reset-password:${token}`, ids.get(email), expires, created, created];
    }),
  );
  await finish(out);
  return tokens;
}

/** `count` distinct addresses under a label, e.g. bench-known-17@example.com. */
export function benchEmails(label, count, offset = 0) {
  return Array.from({ length: count }, (_, i) => `bench-${label}-${offset + i}@example.com`);
}
