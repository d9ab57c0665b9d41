/**
 * Durations in the words an email uses: "30 minutes", "1 hour", "24 hours", "7 days". People read the
 * lifetime of a link; they should not have to compute it.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Describes `ms` in the largest whole unit that fits exactly, falling back to minutes. A single
 * day stays "24 hours", as people say it of a link (and as the sign-up pages word it).
 */
export function describeDuration(ms: number): string {
  if (ms > DAY_MS && ms % DAY_MS === 0) return plural(ms / DAY_MS, "day");
  if (ms >= HOUR_MS && ms % HOUR_MS === 0) return plural(ms / HOUR_MS, "hour");
  return plural(Math.max(1, Math.round(ms / MINUTE_MS)), "minute");
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
