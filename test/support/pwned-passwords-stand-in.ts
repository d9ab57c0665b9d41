/**
 * A real HTTP server on 127.0.0.1 that stands in for the Pwned Passwords range API
 * (`GET /range/{first 5 hex of SHA-1}`). It lists the SHA-1 of every password in
 * `BREACHED_TEST_PASSWORDS`, pads its answers with `0`-count suffixes when asked with
 * `Add-Padding: true`, as the real API does, and records every request so tests can check that only
 * 5-character prefixes ever leave the Worker. Two more bases misbehave on purpose: `/hang/range/`
 * never answers, `/failing/range/` answers 503. Any base may be put under `/t/<tag>/`, so that
 * suites running side by side each read only their own requests: `GET /requests?tag=<tag>` lists
 * what arrived under a tag (all of them without one).
 *
 * @example
 * const standIn = await startPwnedPasswordsStandIn();
 * const worker = await startWorker({ vars: { PWNED_PASSWORDS_API_URL: standIn.rangeUrl } });
 */
import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { BREACHED_TEST_PASSWORDS } from "./breached-test-passwords.ts";


export interface RangeRequest {
  tag: string | null;
  path: string;
  prefix: string;
  addPadding: boolean;
}

export interface PwnedPasswordsStandIn {
  /** The stand-in's origin, for tagged bases: `${origin}/t/<tag>/range/`. */
  origin: string;
  /** The base to pass as PWNED_PASSWORDS_API_URL. */
  rangeUrl: string;
  /** A base whose requests never get an answer. */
  hangingRangeUrl: string;
  /** A base whose requests get 503. */
  failingRangeUrl: string;
  readonly requests: RangeRequest[];
  close(): Promise<void>;
}

const PADDING_LINES = 200;

/** Starts the stand-in on a free loopback port. */
export async function startPwnedPasswordsStandIn(): Promise<PwnedPasswordsStandIn> {
  const listed = new Map<string, number>();
  for (const [index, password] of BREACHED_TEST_PASSWORDS.entries()) {
    listed.set(createHash("sha1").update(password.normalize("NFKC")).digest("hex").toUpperCase(), 1_000 * (index + 1));
  }
  const requests: RangeRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (path === "/requests") {
      const tag = url.searchParams.get("tag");
      return send(response, 200, "application/json", JSON.stringify(requests.filter((entry) => tag === null || entry.tag === tag)));
    }
    const match = /^\/(?:t\/([\w-]+)\/)?(hang\/|failing\/)?range\/(.*)$/.exec(path);
    if (!match) return send(response, 404, "text/plain", "not found");
    const prefix = match[3] ?? "";
    requests.push({ tag: match[1] ?? null, path, prefix, addPadding: request.headers["add-padding"] === "true" });
    if (match[2] === "hang/") return;
    if (match[2] === "failing/") return send(response, 503, "text/plain", "unavailable");
    if (!/^[0-9A-F]{5}$/i.test(prefix)) return send(response, 400, "text/plain", "The hash prefix was not in a valid format");
    const lines = [...listed].filter(([hash]) => hash.startsWith(prefix.toUpperCase())).map(([hash, count]) => `${hash.slice(5)}:${count}`);
    if (request.headers["add-padding"] === "true") {
      for (let index = 0; index < PADDING_LINES; index += 1) {
        lines.push(`${createHash("sha1").update(`padding ${prefix} ${index}`).digest("hex").toUpperCase().slice(5)}:0`);
      }
    }
    send(response, 200, "text/plain", lines.join("\r\n"));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: base,
    rangeUrl: `${base}/range/`,
    hangingRangeUrl: `${base}/hang/range/`,
    failingRangeUrl: `${base}/failing/range/`,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type });
  response.end(body);
}
