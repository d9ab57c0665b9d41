/**
 * What the end-to-end suites read from a running Worker's development endpoints: verified
 * accounts made with `POST /dev/accounts`, and the emails `/dev/mailbox.json` captured, polled
 * until the one a test waits for has arrived (the queue delivers a moment after the answer).
 * Links in emails start with PUBLIC_BASE_URL (port 8787) while each suite's Worker listens on a
 * free port, so web links come back pointed at the Worker that sent them.
 *
 * @example
 * await createAccount(worker.url, "dana@example.com", "an original passphrase 1");
 * const link = await readLinkFromMail(worker.url, "dana@example.com");
 * const code = await readCodeFromMail(worker.url, "dana@example.com");
 */
import { waitFor } from "./wait-for.ts";

export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  /** The language the email was written in. */
  contentLanguage?: string;
}

const POLL_MS = 100;
const CODE_PATTERN = /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/;

/**
 * Registers a verified account through the development-only `POST /dev/accounts`, from
 * `clientIp` (as Cloudflare's `CF-Connecting-IP`) when given, so suites that make many keep
 * clear of the per-network limits.
 */
export async function createAccount(baseUrl: string, email: string, password: string, clientIp?: string): Promise<void> {
  const response = await fetch(`${baseUrl}/dev/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(clientIp ? { "cf-connecting-ip": clientIp } : {}) },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`creating ${email} answered ${response.status}: ${await response.text()}`);
}

/** The emails captured for `email`, newest first. */
export async function readMailbox(baseUrl: string, email: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${baseUrl}/dev/mailbox.json?to=${encodeURIComponent(email)}`);
  if (!response.ok) throw new Error(`/dev/mailbox.json answered ${response.status}`);
  return ((await response.json()) as { messages: MailboxMessage[] }).messages;
}

/** How many emails the mailbox holds for an address. */
export async function countMail(baseUrl: string, email: string): Promise<number> {
  return (await readMailbox(baseUrl, email)).length;
}

/** Polls the mailbox of `email` until `find` returns something, and returns that; `waitingFor` names it in the error. */
export function waitForMail<T>(
  baseUrl: string,
  email: string,
  find: (messages: MailboxMessage[]) => T | undefined,
  waitingFor: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  return waitFor(async () => find(await readMailbox(baseUrl, email)), { timeoutMs, intervalMs: POLL_MS, description: `an email with ${waitingFor} to ${email}` });
}

/** The web link to `path` (`/reset-password`, `/account-alert`, `/verify-email`) in an email to `email`, pointed at this Worker. */
export function readLinkFromMail(baseUrl: string, email: string, path = "/reset-password", timeoutMs = 15_000): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]+?(${path}\\?token=[\\w-]{43})`);
  const findLink = (messages: MailboxMessage[]) => {
    const pathAndQuery = messages.map((message) => pattern.exec(message.text)?.[1]).find(Boolean);
    return pathAndQuery ? `${baseUrl}${pathAndQuery}` : undefined;
  };
  return waitForMail(baseUrl, email, findLink, `a ${path} link`, timeoutMs);
}

/** A well-formed code that is not `code`: its last character changed. */
export function otherCode(code: string): string {
  return `${code.slice(0, 8)}${code.endsWith("Z") ? "Y" : "Z"}`;
}

/** The XXXX-XXXX code in the newest email to `email`. */
export function readCodeFromMail(baseUrl: string, email: string, timeoutMs = 15_000): Promise<string> {
  return waitForMail(baseUrl, email, (messages) => CODE_PATTERN.exec(messages[0]?.text ?? "")?.[1], "a reset code", timeoutMs);
}

/** The first match of `pattern` in the newest of more than `notBefore` emails to `email`. */
export function readNewestMailMatching(baseUrl: string, email: string, pattern: RegExp, notBefore = 0, timeoutMs = 15_000): Promise<string> {
  return waitForMail(baseUrl, email, (messages) => (messages.length > notBefore ? pattern.exec(messages[0]?.text ?? "")?.[0] : undefined), String(pattern), timeoutMs);
}

/** The text of the email to `email` whose subject is `subject`. */
export function readMailWithSubject(baseUrl: string, email: string, subject: string, timeoutMs = 15_000): Promise<string> {
  return waitForMail(baseUrl, email, (messages) => messages.find((message) => message.subject === subject)?.text, `the subject "${subject}"`, timeoutMs);
}
