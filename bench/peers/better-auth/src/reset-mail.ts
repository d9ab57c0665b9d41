/**
 * The peer's mail transport: Better Auth's `sendResetPassword` writes each reset message to
 * the D1 table `reset_mail` instead of sending it, so the bench can pick up the tokens it
 * minted (ResetKit's equivalent is its dev outbox).
 */

export interface ResetMail {
  email: string;
  url: string;
  token: string;
}

/** Stores one reset message. */
export async function recordResetMail(db: D1Database, mail: ResetMail): Promise<void> {
  await db
    .prepare("INSERT INTO reset_mail (email, token, url, created_at) VALUES (?, ?, ?, ?)")
    .bind(mail.email, mail.token, mail.url, Date.now())
    .run();
}

/** The reset tokens sent to `email`, newest first. */
export async function findResetTokens(db: D1Database, email: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT token FROM reset_mail WHERE email = ? ORDER BY seq DESC")
    .bind(email)
    .all<{ token: string }>();
  return results.map((row) => row.token);
}

/** Every reset token sent so far, oldest first, with its recipient. */
export async function listResetMail(db: D1Database): Promise<Array<{ email: string; token: string }>> {
  const { results } = await db.prepare("SELECT email, token FROM reset_mail ORDER BY seq").all<{ email: string; token: string }>();
  return results;
}
