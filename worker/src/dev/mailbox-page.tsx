/**
 * The /dev/mailbox page: every captured email with its delivery status, the text part with
 * its links made clickable, and a link to the HTML part. Emails are shown as data, so React
 * escapes all of it; only http(s) and deep links become anchors, never `javascript:` or others.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { DeliveryRecord } from "../mail/delivery-records.ts";
import type { OutboxMessage } from "./mailbox-queries.ts";

export interface MailboxPageInput {
  appName: string;
  deepLinkScheme: string;
  to: string | undefined;
  messages: OutboxMessage[];
  deliveries: DeliveryRecord[];
}

/** Renders the whole page as an HTML document. */
export function renderMailboxPage(input: MailboxPageInput): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<MailboxPage {...input} />)}`;
}

function MailboxPage({ appName, deepLinkScheme, to, messages, deliveries }: MailboxPageInput) {
  const linkPattern = buildLinkPattern(deepLinkScheme);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Mailbox (development) — ${appName}`}</title>
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <main className="mailbox">
          <h1>Development mailbox</h1>
          <p>
            Emails {appName} sent through the outbox transport{to ? ` to ${to}` : ""}, newest first. This page
            exists only when ENVIRONMENT is development.
          </p>
          {messages.length === 0 ? <p>No messages yet.</p> : null}
          {messages.map((message) => (
            <article key={message.id} className="mailbox-message" aria-labelledby={`subject-${message.id}`}>
              <h2 id={`subject-${message.id}`}>{message.subject}</h2>
              <dl>
                <dt>To</dt>
                <dd>{message.to}</dd>
                <dt>Sent</dt>
                <dd>
                  <time dateTime={new Date(message.createdAt).toISOString()}>{new Date(message.createdAt).toUTCString()}</time>
                </dd>
                <dt>Delivery</dt>
                <dd className="delivery-status">{describeDelivery(message.delivery)}</dd>
              </dl>
              <pre className="mailbox-text">{linkify(message.text, linkPattern)}</pre>
              <p>
                <a href={`/dev/mailbox/${encodeURIComponent(message.id)}`}>View the HTML part</a>
              </p>
            </article>
          ))}
          <h2>Delivery records</h2>
          <p>Every send attempt through any transport. Records never hold a link or a token.</p>
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
        </main>
      </body>
    </html>
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
