import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRendererHandler,
  registerRendererScheme,
  RENDERER_ENTRY_URL,
  resolveRendererFile,
} from "../../../desktop/src/main/renderer-protocol.ts";
import { RENDERER_CONTENT_SECURITY_POLICY } from "../../../desktop/src/renderer/content-security-policy.ts";

/** A bundle folder like desktop/out/renderer, next to a secret that must never be served. */
let outDir: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "resetkit-renderer-"));
  rendererDir = join(outDir, "renderer");
  await mkdir(join(rendererDir, "assets"), { recursive: true });
  await writeFile(join(rendererDir, "index.html"), "<!doctype html><title>ResetKit</title>");
  await writeFile(join(rendererDir, "assets", "index-abc123.js"), "console.log('app')");
  await writeFile(join(rendererDir, "assets", "index-abc123.css"), "body{}");
  await writeFile(join(rendererDir, "assets", "logo.svg"), "<svg/>");
  await writeFile(join(rendererDir, "notes.txt"), "not part of the bundle's types");
  await writeFile(join(outDir, "secret.js"), "the main process bundle");
  handle = createRendererHandler(rendererDir);
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const get = (url: string) => handle(new Request(url));

describe("the app:// renderer scheme", () => {
  it("is registered as standard and secure, so the page is a secure context with a real origin", () => {
    const registered: unknown[] = [];
    registerRendererScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it("serves the page with its CSP as a header, and its assets with their content types", async () => {
    const page = await get(RENDERER_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toBe(RENDERER_CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe("<!doctype html><title>ResetKit</title>");

    const types = await Promise.all(
      ["assets/index-abc123.js", "assets/index-abc123.css", "assets/logo.svg"].map(async (path) => {
        const response = await get(`app://resetkit/${path}`);
        return [response.status, response.headers.get("content-type"), response.headers.get("x-content-type-options")];
      }),
    );
    expect(types).toEqual([
      [200, "text/javascript; charset=utf-8", "nosniff"],
      [200, "text/css; charset=utf-8", "nosniff"],
      [200, "image/svg+xml", "nosniff"],
    ]);
  });

  it("serves index.html for the bare origin", async () => {
    expect((await get("app://resetkit/")).status).toBe(200);
  });

  it.each([
    ["a file that does not exist", "app://resetkit/assets/missing.js"],
    ["a folder", "app://resetkit/assets"],
    ["a file of a type the bundle never has", "app://resetkit/notes.txt"],
    ["a dot-dot path", "app://resetkit/../secret.js"],
    ["a percent-encoded dot-dot path", "app://resetkit/%2e%2e/secret.js"],
    ["an encoded slash in a dot-dot path", "app://resetkit/assets%2f..%2f..%2fsecret.js"],
    ["a backslash path", "app://resetkit/..%5csecret.js"],
    ["a NUL byte", "app://resetkit/index.html%00.js"],
    ["malformed percent-encoding", "app://resetkit/%E0%A4%A.js"],
    ["another host on the scheme", "app://evil/index.html"],
  ])("answers 404 for %s", async (_case, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found");
  });

  it("never resolves a path outside the bundle folder", () => {
    // The URL parser removes dot segments, even percent-encoded ones, before the path is read.
    expect(resolveRendererFile(rendererDir, "app://resetkit/%2e%2e/%2e%2e/etc/passwd.js")).toBe(join(rendererDir, "etc", "passwd.js"));
    // Decoding an encoded slash would make new ones; those are refused.
    expect(resolveRendererFile(rendererDir, "app://resetkit/assets%2F..%2F..%2Fsecret.js")).toBeNull();
    expect(resolveRendererFile(rendererDir, "app://resetkit/assets/index-abc123.js")).toBe(join(rendererDir, "assets", "index-abc123.js"));
  });

  it("answers 405 to anything but GET and HEAD", async () => {
    const response = await handle(new Request(RENDERER_ENTRY_URL, { method: "POST", body: "x" }));
    expect(response.status).toBe(405);
  });
});
