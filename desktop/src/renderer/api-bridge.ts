/**
 * The renderer's view of the preload `api`. Results cross the bridge as values; `unwrap` turns
 * a failure into a thrown `ApiError` so React Query sees it as an error, with the sentence
 * to show (main wrote it in the app's language) and the status that decides whether to retry.
 */
import type { ResetKitApi } from "../preload/api.ts";
import type { ApiFailure, ApiResult } from "../ipc/api-result.ts";
import type { Translator } from "../../../shared/i18n/translator.ts";

declare global {
  interface Window {
    api: ResetKitApi;
  }
}

/** A failed API call, carrying the main process's readable message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiFailure["code"];
  readonly fieldErrors: Record<string, string>;

  constructor(failure: ApiFailure) {
    super(failure.message);
    this.name = "ApiError";
    this.status = failure.status;
    this.code = failure.code;
    this.fieldErrors = failure.fieldErrors ?? {};
  }
}

/** Resolves to the value of a successful call; rejects with ApiError otherwise. */
export async function unwrap<T>(pending: Promise<ApiResult<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** The sentence to show for any error, including unexpected ones. */
export function describeError(error: unknown, { t }: Translator): string {
  if (error instanceof ApiError) return error.message;
  return t("app.error.inApp");
}

/** The preload API; one accessor so the bridge is looked up at call time, not import time. */
export function getApi(): ResetKitApi {
  return window.api;
}
