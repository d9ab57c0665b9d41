import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /healthz", () => {
  it("answers ok", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/healthz");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});
