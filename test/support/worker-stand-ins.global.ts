/**
 * The Worker suites' global setup: the local stand-ins workerd talks to over real HTTP, started
 * once for the whole run. Their URLs reach vitest.config.ts through `provide`, which hands them
 * to the Worker as bindings, and the tests through `inject`.
 */
import type { TestProject } from "vitest/node";
import { startPwnedPasswordsStandIn } from "./pwned-passwords-stand-in.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [pwnedPasswords, webhookReceiver] = await Promise.all([startPwnedPasswordsStandIn(), startWebhookReceiver()]);
  project.provide("pwnedPasswordsOrigin", pwnedPasswords.origin);
  project.provide("pwnedPasswordsRangeUrl", pwnedPasswords.rangeUrl);
  project.provide("webhookReceiverOrigin", webhookReceiver.origin);
  return async () => {
    await Promise.all([pwnedPasswords.close(), webhookReceiver.close()]);
  };
}
