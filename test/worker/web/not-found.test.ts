import { describe, expect, it } from "vitest";
import { Browser } from "./web-fixtures.ts";

describe("unknown paths", () => {
  it("answer an HTML 404 page outside /api, with the security headers", async () => {
    const response = await new Browser().fetch("/definitely/not/here?x=<b>");

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<h1>Page not found</h1>");
    expect(html).not.toContain("<b>");
  });

  it("answer HEAD with 404 and no body", async () => {
    const response = await new Browser().fetch("/nothing", { method: "HEAD" });

    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
  });

  it("still answer problem+json under /api", async () => {
    const response = await new Browser().fetch("/api/v1/nothing");

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("do not include methods a page does not accept: those get an HTML 405 naming the ones it does", async () => {
    for (const path of ["/forgot-password", "/forgot-password/check-email", "/reset-password", "/account-alert", "/sign-up", "/verify-email"]) {
      const response = await new Browser().fetch(path, { method: "PUT" });

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    }
  });
});
