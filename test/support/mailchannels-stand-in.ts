/**
 * A real HTTP server on 127.0.0.1 that stands in for MailChannels' Email API in end-to-end
 * tests and benchmarks. It records every request (method, path, headers, parsed JSON body) and
 * answers with scripted replies: a status, optionally after a delay, or no answer at all.
 *
 * @example
 * const standIn = await startMailChannelsStandIn();
 * standIn.respondWith({ status: 500 }, { status: 202 }); // first a 500, then 202 for every request after
 * standIn.respondTo("dana@example.com", { status: 503 }); // 503 for every email to Dana, whatever the script
 * const worker = await startWorker({ vars: { MAIL_TRANSPORT: "mailchannels", MAILCHANNELS_API_URL: standIn.url } });
 * await standIn.waitForRequests(2);
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface StandInRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  rawBody: string;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  receivedAt: number;
}

/**
 * How to answer one request: a status after an optional delay, or "hang" to never answer. The
 * body may be computed from the request, e.g. to echo it back the way some providers do in errors.
 */
export type StandInReply = { status: number; body?: string | ((request: StandInRequest) => string); delayMs?: number } | "hang";

export interface MailChannelsStandIn {
  /** The URL to pass as MAILCHANNELS_API_URL. */
  url: string;
  /** Every request received so far, oldest first. */
  readonly requests: StandInRequest[];
  /** Scripts the replies to the next requests, in order; the last reply repeats. */
  respondWith(...replies: StandInReply[]): void;
  /**
   * Scripts the replies to the next emails to `address` alone (compared without case), in order,
   * the last repeating; emails to other addresses keep following `respondWith`. Tests that share
   * one stand-in can then run side by side, each with its own address and its own failures.
   */
  respondTo(address: string, ...replies: StandInReply[]): void;
  /** Forgets recorded requests and goes back to answering 202. */
  reset(): void;
  /** Resolves once at least `count` requests have arrived in total. */
  waitForRequests(count: number, timeoutMs?: number): Promise<StandInRequest[]>;
  close(): Promise<void>;
}

const ACCEPTED: StandInReply = { status: 202, body: "" };
const SEND_PATH = "/tx/v1/send";

/** Starts the stand-in on a free loopback port. */
export async function startMailChannelsStandIn(): Promise<MailChannelsStandIn> {
  const requests: StandInRequest[] = [];
  const sockets = new Set<Socket>();
  const pending = new Set<NodeJS.Timeout>();
  let script: StandInReply[] = [ACCEPTED];
  let answered = 0;
  const scriptsByAddress = new Map<string, { replies: StandInReply[]; answered: number }>();

  const nextReply = (entry: StandInRequest): StandInReply => {
    const addressed = scriptsByAddress.get(recipientOf(entry));
    if (addressed) return addressed.replies[Math.min(addressed.answered++, addressed.replies.length - 1)] ?? ACCEPTED;
    return script[Math.min(answered++, script.length - 1)] ?? ACCEPTED;
  };

  const server = createServer((request, response) => {
    void record(request).then((entry) => {
      requests.push(entry);
      const reply = nextReply(entry);
      if (reply === "hang") return;
      const body = typeof reply.body === "function" ? reply.body(entry) : (reply.body ?? "");
      const send = () => answer(response, reply.status, body);
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          pending.delete(timer);
          send();
        }, reply.delayMs);
        pending.add(timer);
      } else {
        send();
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${SEND_PATH}`,
    requests,
    respondWith(...replies) {
      script = replies.length > 0 ? replies : [ACCEPTED];
      answered = 0;
    },
    respondTo(address, ...replies) {
      scriptsByAddress.set(address.toLowerCase(), { replies: replies.length > 0 ? replies : [ACCEPTED], answered: 0 });
    },
    reset() {
      requests.length = 0;
      script = [ACCEPTED];
      answered = 0;
      scriptsByAddress.clear();
    },
    async waitForRequests(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`the MailChannels stand-in received ${requests.length} of ${count} requests in ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return requests;
    },
    async close() {
      for (const timer of pending) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The first recipient of a send, lower-cased; "" for a body that names none. */
function recipientOf(entry: StandInRequest): string {
  const body = entry.body as { personalizations?: Array<{ to?: Array<{ email?: unknown }> }> } | undefined;
  const email = body?.personalizations?.[0]?.to?.[0]?.email;
  return typeof email === "string" ? email.toLowerCase() : "";
}

async function record(request: IncomingMessage): Promise<StandInRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(", ");
  }
  return { method: request.method ?? "", path: request.url ?? "", headers, rawBody, body, receivedAt: Date.now() };
}

function answer(response: ServerResponse, status: number, body: string): void {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(body);
}
