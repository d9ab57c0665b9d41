/**
 * What the sign-up and verify-email page tests share: signing up through the web form as a
 * person would, the confirmation link read from the outbox the queue consumer wrote to, and
 * whether an address and password can sign in through the JSON API.
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { Browser, openForm, ORIGINAL_PASSWORD } from "./web-fixtures.ts";

/** Fills in and sends the sign-up form in a fresh browser; returns the 303 answer. */
export async function signUpOnTheWeb(email: string, password = ORIGINAL_PASSWORD, browser = new Browser()): Promise<Response> {
  const { csrfToken } = await openForm(browser, "/sign-up");
  return browser.postForm("/sign-up", { csrf_token: csrfToken, email, password, confirm_password: password });
}

/** The token of the newest confirmation link emailed to `address`, or null when none was sent. */
export async function readVerificationToken(address: string): Promise<string | null> {
  const { results } = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE lower(to_address) = lower(?) ORDER BY seq DESC")
    .bind(address)
    .all<{ text_body: string }>();
  for (const { text_body: text } of results) {
    const token = /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    if (token) return token;
  }
  return null;
}

/** Signs up on the web and returns the token from the confirmation email. */
export async function signUpAndReadToken(email: string, password = ORIGINAL_PASSWORD): Promise<string> {
  const answer = await signUpOnTheWeb(email, password);
  expect(answer.status).toBe(303);
  const token = await readVerificationToken(email);
  if (!token) throw new Error(`no confirmation link reached ${email}`);
  return token;
}

/** The status `POST /api/v1/sessions` gives this address and password. */
export async function signInStatus(email: string, password: string): Promise<number> {
  const response = await new Browser().fetch("/api/v1/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  return response.status;
}
