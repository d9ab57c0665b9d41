/**
 * Reads and validates a JSON request body at the edge: 415 for another content type, 413 past
 * 16 KiB (checked while streaming, so a lying Content-Length cannot get around it), 400 for
 * malformed JSON, a body that breaks off, or a body that fails its schema. Past this point, types are trusted.
 */
import type { z } from "zod";
import { fieldErrorsFrom, MAX_BODY_BYTES } from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { message } from "../../../shared/i18n/translator.ts";
import { ProblemError } from "./problem.ts";
import { readMediaType } from "./media-type.ts";

/** Reads the raw body as UTF-8 text, refusing anything over `limit` bytes with 413. */
export async function readBodyText(request: Request, limit: number = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await readChunk(reader);
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Parses a JSON body against `schema`, throwing the matching problem on every failure. */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const mediaType = readMediaType(request);
  if (mediaType !== "application/json") {
    throw new ProblemError(415, ErrorCode.unsupportedMediaType, message("problem.unsupportedMediaType"));
  }
  const text = await readBodyText(request);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProblemError(400, ErrorCode.malformedJson, message("problem.malformedJson"));
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ProblemError(400, ErrorCode.validationFailed, message("problem.validationFailed"), {
      errors: fieldErrorsFrom(result.error),
    });
  }
  return result.data;
}

/** One chunk of the body; a stream that breaks off (an aborted upload) is the client's fault, not a 500. */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch {
    throw new ProblemError(400, ErrorCode.malformedJson, message("problem.truncatedBody"));
  }
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, ErrorCode.payloadTooLarge, message("problem.payloadTooLarge", { limit }));
}
