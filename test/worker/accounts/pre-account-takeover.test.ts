/**
 * Pre-account takeover, end to end: an attacker signs up first with the victim's address and a
 * password of their own, hoping the victim confirms the email and starts using an account whose
 * password the attacker knows. Every step runs through the Worker's JSON API and the mail queue.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findEmailVerification } from "../../../worker/src/accounts/email-verification.ts";
import { findAccountByEmail } from "../../../worker/src/accounts/accounts.ts";
import { readMailTo, readResetTokensSentTo, requestReset } from "../reset/reset-fixtures.ts";
import { readLatestVerificationToken, signIn, signUp, verify } from "./sign-up-fixtures.ts";

const VICTIM = "victim@example.com";
const ATTACKER_PASSWORD = "the attacker's chosen passphrase";
const VICTIM_PASSWORD = "the victim's own passphrase";

describe("a sign-up made with someone else's address", { timeout: 120_000 }, () => {
  it("can never be confirmed or used with the attacker's password; the victim takes the address by signing up", async () => {
    // The attacker signs up with the victim's address: the same 202 as anyone gets.
    expect((await signUp(VICTIM, ATTACKER_PASSWORD)).status).toBe(202);

    // The link lands in the victim's mailbox. The victim opens it; it knows the address...
    const link = await readLatestVerificationToken(VICTIM);
    expect(await findEmailVerification(env, link)).toEqual({ email: VICTIM, maskedEmail: "v***@example.com" });
    // ...but confirming needs the sign-up's password, which the victim does not know.
    const refused = await verify(link, VICTIM_PASSWORD);
    expect(refused.status).toBe(401);
    expect(await findAccountByEmail(env, VICTIM)).toBeNull();

    // The attacker cannot sign in either: an unconfirmed sign-up is no account.
    const attackerSignIn = await signIn(VICTIM, ATTACKER_PASSWORD);
    expect(attackerSignIn.status).toBe(401);
    expect(await attackerSignIn.json()).toMatchObject({ code: "invalid_credentials" });
    // A reset finds no account to send a link for.
    expect((await requestReset(VICTIM)).status).toBe(202);
    expect(await readResetTokensSentTo(VICTIM)).toEqual([]);

    // The victim signs up with their own password: the newest sign-up wins, with a link of its own.
    expect((await signUp(VICTIM, VICTIM_PASSWORD)).status).toBe(202);
    const victimLink = await readLatestVerificationToken(VICTIM);
    expect((await verify(victimLink, VICTIM_PASSWORD)).status).toBe(200);

    // The attacker's link is dead, even with the attacker's password.
    expect((await verify(link, ATTACKER_PASSWORD)).status).toBe(410);
    expect((await signIn(VICTIM, ATTACKER_PASSWORD)).status).toBe(401);
    expect((await signIn(VICTIM, VICTIM_PASSWORD)).status).toBe(200);
    // Every email went to the victim's mailbox.
    expect((await readMailTo(VICTIM)).map((message) => message.subject)).toEqual([
      "Confirm your email address for ResetKit",
      "Confirm your email address for ResetKit",
    ]);
  });

  it("takes the victim's later sign-up as the password, so only the victim's own link and password confirm it", async () => {
    await signUp("second-victim@example.com", ATTACKER_PASSWORD);
    const attackerLink = await readLatestVerificationToken("second-victim@example.com");

    // The victim, not knowing, signs up with the same address: the newest sign-up wins.
    await signUp("second-victim@example.com", VICTIM_PASSWORD);
    const victimLink = await readLatestVerificationToken("second-victim@example.com");

    expect((await verify(attackerLink, ATTACKER_PASSWORD)).status).toBe(410);
    expect((await verify(victimLink, ATTACKER_PASSWORD)).status).toBe(401);
    expect((await verify(victimLink, VICTIM_PASSWORD)).status).toBe(200);
    expect((await signIn("second-victim@example.com", ATTACKER_PASSWORD)).status).toBe(401);
    expect((await signIn("second-victim@example.com", VICTIM_PASSWORD)).status).toBe(200);
  });
});
