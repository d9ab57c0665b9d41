/**
 * React Query settings for the app. A 4xx answer will not change by asking again, so it is
 * never retried; only failures that may be passing (no connection, 5xx) are retried, twice.
 */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-bridge.ts";

const MAX_RETRIES = 2;

/** Returns true when a failed call is worth another try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiError) {
    if (error.code === "untrusted_sender") return false;
    return error.status === 0 || error.status >= 500;
  }
  return false;
}

/** Creates the client the app renders with. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
