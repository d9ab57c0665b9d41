/**
 * ResetKit's Worker entry point: the HTTP router and the scheduled purge.
 */
import { createRouter } from "./router.ts";

const router = createRouter();

export default {
  fetch(request, env, ctx): Promise<Response> {
    return router.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
