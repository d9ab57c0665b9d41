/**
 * The development transport: instead of leaving the machine, each message is stored in the
 * D1 table `mail_outbox` and shown at /dev/mailbox. Needs no network and no account. A message
 * whose id is already stored counts as sent, as a provider would treat a repeat it recognised.
 */
import type { MailTransport } from "./mail-transport.ts";

export const OUTBOX_QUERIES = {
  insert:
    "INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, content_language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
} as const;

/** Creates the transport that writes into `mail_outbox`. */
export function createOutboxTransport(env: Env, now: () => number): MailTransport {
  return {
    name: "outbox",
    async attempt(message, { id }) {
      await env.DB.prepare(OUTBOX_QUERIES.insert)
        .bind(id, message.to.email, message.subject, message.text, message.html, message.locale, now())
        .run();
      return { ok: true };
    },
  };
}
