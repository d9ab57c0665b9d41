import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createAlertToken } from "../../../worker/src/mail/alert-tokens.ts";
import { createSession, validateSessionToken } from "../../../worker/src/sessions/session.ts";
import { Browser, countMailTo, openForm, readInputValue, registerAccount } from "./web-fixtures.ts";

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
    expect(await response.text()).toContain("Your account is signed out everywhere");
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
