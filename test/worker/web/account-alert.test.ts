import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createAlertToken } from "../../../worker/src/account-alert/alert-tokens.ts";
import { createSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { postJson, readMailTo, readResetTokensSentTo } from "../reset/reset-fixtures.ts";
import { Browser, countMailTo, createResetToken, GOOD_PASSWORD, openForm, readInputValue, registerAccount } from "./web-fixtures.ts";

async function prepareAlert(email: string) {
  const account = await registerAccount(email);
  const { token: sessionToken } = await createSession(env, account.id);
  const { token: alertToken } = await createAlertToken(env, account.id);
  return { account, sessionToken, alertToken };
}

describe("GET /account-alert?token=T", () => {
  it("shows a confirmation with the masked address and a button, and changes nothing", async () => {
    const { sessionToken, alertToken } = await prepareAlert("alert-view@example.com");
    const browser = new Browser();

    const head = await browser.fetch(`/account-alert?token=${alertToken}`, { method: "HEAD" });
    const { response, html } = await openForm(browser, `/account-alert?token=${alertToken}`);

    expect(head.status).toBe(200);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain("a***@example.com");
    expect(html).toContain("Sign out everywhere and send a reset link");
    expect(readInputValue(html, "token")).toBe(alertToken);
    expect(await validateSessionToken(env, sessionToken)).not.toBeNull();
    expect(await countMailTo("alert-view@example.com")).toBe(0);
  });

  it("shows the invalid-link page with 410 for an unknown or malformed token", async () => {
    for (const token of ["A".repeat(43), "<script>", ""]) {
      const response = await new Browser().fetch(`/account-alert?token=${encodeURIComponent(token)}`);
      expect(response.status).toBe(410);
      expect(await response.text()).toContain("Ask for a reset link");
    }
  });
});

describe("POST /account-alert", () => {
  it("signs the account out everywhere and mails a fresh reset link to the stored address, once", async () => {
    const { sessionToken, alertToken } = await prepareAlert("Alert-Owner@example.com");
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, `/account-alert?token=${alertToken}`);

    const response = await browser.postForm("/account-alert", { csrf_token: csrfToken, token: alertToken });

    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Your account is signed out everywhere");
    expect(page).toContain("The current password no longer works.");
    expect(await validateSessionToken(env, sessionToken)).toBeNull();
    const { results } = await env.DB.prepare("SELECT to_address, text_body FROM mail_outbox WHERE lower(to_address) = ?")
      .bind("alert-owner@example.com")
      .all<{ to_address: string; text_body: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]?.to_address).toBe("Alert-Owner@example.com");
    expect(results[0]?.text_body).toMatch(/\/reset-password\?token=[\w-]{43}/);

    const again = await browser.postForm("/account-alert", { csrf_token: csrfToken, token: alertToken });
    expect(again.status).toBe(410);
    expect(await countMailTo("alert-owner@example.com")).toBe(1);
  });
});

describe("an attacker who knows the password", { timeout: 120_000 }, () => {
  const ATTACKER_PASSWORD = "the attacker's own passphrase";
  const ATTACKER_IP = "192.0.2.66";
  const OWNER_IP = "2001:db8:600d::1";

  function signIn(password: string, ip: string): Promise<Response> {
    return postJson("/api/v1/sessions", { email: "story@example.com", password }, { ip });
  }

  it("cannot block the owner's recovery once the owner says 'this wasn't me'", async () => {
    // The attacker set a password of their own with a stolen reset link, and signed in.
    const account = await registerAccount("story@example.com");
    const stolenLink = await createResetToken(account);
    expect((await postJson("/api/v1/password-resets/confirm", { token: stolenLink, password: ATTACKER_PASSWORD })).status).toBe(204);
    const attackerSignIn = await signIn(ATTACKER_PASSWORD, ATTACKER_IP);
    expect(attackerSignIn.status).toBe(200);
    const { token: attackerSession } = await attackerSignIn.json<{ token: string }>();

    // The owner opens "this wasn't me" from the "password changed" email and presses the button.
    const changedEmail = (await readMailTo("story@example.com")).find((message) => message.subject === "Your ResetKit password was changed");
    const alertPath = /\/account-alert\?token=[\w-]{43}/.exec(changedEmail?.text ?? "")?.[0];
    if (!alertPath) throw new Error("no 'this wasn't me' link in the password changed email");
    const owner = new Browser();
    const { csrfToken } = await openForm(owner, alertPath);
    const alertToken = new URL(alertPath, "http://127.0.0.1").searchParams.get("token") ?? "";
    const secured = await owner.postForm("/account-alert", { csrf_token: csrfToken, token: alertToken });
    expect(secured.status).toBe(200);

    // The attacker's session is gone, and the password they know gets them nowhere.
    const attacker = new Browser();
    expect((await attacker.fetch("/api/v1/me", { headers: { authorization: `Bearer ${attackerSession}` } })).status).toBe(401);
    const answers: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) answers.push((await signIn(ATTACKER_PASSWORD, ATTACKER_IP)).status);
    expect(answers).toEqual([...Array<number>(10).fill(401), 429]);

    // The owner's emailed link still works after all those sign-ins; the owner sets a new password.
    const ownersLink = (await readResetTokensSentTo("story@example.com")).at(-1);
    expect(ownersLink).not.toBe(stolenLink);
    expect((await owner.fetch(`/reset-password?token=${ownersLink}`)).status).toBe(303);
    const form = await openForm(owner, "/reset-password");
    const changed = await owner.postForm("/reset-password", { csrf_token: form.csrfToken, password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD });
    expect(changed.status).toBe(200);

    // The owner signs in; the attacker's password is refused.
    expect((await signIn(GOOD_PASSWORD, OWNER_IP)).status).toBe(200);
    const attackerAgain = await signIn(ATTACKER_PASSWORD, ATTACKER_IP);
    expect(attackerAgain.status).toBe(401);
    expect(await attackerAgain.json()).toMatchObject({ code: "invalid_credentials" });
  });
});
