import { describe, expect, it } from "vitest";
import { readBearerToken } from "../../../worker/src/http/bearer.ts";
import { readClientIp } from "../../../worker/src/http/client-ip.ts";

const withHeaders = (headers: Record<string, string>) => new Request("http://127.0.0.1/", { headers });

describe("readBearerToken", () => {
  it("reads the token after the Bearer scheme, in any letter case", () => {
    expect(readBearerToken(withHeaders({ authorization: "Bearer abc_DEF-123" }))).toBe("abc_DEF-123");
    expect(readBearerToken(withHeaders({ authorization: "bearer abc" }))).toBe("abc");
  });

  it("returns null for a missing header, another scheme, or extra words", () => {
    expect(readBearerToken(withHeaders({}))).toBeNull();
    expect(readBearerToken(withHeaders({ authorization: "Basic YTpi" }))).toBeNull();
    expect(readBearerToken(withHeaders({ authorization: "Bearer" }))).toBeNull();
    expect(readBearerToken(withHeaders({ authorization: "Bearer abc def" }))).toBeNull();
  });
});

describe("readClientIp", () => {
  it("uses CF-Connecting-IP, which Cloudflare sets on every request", () => {
    expect(readClientIp(withHeaders({ "cf-connecting-ip": "203.0.113.9", "x-forwarded-for": "10.0.0.1" }))).toBe("203.0.113.9");
  });

  it("falls back to one shared bucket when the header is missing", () => {
    expect(readClientIp(withHeaders({ "x-forwarded-for": "10.0.0.1" }))).toBe("unknown");
  });
});
