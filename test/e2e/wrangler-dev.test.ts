import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";

describe("wrangler dev", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({ vars: { APP_NAME: "ResetKit Test" } });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it("serves /healthz on loopback", async () => {
    const response = await fetch(`${worker.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  it("answers /dev/mailbox for a rebound DNS name (Host: evil.example) with the HTML 404 page", async () => {
    const { port } = new URL(worker.url);
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port, path: "/dev/mailbox", headers: { host: `evil.example:${port}` } }, (incoming) => {
        let body = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => (body += chunk));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, type: String(incoming.headers["content-type"]), body }));
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
    expect(answer.status).toBe(404);
    expect(answer.type).toBe("text/html; charset=utf-8");
    expect(answer.body).toContain("Page not found");
    expect((await fetch(`${worker.url}/dev/mailbox`)).status).toBe(200);
  });
});
