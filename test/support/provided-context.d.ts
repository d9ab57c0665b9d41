/** What the global setups hand the suites through `provide`/`inject` (test/support/*.global.ts). */
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Pwned Passwords stand-in's origin, for tagged bases (test/support/pwned-passwords-stand-in.ts). */
    pwnedPasswordsOrigin: string;
    /** Its plain range base, which the Worker suites get as PWNED_PASSWORDS_API_URL. */
    pwnedPasswordsRangeUrl: string;
    /** The webhook receiver's origin (test/support/webhook-receiver.ts), for WEBHOOK_URL under `/t/<tag>/`. */
    webhookReceiverOrigin: string;
  }
}
