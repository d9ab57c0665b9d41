/**
 * The error summary on every web form that can refuse what was typed: each field to fix is a link
 * to that field, named by its label, while the field's own sentence stands next to it, so no
 * sentence is read twice. A sentence about the whole form stands in the summary alone. (The
 * forgot-password and code forms have theirs in their own files.)
 */
import { describe, expect, it } from "vitest";
import { signUpAndReadToken } from "./sign-up-fixtures.ts";
import { Browser, createResetToken, GOOD_PASSWORD, openForm, ORIGINAL_PASSWORD, readPageText, registerAccount } from "./web-fixtures.ts";

const HASHING_TIMEOUT_MS = 120_000;

interface Summary {
  heading: string | null;
  /** Each link as "#field-id Label". */
  links: string[];
  text: string;
}

/** What the page's error summary shows. */
function readSummary(html: string): Summary {
  const region = /<div class="error-summary"[^>]*>(.*?)<\/div>/.exec(html)?.[1] ?? "";
  const heading = /<h[23]>(.*?)<\/h[23]>/.exec(region)?.[1];
  return {
    heading: heading === undefined ? null : readPageText(heading),
    links: [...region.matchAll(/<li><a href="([^"]*)">(.*?)<\/a><\/li>/g)].map(([, href, label]) => `${href} ${readPageText(label ?? "")}`),
    text: readPageText(region),
  };
}

/** The sentences standing next to fields, each of which must appear once in the whole page. */
function expectFieldSentencesOnce(html: string): string[] {
  const sentences = [...html.matchAll(/<p class="error" id="[^"]+-error">(.*?)<\/p>/g)].map(([, sentence]) => readPageText(sentence ?? ""));
  const text = readPageText(html);
  for (const sentence of sentences) expect(text.split(sentence), sentence).toHaveLength(2);
  return sentences;
}

describe("the error summary", () => {
  it("on sign-up links to the address and both passwords by their labels", async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-up");

    const html = await (await browser.postForm("/sign-up", { csrf_token: csrfToken, email: "x", password: "short", confirm_password: "other" })).text();

    expect(readSummary(html)).toMatchObject({
      heading: "Please fix these first",
      links: ["#email Email address", "#password Password", "#confirm_password Confirm password"],
    });
    expect(expectFieldSentencesOnce(html)).toHaveLength(3);
  });

  it("on the reset form links to the new password and its confirmation", async () => {
    const browser = new Browser();
    await browser.fetch(`/reset-password?token=${await createResetToken(await registerAccount("summary-reset@example.com"))}`);
    const { csrfToken } = await openForm(browser, "/reset-password");

    const html = await (await browser.postForm("/reset-password", { csrf_token: csrfToken, password: "qwerty123456", confirm_password: "" })).text();

    expect(readSummary(html).links).toEqual(["#password New password", "#confirm_password Confirm new password"]);
    expect(expectFieldSentencesOnce(html)).toEqual(["This password is too common. Choose one that is harder to guess.", "Enter the new password a second time."]);
  });

  it("on sign-in links to a malformed address, and says a refusal of the whole form once, without a list", { timeout: HASHING_TIMEOUT_MS }, async () => {
    const browser = new Browser();
    const { csrfToken } = await openForm(browser, "/sign-in");
    const malformed = await (await browser.postForm("/sign-in", { csrf_token: csrfToken, email: "not an address", password: "x" })).text();
    const refused = await (await browser.postForm("/sign-in", { csrf_token: csrfToken, email: "nobody-summary@example.com", password: "x" })).text();

    expect(readSummary(malformed).links).toEqual(["#email Email address"]);
    expectFieldSentencesOnce(malformed);
    const sentence = "The email address or password is not right. If you have just signed up, confirm your address first with the link we emailed you.";
    expect(readSummary(refused)).toEqual({ heading: null, links: [], text: sentence });
    expect(readPageText(refused).split(sentence)).toHaveLength(2);
  });

  it("on the confirmation step links to the password and says the long refusal once, next to it", async () => {
    const browser = new Browser();
    await browser.fetch(`/verify-email?token=${await signUpAndReadToken("summary-verify@example.com")}`);
    const { csrfToken } = await openForm(browser, "/verify-email");

    const html = await (await browser.postForm("/verify-email", { csrf_token: csrfToken, password: GOOD_PASSWORD })).text();

    expect(readSummary(html).links).toEqual(["#password Password"]);
    expect(expectFieldSentencesOnce(html)[0]).toMatch(/^That is not the password chosen when this address was signed up\./);
  });

  it("on the account page sits one heading level below “Change password”", { timeout: HASHING_TIMEOUT_MS }, async () => {
    await registerAccount("summary-account@example.com");
    const browser = new Browser();
    const signIn = await openForm(browser, "/sign-in");
    await browser.postForm("/sign-in", { csrf_token: signIn.csrfToken, email: "summary-account@example.com", password: ORIGINAL_PASSWORD });
    const { csrfToken } = await openForm(browser, "/account");

    const html = await (await browser.postForm("/account", { csrf_token: csrfToken, current_password: "", password: "", confirm_password: "" })).text();

    expect(html).toContain("<h2>Change password</h2>");
    expect(html).toContain("<h3>Please fix these first</h3>");
    expect(readSummary(html).links).toEqual(["#current_password Current password", "#password New password", "#confirm_password Confirm new password"]);
    expect(expectFieldSentencesOnce(html)).toHaveLength(3);
  });
});
