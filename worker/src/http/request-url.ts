/**
 * A request's URL, parsed once: the cookies (is this https?), the language (`?lang=`) and the page
 * frame (the language chooser's links) all read it while one page is served.
 */
const parsed = new WeakMap<Request, URL>();

/** The parsed URL of `request`; do not change it, every reader shares it. */
export function readRequestUrl(request: Request): URL {
  let url = parsed.get(request);
  if (!url) {
    url = new URL(request.url);
    parsed.set(request, url);
  }
  return url;
}
