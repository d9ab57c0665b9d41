import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../worker/src/index.ts";

const LIMIT = 16 * 1024;
const ENDPOINTS = ["/api/v1/accounts", "/api/v1/accounts/verify", "/api/v1/sessions", "/api/v1/password-resets", "/api/v1/password-resets/verify", "/api/v1/password-resets/confirm"];

/** Calls the Worker's fetch handler directly, so the request reaches it exactly as built here. */
async function callWorker(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A JSON document of exactly `size` bytes: {"email":"…"} padded with spaces. */
function jsonOfSize(size: number): string {
  const json = JSON.stringify({ email: "size@example.com", password: "violet tractor under the bridge" });
  return json + " ".repeat(size - json.length);
}

/** A body that arrives in chunks with no Content-Length, as a chunked upload would. */
function streamOf(totalBytes: number, chunkBytes = 4096): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
    },
  });
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({ status, code });
}

describe("request bodies over 16 KiB", () => {
  it("get 413 when Content-Length says so, on every JSON endpoint", async () => {
    for (const path of ENDPOINTS) {
      const response = await exports.default.fetch(`http://127.0.0.1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: jsonOfSize(LIMIT + 1),
      });
      await expectProblem(response, 413, "payload_too_large");
    }
  });

  it("pass the size check at exactly 16 KiB", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: jsonOfSize(LIMIT),
    });
    expect(response.status).toBe(401);
  });

  it("get 413 when streamed without a Content-Length", async () => {
    const request = new Request("http://127.0.0.1/api/v1/accounts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: streamOf(LIMIT * 4),
    });
    expect(request.headers.get("content-length")).toBeNull();
    await expectProblem(await callWorker(request), 413, "payload_too_large");
  });

  it("get 413 when Content-Length claims a small body but more arrives", async () => {
    const request = new Request("http://127.0.0.1/api/v1/accounts", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "20" },
      body: streamOf(LIMIT * 2),
    });
    expect(request.headers.get("content-length")).toBe("20");
    await expectProblem(await callWorker(request), 413, "payload_too_large");
  });

  it("get 413 when Content-Length is not a number and the body is too large", async () => {
    const request = new Request("http://127.0.0.1/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "lots" },
      body: streamOf(LIMIT + 10),
    });
    await expectProblem(await callWorker(request), 413, "payload_too_large");
  });
});

describe("content types", () => {
  it("refuse anything but application/json with 415, on every JSON endpoint", async () => {
    for (const path of ENDPOINTS) {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", "multipart/form-data; boundary=x"]) {
        const response = await exports.default.fetch(`http://127.0.0.1${path}`, {
          method: "POST",
          headers: { "content-type": contentType },
          body: JSON.stringify({ email: "type@example.com", password: "violet tractor under the bridge" }),
        });
        await expectProblem(response, 415, "unsupported_media_type");
      }
    }
  });

  it("refuse a body with no content type with 415", async () => {
    const request = new Request("http://127.0.0.1/api/v1/sessions", { method: "POST", body: new Blob(["{}"]) });
    request.headers.delete("content-type");
    await expectProblem(await callWorker(request), 415, "unsupported_media_type");
  });

  it("accept application/json with a charset parameter and in any letter case", async () => {
    for (const contentType of ["application/json; charset=utf-8", "Application/JSON"]) {
      const response = await exports.default.fetch("http://127.0.0.1/api/v1/sessions", {
        method: "POST",
        headers: { "content-type": contentType },
        body: JSON.stringify({ email: "nobody@example.com", password: "whatever it is" }),
      });
      expect(response.status).toBe(401);
    }
  });
});

describe("malformed JSON", () => {
  it("gets 400 malformed_json", async () => {
    for (const body of ["{", "{\"email\": }", "not json", "", "\u0000", "{'email':'a@b.c'}"]) {
      const response = await exports.default.fetch("http://127.0.0.1/api/v1/accounts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await expectProblem(response, 400, "malformed_json");
    }
  });

  it("gets 400, not 500, when the body breaks off in the middle of the upload", async () => {
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks += 1;
        if (chunks > 2) controller.error(new Error("connection reset by peer"));
        else controller.enqueue(new TextEncoder().encode('{"email":'));
      },
    });
    const request = new Request("http://127.0.0.1/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    await expectProblem(await callWorker(request), 400, "malformed_json");
  });

  it("that is not UTF-8 gets 400, never a 5xx", async () => {
    const request = new Request("http://127.0.0.1/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    await expectProblem(await callWorker(request), 400, "malformed_json");
  });

  it("that parses to the wrong shape gets 400 validation_failed, never a 5xx", async () => {
    for (const body of ["null", "[]", "42", "\"text\"", "{\"email\":{\"$ne\":null},\"password\":[1]}", "{\"__proto__\":{\"admin\":true}}"]) {
      for (const path of ENDPOINTS) {
        const response = await exports.default.fetch(`http://127.0.0.1${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await expectProblem(response, 400, "validation_failed");
      }
    }
  });
});
