/**
 * A real HTTP server on 127.0.0.1 standing in for the Worker, for the desktop client's unit
 * tests. Each test says what the next request to a path gets back (status, headers, body,
 * or a hang); every request is recorded so tests can assert what was, or was not, sent.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";

export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Never answer, to exercise timeouts. */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface LocalHttpServer {
  url: string;
  requests: RecordedRequest[];
  /** Sets the answer for `METHOD /path` until changed. */
  respond(method: string, path: string, response: CannedResponse): void;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. Unknown routes get a problem+json 404. */
export async function startLocalHttpServer(): Promise<LocalHttpServer> {
  const routes = new Map<string, CannedResponse>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      requests.push({ method: request.method ?? "", path, headers: request.headers, body });
      const canned = routes.get(`${request.method} ${path}`) ?? {
        status: 404,
        headers: { "content-type": "application/problem+json" },
        body: { type: "about:blank", title: "Not Found", status: 404, code: "not_found", detail: "There is no such API endpoint." },
      };
      if (canned.hang) return;
      const text = canned.body === undefined ? "" : typeof canned.body === "string" ? canned.body : JSON.stringify(canned.body);
      response.writeHead(canned.status, canned.headers ?? {});
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(method, path, response) {
      routes.set(`${method} ${path}`, response);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A problem+json answer as the Worker sends it. */
export function problem(status: number, code: string, extra: { detail?: string; errors?: Record<string, string>; headers?: Record<string, string> } = {}): CannedResponse {
  return {
    status,
    headers: { "content-type": "application/problem+json", ...extra.headers },
    body: {
      type: `https://resetkit.dev/problems/${code}`,
      title: code.replace(/_/g, " "),
      status,
      code,
      ...(extra.detail ? { detail: extra.detail } : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
    },
  };
}
