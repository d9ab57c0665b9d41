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
});
