/**
 * Work handed to `ctx.waitUntil`, so it runs after the response. A failure there has no caller
 * to report to, so it is logged here, by error name only: the error's message could carry a
 * token or an address.
 */

/** Runs `work`, logging (by name only) instead of rejecting when it fails. */
export async function runInBackground(label: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`${label} failed`, error instanceof Error ? error.name : typeof error);
  }
}
