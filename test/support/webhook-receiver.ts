/**
 * A real HTTP server on 127.0.0.1 that receives ResetKit's webhook events as an integrator's
 * backend would: it verifies every delivery with the `standardwebhooks` package (the library a
 * receiver is told to use, docs/integration.md) and records it. Under `/flaky/` it refuses the
 * first delivery of each `webhook-id` with 503, so a test sees the retry arrive with the same id.
 * Any path may sit under `/t/<tag>/`; `GET /deliveries?tag=<tag>` lists what arrived under a tag.
 *
 * @example
 * const receiver = await startWebhookReceiver(WEBHOOK_TEST_SECRET);
 * startWorker({ vars: { WEBHOOK_URL: `${receiver.origin}/t/e2e/flaky/events`, WEBHOOK_SECRET: WEBHOOK_TEST_SECRET } });
 */
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Webhook } from "standardwebhooks";

import { WEBHOOK_TEST_SECRET, type ReceivedDelivery } from "./webhook-test-secret.ts";

export { WEBHOOK_TEST_SECRET, type ReceivedDelivery } from "./webhook-test-secret.ts";

export interface WebhookReceiver {
  origin: string;
  readonly deliveries: ReceivedDelivery[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string = WEBHOOK_TEST_SECRET): Promise<WebhookReceiver> {
  const verifier = new Webhook(secret);
  const deliveries: ReceivedDelivery[] = [];
  const refusedOnce = new Set<string>();
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname === "/deliveries") {
      const tag = url.searchParams.get("tag");
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(deliveries.filter((delivery) => !tag || delivery.tag === tag)));
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const headers = { "webhook-id": String(request.headers["webhook-id"] ?? ""), "webhook-timestamp": String(request.headers["webhook-timestamp"] ?? ""), "webhook-signature": String(request.headers["webhook-signature"] ?? "") };
      let verified: boolean;
      let body: unknown = null;
      try {
        body = verifier.verify(text, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const tag = /^\/t\/([^/]+)\//.exec(url.pathname)?.[1] ?? null;
      const refuse = url.pathname.includes("/flaky/") && !refusedOnce.has(headers["webhook-id"]);
      if (refuse) refusedOnce.add(headers["webhook-id"]);
      const status = !verified ? 401 : refuse ? 503 : 204;
      deliveries.push({ tag, id: headers["webhook-id"], timestamp: headers["webhook-timestamp"], verified, status, body });
      response.writeHead(status).end();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    deliveries,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
