/**
 * Development-only routes: /dev/mailbox (HTML), /dev/mailbox.json?to=, the HTML part of one
 * message at /dev/mailbox/:id, and /dev/deliveries.json?to= for the delivery records of every
 * transport. When ENVIRONMENT is not "development" each handler steps aside, so the request
 * falls through to the ordinary 404 like any unknown path.
 */
import { readConfig } from "../config.ts";
import { listDeliveryRecords } from "../mail/delivery-records.ts";
import type { AppRouter, RouteArgs } from "../http/app-router.ts";
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
}

/** Returns true only when the Worker runs with ENVIRONMENT=development. */
export function isDevelopment(env: Env): boolean {
  return readConfig(env).environment === "development";
}

function developmentOnly(handler: DevHandler) {
  return async function handleDevelopmentOnly(request: DevRequest, env: Env, ctx: ExecutionContext) {
    // Returning nothing lets itty-router move on to the catch-all 404.
    if (!isDevelopment(env)) return undefined;
    return handler(request, env, ctx);
  };
}

function readRecipient(request: DevRequest): string | undefined {
  const to = request.query.to;
  const value = Array.isArray(to) ? to[0] : to;
  return value?.trim() || undefined;
}

async function handleMailboxJsonRequest(request: DevRequest, env: Env): Promise<Response> {
  const messages = await listOutboxMessages(env, { to: readRecipient(request), limit: MAILBOX_LIMIT });
  const body = {
    messages: messages.map(({ id, to, subject, text, html, createdAt }) => ({
      id,
      to,
      subject,
      text,
      html,
      createdAt: new Date(createdAt).toISOString(),
    })),
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
  return Response.json({ deliveries }, { headers: { "cache-control": "no-store" } });
}

async function handleMailboxPageRequest(request: DevRequest, env: Env): Promise<Response> {
  const config = readConfig(env);
  const to = readRecipient(request);
  const [messages, deliveries] = await Promise.all([
    listOutboxMessages(env, { to, limit: MAILBOX_LIMIT }),
    listDeliveryRecords(env, { to, limit: MAILBOX_LIMIT }),
  ]);
  const html = renderMailboxPage({ appName: config.appName, deepLinkScheme: config.deepLinkScheme, to, messages, deliveries });
  return new Response(html, { headers: PAGE_HEADERS });
}

async function handleMailboxMessageRequest(request: DevRequest, env: Env): Promise<Response | undefined> {
  const message = await findOutboxMessage(env, request.params.id ?? "");
  // An unknown id falls through to the ordinary 404.
  if (!message) return undefined;
  return new Response(message.html, { headers: EMAIL_HEADERS });
}
