import { describe, expect, it } from "vitest";
import { clearPageCookie, PAGE_COOKIES, readPageCookie, setPageCookie, type PageCookieKind } from "../../../worker/src/web/page-cookies.ts";

const KINDS = Object.keys(PAGE_COOKIES) as PageCookieKind[];

describe("the pages' cookies", () => {
  it.each(KINDS)("%s carries the __Host- prefix over https: Secure, Path=/, no Domain, HttpOnly", (kind) => {
    const cookie = setPageCookie(new Request("https://reset.example.com/page"), kind, "value", 60);

    expect(cookie).toBe(`__Host-${PAGE_COOKIES[kind].name}=value; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=${PAGE_COOKIES[kind].sameSite === "strict" ? "Strict" : "Lax"}`);
  });

  it.each(KINDS)("%s keeps its bare name, without Secure, only over plain http on loopback", (kind) => {
    for (const origin of ["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"]) {
      expect(setPageCookie(new Request(`${origin}/page`), kind, "value")).toBe(
        `${PAGE_COOKIES[kind].name}=value; Path=/; HttpOnly; SameSite=${PAGE_COOKIES[kind].sameSite === "strict" ? "Strict" : "Lax"}`,
      );
    }
    // Plain http anywhere else still asks for Secure and the prefix: the browser then refuses the cookie rather than send it in clear.
    expect(setPageCookie(new Request("http://reset.example.com/page"), kind, "value")).toMatch(/^__Host-.*; Secure/);
  });

  it("reads only the prefixed name over https, so a cookie a sibling subdomain planted under the bare name is ignored", () => {
    // evil.example.com set `resetkit_reset=<the attacker's token>; Domain=example.com`.
    const request = new Request("https://reset.example.com/reset-password", {
      headers: { cookie: "resetkit_reset=the-attackers-token; __Host-resetkit_reset=the-owners-token" },
    });
    expect(readPageCookie(request, "reset")).toBe("the-owners-token");
    expect(readPageCookie(new Request("https://reset.example.com/", { headers: { cookie: "resetkit_reset=planted" } }), "reset")).toBeNull();
  });

  it("deletes a cookie with Max-Age=0 under the same name and attributes", () => {
    expect(clearPageCookie(new Request("https://reset.example.com/"), "reset")).toBe("__Host-resetkit_reset=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict");
  });
});
