import { createConfig, lintFromString } from "@redocly/openapi-core";
import { Validator } from "@seriousme/openapi-schema-validator";
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

  describe("its OpenAPI document", () => {
    let source: string;
    beforeAll(async () => {
      const response = await fetch(`${worker.url}/api/v1/openapi.json`);
      expect(response.headers.get("content-type")).toBe("application/json");
      source = await response.text();
    });

    it("validates as OpenAPI 3.1 against the specification's own schema", async () => {
      const validator = new Validator();
      const result = await validator.validate(JSON.parse(source) as Record<string, unknown>);
      expect(validator.version).toBe("3.1");
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it("lints clean with Redocly's recommended rules, warnings included", async () => {
      const config = await createConfig({ extends: ["recommended"] });
      const problems = await lintFromString({ source, absoluteRef: `${worker.url}/api/v1/openapi.json`, config });
      expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`)).toEqual([]);
    });

    it("describes every JSON endpoint the Worker routes, and the reference page", () => {
      const paths = Object.keys((JSON.parse(source) as { paths: Record<string, unknown> }).paths).sort();
      expect(paths).toEqual(
        [
          "/api/docs",
          "/api/v1/accounts",
          "/api/v1/accounts/verify",
          "/api/v1/admin/accounts",
          "/api/v1/admin/accounts/{id}/sessions",
          "/api/v1/admin/accounts/{id}/unlock-sign-in",
          "/api/v1/admin/deliveries",
          "/api/v1/admin/deliveries/{id}/retry",
          "/api/v1/me",
          "/api/v1/me/password",
          "/api/v1/openapi.json",
          "/api/v1/password-resets",
          "/api/v1/password-resets/confirm",
          "/api/v1/password-resets/redeem-code",
          "/api/v1/password-resets/verify",
          "/api/v1/sessions",
          "/api/v1/sessions/current",
          "/dev/accounts",
          "/dev/deliveries.json",
          "/dev/mailbox.json",
        ].sort(),
      );
    });
  });
});
