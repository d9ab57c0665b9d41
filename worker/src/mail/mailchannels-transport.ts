/**
 * The production transport: MailChannels' Email API. One attempt is one
 * `POST {MAILCHANNELS_API_URL}` with the key in `X-Api-Key`; a 202 means the message was
 * accepted. Retrying is the mailer's job; this module only says whether a failure is worth
 * retrying (see retry-policy.ts).
 *
 * @example
 * const transport = createMailChannelsTransport(readConfig(env), fetch);
 * await transport.attempt(message, { id, signal: AbortSignal.timeout(4_000) });
 */
import type { Config } from "../config.ts";
import { describeHttpFailure, describeThrownFailure } from "./failure-text.ts";
import type { MailMessage, Mailbox } from "./mail-message.ts";
import type { MailTransport } from "./mail-transport.ts";
import { classifyResponseStatus } from "./retry-policy.ts";

export interface MailChannelsPayload {
  personalizations: Array<{ to: Mailbox[] }>;
  from: Mailbox;
  subject: string;
  content: Array<{ type: "text/plain" | "text/html"; value: string }>;
  tracking_settings: { click_tracking: { enable: false }; open_tracking: { enable: false } };
  headers: Record<string, string>;
  dkim_domain?: string;
  dkim_selector?: string;
  dkim_private_key?: string;
}

/**
 * Builds the JSON body MailChannels expects: plain text first, then HTML, the message's
 * Content-Language, and DKIM when configured. Tracking is switched off explicitly: click tracking would rewrite the reset link
 * into a redirect through a third party, which would then see every token.
 */
export function buildMailChannelsPayload(message: MailMessage, from: Mailbox, dkim: Config["dkim"]): MailChannelsPayload {
  const payload: MailChannelsPayload = {
    personalizations: [{ to: [message.to] }],
    from,
    subject: message.subject,
    content: [
      { type: "text/plain", value: message.text },
      { type: "text/html", value: message.html },
    ],
    tracking_settings: { click_tracking: { enable: false }, open_tracking: { enable: false } },
    headers: { "Content-Language": message.locale },
  };
  if (dkim) {
    payload.dkim_domain = dkim.domain;
    payload.dkim_selector = dkim.selector;
    payload.dkim_private_key = dkim.privateKey;
  }
  return payload;
}

/** Creates the MailChannels transport; `fetchFn` is the global `fetch` outside of unit tests. */
export function createMailChannelsTransport(config: Config, from: Mailbox, fetchFn: typeof fetch): MailTransport {
  return {
    name: "mailchannels",
    async attempt(message, { signal }) {
      if (!config.mailchannels.apiKey) return { ok: false, retryable: false, error: "MAILCHANNELS_API_KEY is not set" };
      let response: Response;
      try {
        response = await fetchFn(config.mailchannels.apiUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": config.mailchannels.apiKey },
          body: JSON.stringify(buildMailChannelsPayload(message, from, config.dkim)),
          signal,
        });
      } catch (error) {
        return { ok: false, retryable: true, error: describeThrownFailure(error) };
      }
      const verdict = classifyResponseStatus(response.status);
      if (verdict === "accepted") {
        await response.body?.cancel();
        return { ok: true };
      }
      const body = await readBodySafely(response);
      return { ok: false, retryable: verdict === "retryable", error: describeHttpFailure(response.status, body) };
    },
  };
}

async function readBodySafely(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return "";
  }
}
