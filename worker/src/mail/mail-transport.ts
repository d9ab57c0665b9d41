/**
 * What a mail transport is: one channel (the D1 outbox or MailChannels) that carries one
 * message once. Its own module, so the transports and the mailer that picks one do not import
 * each other.
 */
import type { MailTransportName } from "../config.ts";
import type { MailMessage } from "./mail-message.ts";

export type AttemptOutcome = { ok: true } | { ok: false; retryable: boolean; error: string };

/** Carries one message over one channel, once. */
export interface MailTransport {
  name: MailTransportName;
  attempt(message: MailMessage, context: { id: string; signal: AbortSignal }): Promise<AttemptOutcome>;
}
