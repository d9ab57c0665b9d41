/**
 * Which reset links a successful sign-in revokes: only those asked for from the sign-in's own
 * network (one IPv4 address or one IPv6 /64), so the owner who remembers the password kills a
 * stale link, and someone who knows the password, signing in from elsewhere, cannot kill the
 * owner's. Every link here is asked for through the API and stored by the real queue consumer.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { computeRequesterNetwork } from "../../../worker/src/reset/requester-network.ts";
import { ORIGINAL_PASSWORD, postJson, readMailTo, readResetTokensSentTo, registerAccount, requestReset } from "../reset/reset-fixtures.ts";

const CODE_PATTERN = /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/;

/** Asks for a reset from `ip` and returns the emailed link's token and code. */
async function askForLink(email: string, ip: string): Promise<{ token: string; code: string }> {
  expect((await requestReset(email, { ip })).status).toBe(202);
  const token = (await readResetTokensSentTo(email)).at(-1);
  const code = CODE_PATTERN.exec((await readMailTo(email)).at(-1)?.text ?? "")?.[1];
  if (!token || !code) throw new Error(`no reset email reached ${email}`);
  return { token, code };
}

function signIn(email: string, ip: string): Promise<Response> {
  return postJson("/api/v1/sessions", { email, password: ORIGINAL_PASSWORD }, { ip });
}

async function linkStatus(token: string): Promise<number> {
  return (await postJson("/api/v1/password-resets/verify", { token })).status;
}

describe("a successful sign-in and the account's reset links", { timeout: 30_000 }, () => {
  it("revokes a link asked for from the same IPv4 address", async () => {
    await registerAccount("same-v4@example.com");
    const { token } = await askForLink("same-v4@example.com", "192.0.2.10");

    expect((await signIn("same-v4@example.com", "192.0.2.10")).status).toBe(200);

    expect(await linkStatus(token)).toBe(410);
  });

  it("leaves a link asked for from another IPv4 address working", async () => {
    await registerAccount("other-v4@example.com");
    const { token } = await askForLink("other-v4@example.com", "192.0.2.20");

    expect((await signIn("other-v4@example.com", "192.0.2.21")).status).toBe(200);

    expect(await linkStatus(token)).toBe(200);
    const confirmed = await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase 3" });
    expect(confirmed.status).toBe(204);
  });

  it("revokes a link asked for from another address in the same IPv6 /64", async () => {
    await registerAccount("same-64@example.com");
    const { token } = await askForLink("same-64@example.com", "2001:db8:1:2::1");

    expect((await signIn("same-64@example.com", "2001:DB8:1:2:ffff:ee:dd:9")).status).toBe(200);

    expect(await linkStatus(token)).toBe(410);
  });

  it("leaves a link asked for from another IPv6 /64 working", async () => {
    await registerAccount("other-64@example.com");
    const { token } = await askForLink("other-64@example.com", "2001:db8:1:2::1");

    expect((await signIn("other-64@example.com", "2001:db8:1:3::1")).status).toBe(200);

    expect(await linkStatus(token)).toBe(200);
  });

  it("never revokes a link asked for from an address that cannot be parsed, even from the same one", async () => {
    await registerAccount("unparsed@example.com");
    const { token } = await askForLink("unparsed@example.com", "unknown");

    expect((await signIn("unparsed@example.com", "unknown")).status).toBe(200);

    expect(await linkStatus(token)).toBe(200);
  });

  it("kills the emailed code with the link when it revokes it", async () => {
    await registerAccount("code-dies@example.com");
    const { code } = await askForLink("code-dies@example.com", "192.0.2.30");

    expect((await signIn("code-dies@example.com", "192.0.2.30")).status).toBe(200);

    const redeemed = await postJson("/api/v1/password-resets/redeem-code", { email: "code-dies@example.com", code }, { ip: "192.0.2.31" });
    expect(redeemed.status).toBe(400);
    expect(await redeemed.json()).toMatchObject({ code: "code_invalid" });
  });

  it("treats a token redeemed from the code as the link it replaced: revoked only from the link's network", async () => {
    await registerAccount("code-follows@example.com");
    const { code } = await askForLink("code-follows@example.com", "192.0.2.40");
    // The code is typed on another device, on another network.
    const redeemed = await postJson("/api/v1/password-resets/redeem-code", { email: "code-follows@example.com", code }, { ip: "192.0.2.41" });
    const { token } = await redeemed.json<{ token: string }>();

    expect((await signIn("code-follows@example.com", "192.0.2.41")).status).toBe(200);
    expect(await linkStatus(token)).toBe(200);

    expect((await signIn("code-follows@example.com", "192.0.2.40")).status).toBe(200);
    expect(await linkStatus(token)).toBe(410);
  });

  it("is decided by a keyed hash of the network stored with the link, never the address itself", async () => {
    const account = await registerAccount("stored-network@example.com");
    await askForLink("stored-network@example.com", "2001:db8:aa:bb::7");

    const { results } = await env.DB.prepare("SELECT * FROM password_reset_tokens WHERE account_id = ?").bind(account.id).all();
    expect(results).toHaveLength(1);
    expect(results[0]?.requester_network).toBe(await computeRequesterNetwork(env, "2001:db8:aa:bb::1"));
    const everything = JSON.stringify(results).toLowerCase();
    expect(everything).not.toContain("2001:db8");
    expect(everything).not.toContain("aa:bb");
  });
});
