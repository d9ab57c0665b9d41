/**
 * The /dev/mailbox page: one list, newest first, of every captured email and of every reset
 * request that sent nothing. Each email is a collapsible `<details>` (no script needed, which
 * the page's CSP would refuse anyway) with its delivery status, the text part with its links
 * made clickable, and a link to the HTML part. A skipped request shows why nothing went out,
 * as a developer note. Emails are shown as data, so React escapes all of it; only http(s) and
 * deep links become anchors, never `javascript:` or others. Styles live in /styles.css.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { DeliveryRecord } from "../mail/delivery-records.ts";
import type { SkippedRequest, SkipReason } from "../mail/skipped-requests.ts";
import type { OutboxMessage } from "./mailbox-queries.ts";

export interface MailboxPageInput {
  appName: string;
  deepLinkScheme: string;
  to: string | undefined;
  messages: OutboxMessage[];
  skipped: SkippedRequest[];
  deliveries: DeliveryRecord[];
}

type MailboxEntry = { type: "message"; at: number; message: OutboxMessage } | { type: "skipped"; at: number; skipped: SkippedRequest };

const SKIP_EXPLANATIONS: Record<SkipReason, string> = {
  no_account: "no account has this address, so nothing was sent. The person asking saw the usual “check your email” answer.",
  address_limit: "this address already got the most emails of this kind allowed for now (the per-address limit), so nothing was sent.",
  superseded: "a newer sign-up for this address replaced this one, so only the newer one sends a link.",
  request_gone: "this sign-up was already handled, so nothing more was sent.",
};

/** Renders the whole page as an HTML document. */
export function renderMailboxPage(input: MailboxPageInput): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<MailboxPage {...input} />)}`;
}

/** Emails and skipped requests in one list, newest first; both inputs already are. */
function mergeNewestFirst(messages: OutboxMessage[], skipped: SkippedRequest[]): MailboxEntry[] {
  const entries: MailboxEntry[] = [
    ...messages.map((message) => ({ type: "message" as const, at: message.createdAt, message })),
    ...skipped.map((item) => ({ type: "skipped" as const, at: item.createdAt, skipped: item })),
  ];
  // A stable sort keeps each source's own order (its insertion sequence) for equal times.
  return entries.sort((a, b) => b.at - a.at);
}

function MailboxPage({ appName, deepLinkScheme, to, messages, skipped, deliveries }: MailboxPageInput) {
  const linkPattern = buildLinkPattern(deepLinkScheme);
  const entries = mergeNewestFirst(messages, skipped);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`Mailbox (development) — ${appName}`}</title>
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <main className="mailbox">
          <h1>Development mailbox</h1>
          <p>
            Emails {appName} sent through the outbox transport{to ? ` to ${to}` : ""}, and reset requests that sent
            nothing, newest first. This page exists only when ENVIRONMENT is development.
          </p>
          {entries.length === 0 ? <p className="mailbox-empty">No messages yet.</p> : null}
          <ol className="mailbox-list">
            {entries.map((entry, index) =>
              entry.type === "message" ? (
                <li key={entry.message.id} className="mailbox-entry">
                  <MessageDetails message={entry.message} linkPattern={linkPattern} open={index === 0} />
                </li>
              ) : (
                <li key={entry.skipped.id} className="mailbox-entry">
                  <SkippedNote skipped={entry.skipped} />
                </li>
              ),
            )}
          </ol>
          <h2>Delivery records</h2>
          <p>Every send attempt through any transport. Records never hold a link or a token.</p>
          <div className="table-scroll">
            <table className="delivery-records">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Kind</th>
                  <th scope="col">To</th>
                  <th scope="col">Transport</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((record) => (
                  <tr key={record.id}>
                    <td>{new Date(record.updatedAt).toISOString()}</td>
                    <td>{record.kind}</td>
                    <td>{record.to}</td>
                    <td>{record.transport}</td>
                    <td>{record.status}</td>
                    <td>{record.attempts}</td>
                    <td>{record.lastError ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </main>
      </body>
    </html>
  );
}

function MessageDetails({ message, linkPattern, open }: { message: OutboxMessage; linkPattern: RegExp; open: boolean }) {
  const sent = new Date(message.createdAt);
  return (
    <details className="mailbox-message" open={open}>
      <summary>
        <span className="mailbox-subject" id={`subject-${message.id}`}>
          {message.subject}
        </span>
        <span className="mailbox-meta">
          {message.to} · <time dateTime={sent.toISOString()}>{sent.toUTCString()}</time>
        </span>
      </summary>
      <dl>
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Sent</dt>
        <dd>
          <time dateTime={sent.toISOString()}>{sent.toUTCString()}</time>
        </dd>
        <dt>Delivery</dt>
        <dd className="delivery-status">{describeDelivery(message.delivery)}</dd>
      </dl>
      <pre className="mailbox-text">{linkify(message.text, linkPattern)}</pre>
      <p>
        <a href={`/dev/mailbox/${encodeURIComponent(message.id)}`}>View the HTML part</a>
      </p>
    </details>
  );
}

function SkippedNote({ skipped }: { skipped: SkippedRequest }) {
  const at = new Date(skipped.createdAt);
  return (
    <div className="mailbox-skipped" role="note">
      <p className="mailbox-meta">
        Reset request for {skipped.to} · <time dateTime={at.toISOString()}>{at.toUTCString()}</time>
      </p>
      <p>
        <strong>Developer note:</strong> {SKIP_EXPLANATIONS[skipped.reason]}
      </p>
    </div>
  );
}

function describeDelivery(delivery: OutboxMessage["delivery"]): string {
  if (!delivery) return "unknown";
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? "" : "s"}`;
  return delivery.lastError ? `${delivery.status} (${attempts}; ${delivery.lastError})` : `${delivery.status} (${attempts})`;
}

function buildLinkPattern(deepLinkScheme: string): RegExp {
  const scheme = deepLinkScheme.replace(/[^A-Za-z0-9+.-]/g, "");
  return new RegExp(`((?:https?|${scheme})://[^\\s<>"]+)`, "g");
}

/** Splits text into plain strings and anchors for the links it contains. */
function linkify(text: string, pattern: RegExp) {
  return text.split(pattern).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
