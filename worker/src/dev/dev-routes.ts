/**
 * Development-only routes: /dev/mailbox (HTML), /dev/mailbox.json?to= (the messages, and the
 * requests that sent nothing under `skipped`), the HTML part of one message at
 * /dev/mailbox/:id, /dev/deliveries.json?to= for the delivery records of every transport, and
 * `POST /dev/accounts`, which makes a verified account directly (dev-accounts.ts).
 * They exist only when ENVIRONMENT is "development" AND the request's Host is
 * loopback (localhost, 127.0.0.1, [::1]); otherwise each handler steps aside and the request
 * falls through to the ordinary 404 like any unknown path. The Host check stops DNS rebinding:
 * a page at evil.example that re-points its name to 127.0.0.1 reaches `npm start`, but its
 * requests still say `Host: evil.example`.
 */
import { readConfig } from "../config.ts";
import { isLoopbackHost } from "../http/loopback-host.ts";
import { listDeliveryRecords } from "../mail/delivery-records.ts";
import { listSkippedRequests } from "../mail/skipped-requests.ts";
import type { AppRouter, RouteArgs } from "../http/app-router.ts";
import { handleDevAccountRequest } from "./dev-accounts.ts";
import type { DeliveriesJson, MailboxJson } from "./dev-contract.ts";
import { renderMailboxPage } from "./mailbox-page.tsx";
import { findOutboxMessage, listOutboxMessages } from "./mailbox-queries.ts";

const MAILBOX_LIMIT = 100;

type DevRequest = Request & { params: Record<string, string>; query: Record<string, string | string[] | undefined> };
type DevHandler = (request: DevRequest, ...args: RouteArgs) => Promise<Response | undefined>;

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-robots-tag": "noindex",
};

// The HTML part of an email is shown as it would arrive: inline styles allowed, scripts, forms
// and every other fetch blocked by the sandbox.
const EMAIL_HEADERS = {
  ...PAGE_HEADERS,
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'",
};

/** Registers the /dev routes. */
export function registerDevRoutes(router: AppRouter): void {
  router.get("/dev/mailbox.json", developmentOnly(handleMailboxJsonRequest));
  router.get("/dev/deliveries.json", developmentOnly(handleDeliveriesJsonRequest));
  router.get("/dev/mailbox", developmentOnly(handleMailboxPageRequest));
  router.get("/dev/mailbox/:id", developmentOnly(handleMailboxMessageRequest));
  router.post("/dev/accounts", developmentOnly(handleDevAccountRequest));
}

/** Returns true only when the Worker runs with ENVIRONMENT=development. */
export function isDevelopment(env: Env): boolean {
  return readConfig(env).environment === "development";
}

function developmentOnly(handler: DevHandler) {
  return async function handleDevelopmentOnly(request: DevRequest, env: Env, ctx: ExecutionContext) {
    // Returning nothing lets itty-router move on to the catch-all 404.
    if (!isDevelopment(env) || !isLoopbackHost(new URL(request.url).hostname)) return undefined;
    return handler(request, env, ctx);
  };
}

function readRecipient(request: DevRequest): string | undefined {
  const to = request.query.to;
  const value = Array.isArray(to) ? to[0] : to;
  return value?.trim() || undefined;
}

async function handleMailboxJsonRequest(request: DevRequest, env: Env): Promise<Response> {
  const to = readRecipient(request);
  const [messages, skipped] = await Promise.all([
    listOutboxMessages(env, { to, limit: MAILBOX_LIMIT }),
    listSkippedRequests(env, { to, limit: MAILBOX_LIMIT }),
  ]);
  const body: MailboxJson = {
    messages: messages.map(({ id, to, subject, text, html, contentLanguage, createdAt }) => ({
      id,
      to,
      subject,
      text,
      html,
      contentLanguage,
      createdAt: new Date(createdAt).toISOString(),
    })),
    skipped: skipped.map(({ id, to: address, reason, createdAt }) => ({ id, to: address, reason, createdAt: new Date(createdAt).toISOString() })),
  };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

async function handleDeliveriesJsonRequest(request: DevRequest, env: Env): Promise<Response> {
  const records = await listDeliveryRecords(env, { to: readRecipient(request), limit: MAILBOX_LIMIT });
  const deliveries = records.map((record) => ({
    ...record,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  }));
  return Response.json({ deliveries } satisfies DeliveriesJson, { headers: { "cache-control": "no-store" } });
}

async function handleMailboxPageRequest(request: DevRequest, env: Env): Promise<Response> {
  const config = readConfig(env);
  const to = readRecipient(request);
  const [messages, skipped, deliveries] = await Promise.all([
    listOutboxMessages(env, { to, limit: MAILBOX_LIMIT }),
    listSkippedRequests(env, { to, limit: MAILBOX_LIMIT }),
    listDeliveryRecords(env, { to, limit: MAILBOX_LIMIT }),
  ]);
  const html = renderMailboxPage({ appName: config.appName, deepLinkScheme: config.deepLinkScheme, to, messages, skipped, deliveries });
  return new Response(html, { headers: PAGE_HEADERS });
}

async function handleMailboxMessageRequest(request: DevRequest, env: Env): Promise<Response | undefined> {
  const message = await findOutboxMessage(env, request.params.id ?? "");
  // An unknown id falls through to the ordinary 404.
  if (!message) return undefined;
  return new Response(message.html, { headers: EMAIL_HEADERS });
}
