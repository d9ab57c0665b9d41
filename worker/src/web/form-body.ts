/**
 * Reads a form POST (`application/x-www-form-urlencoded`) once per request. The CSRF check and
 * the page handler both need the fields, and a body can only be read once, so the parsed
 * fields are remembered per request. The 16 KiB body limit of the JSON API applies here too.
 */
import { readBodyText } from "../http/json-body.ts";
import { timeZoneSchema } from "../../../shared/contract.ts";
import { readMediaType } from "../http/media-type.ts";

export type FormBody = { ok: true; fields: URLSearchParams } | { ok: false; reason: "unsupported_media_type" | "too_large" };

const parsedBodies = new WeakMap<Request, Promise<FormBody>>();

/** Parses the request's form fields; returns a typed failure instead of throwing. */
export function readFormBody(request: Request): Promise<FormBody> {
  let body = parsedBodies.get(request);
  if (!body) {
    body = parseFormBody(request);
    parsedBodies.set(request, body);
  }
  return body;
}

/**
 * The fields of a form that passed `refuseUnreadableForm` (routes.tsx), which answered 413 or 415
 * for any body that cannot be read; a page handler behind it never sees one.
 */
export async function readSubmittedFields(request: Request): Promise<URLSearchParams> {
  const body = await readFormBody(request);
  if (!body.ok) throw new Error(`a page handler ran for an unreadable form (${body.reason})`);
  return body.fields;
}

/** Returns one field as a string, or "" when it is missing. */
export function readField(fields: URLSearchParams, name: string): string {
  return fields.get(name) ?? "";
}

/** The browser's time zone as the page script filled it in, or undefined when absent or no zone. */
export function readTimeZoneField(fields: URLSearchParams): string | undefined {
  const parsed = timeZoneSchema.safeParse(fields.get("time_zone") || undefined);
  return parsed.success ? parsed.data : undefined;
}

async function parseFormBody(request: Request): Promise<FormBody> {
  const mediaType = readMediaType(request);
  if (mediaType !== "application/x-www-form-urlencoded") return { ok: false, reason: "unsupported_media_type" };
  try {
    return { ok: true, fields: new URLSearchParams(await readBodyText(request)) };
  } catch {
    return { ok: false, reason: "too_large" };
  }
}
