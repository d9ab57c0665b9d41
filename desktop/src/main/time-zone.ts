/**
 * The system's time zone, which main sends with a reset request and a sign-up so the email can
 * say until when its link works in the person's own time. A zone the shared schema would refuse
 * (some systems report none, or a name the Worker's Intl does not know) is left out, and the
 * email says UTC, rather than the whole request being refused.
 */
import { passwordResetRequestSchema } from "../../../shared/contract.ts";

/** The system's IANA time zone ("Europe/Berlin"), or undefined when it has none the Worker accepts. */
export function readSystemTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && passwordResetRequestSchema.shape.timeZone.safeParse(zone).success ? zone : undefined;
}
