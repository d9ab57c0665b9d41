/**
 * Durations and moments in the words an email uses: "30 minutes", "1 hour", "24 hours", "7 days",
 * and the time a link stops working, in the reader's language and time zone. People read the
 * lifetime of a link; they should not have to compute it.
 */
import type { Translator } from "../../../../shared/i18n/translator.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Describes `ms` in the largest whole unit that fits exactly, falling back to minutes. A single
 * day stays "24 hours", as people say it of a link (and as the sign-up pages word it).
 */
export function describeDuration(translator: Translator, ms: number): string {
  if (ms > DAY_MS && ms % DAY_MS === 0) return translator.t("email.days", { count: ms / DAY_MS });
  if (ms >= HOUR_MS && ms % HOUR_MS === 0) return translator.t("email.hours", { count: ms / HOUR_MS });
  return translator.t("email.minutes", { count: Math.max(1, Math.round(ms / MINUTE_MS)) });
}
