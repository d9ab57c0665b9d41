/**
 * The Worker suites' global setup: the local stand-ins workerd talks to over real HTTP, started
 * once for the whole run. Their URLs reach vitest.config.ts through `provide`, which hands them
 * to the Worker as bindings, and the tests through `inject`.
 */
import type { TestProject } from "vitest/node";
import { startPwnedPasswordsStandIn } from "./pwned-passwords-stand-in.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pwnedPasswords = await startPwnedPasswordsStandIn();
  project.provide("pwnedPasswordsOrigin", pwnedPasswords.origin);
  project.provide("pwnedPasswordsRangeUrl", pwnedPasswords.rangeUrl);
  return () => pwnedPasswords.close();
}
