/**
 * ResetKit's Worker entry point: the HTTP router and the scheduled purge.
 */
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
    return new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
