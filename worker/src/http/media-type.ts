/**
 * The media type a request body declares, without parameters such as `charset`, in lower case.
 * JSON endpoints and HTML forms both refuse bodies of any other type.
 */
export function readMediaType(request: Request): string | undefined {
  return request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
}
