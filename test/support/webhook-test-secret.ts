/**
 * What the Worker suites (in workerd, without Node's types) share with the webhook receiver
 * (webhook-receiver.ts): the test secret and the shape of a recorded delivery.
 */

/** A secret for tests only: `whsec_` and the base64 of 35 bytes. */
export const WEBHOOK_TEST_SECRET = "whsec_cmVzZXRraXQtdGVzdC13ZWJob29rLXNlY3JldC0wMDAwMDA=";

export interface ReceivedDelivery {
  tag: string | null;
  id: string;
  timestamp: string;
  /** True when `standardwebhooks` accepted the signature and timestamp. */
  verified: boolean;
  /** What the receiver answered. */
  status: number;
  body: unknown;
}
