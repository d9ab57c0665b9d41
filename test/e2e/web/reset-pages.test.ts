/**
 * The edge reset pages in real Chromium against `wrangler dev`: the whole flow by clicking,
 * with JavaScript on and off and by keyboard alone, axe and CSP checks and screenshots on every
 * page, then links and forms against mail scanners and other sites. One Worker serves the file
 * (starting one is the slow part); the per-IP limit test runs last because it uses it up.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkerAndBrowser } from "../../support/browser-page.ts";
import {
  countMail,
  createAccount,
  findAxeViolations,
  NEW_PASSWORD,
  ORIGINAL_PASSWORD,
  readFocusedId,
  readLinkFromMail,
  signInStatus,
  submit,
  saveReadmeScreenshot,
  takeScreenshots,
  watchCspViolations,
} from "./web-e2e-fixtures.ts";
import { readFieldErrors } from "../../support/field-errors.ts";

/** Asks for a reset link through the API and returns it from the dev mailbox. */
async function requestLink(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/password-resets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(202);
  return readLinkFromMail(baseUrl, email);
}

describe("the reset pages in Chromium", () => {
  const suite = useWorkerAndBrowser();


  /**
   * The whole reset as a person does it. `visit` runs on every page reached (axe and
   * screenshots with JavaScript on; nothing extra with it off).
   */
  async function resetByClicking(page: Page, email: string, visit: (name: string) => Promise<void>): Promise<void> {
    await page.goto(`${suite.worker.url}/forgot-password`);
    await visit("forgot-password");
    await page.getByLabel("Email address").fill(email);
    const accepted = await submit(page, "Send reset link");
    expect(accepted.status()).toBe(303);
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await visit("check-email");

    const link = await readLinkFromMail(suite.worker.url, email);
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    // The token moved into a cookie: neither the address bar nor the history entry holds it.
    expect(page.url()).toBe(`${suite.worker.url}/reset-password`);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await expect.poll(() => readFocusedId(page)).toBe("password");
    await visit("reset-password");
    await saveReadmeScreenshot(page);

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(`${NEW_PASSWORD}!`);
    expect((await submit(page, "Set new password")).status()).toBe(422);
    expect(await readFieldErrors(page)).toEqual([["Confirm new password", "The two passwords don't match."]]);
    await expect.poll(() => readFocusedId(page)).toBe("confirm_password");
    await visit("reset-password-mismatch");

    await page.getByLabel("New password", { exact: true }).fill("qwerty123456");
    await page.getByLabel("Confirm new password").fill("qwerty123456");
    expect((await submit(page, "Set new password")).status()).toBe(422);
    expect(await readFieldErrors(page)).toEqual([["New password", "This password is too common. Choose one that is harder to guess."]]);
    await expect.poll(() => readFocusedId(page)).toBe("password");
    await visit("reset-password-weak");

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    expect((await submit(page, "Set new password")).status()).toBe(200);
    await page.getByRole("heading", { name: "Your password has been changed" }).waitFor();
    await visit("password-changed");

    expect(await signInStatus(suite.worker.url, email, NEW_PASSWORD)).toBe(200);
    expect(await signInStatus(suite.worker.url, email, ORIGINAL_PASSWORD)).toBe(401);

    // The used link now says it was used, with a way to ask again.
    const reused = await page.goto(link);
    expect(reused?.status()).toBe(410);
    await page.getByRole("heading", { name: "This reset link has already been used" }).waitFor();
    await page.getByRole("link", { name: "Ask for a new link" }).waitFor();
    await visit("reset-link-used");
  }

  describe("the reset flow", () => {
    it("a person resets their password by clicking, with live feedback and no CSP or axe violations on any page", async () => {
      const email = "web-flow@example.com";
      await createAccount(suite.worker.url, email);
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      const cspViolations = await watchCspViolations(page);
      const axeViolations: string[] = [];
      const visit = async (name: string) => {
        axeViolations.push(...(await findAxeViolations(page)).map((violation) => `${name}: ${violation}`));
        await takeScreenshots(page, name);
      };

      await page.goto(`${suite.worker.url}/forgot-password`);
      await page.goto(`${suite.worker.url}/no-such-page`);
      await visit("not-found");

      await resetByClicking(page, email, async (name) => {
        await visit(name);
        if (name === "reset-password") {
          // The external feedback script runs under the CSP and speaks through the live region.
          await page.getByLabel("New password", { exact: true }).fill("short");
          await page.locator("#password-feedback").getByText("Use at least 12 characters.").waitFor();
          // The whole shared policy, not just its length rule, with the desktop app's words.
          await page.getByLabel("New password", { exact: true }).fill("qwerty123456");
          await page.locator("#password-feedback").getByText("This password is too common. Choose one that is harder to guess.").waitFor();
          await page.getByLabel("Confirm new password").fill("qwerty");
          await page.locator("#confirm_password-feedback").getByText("The two passwords don't match.").waitFor();
          await takeScreenshots(page, "reset-password-live-feedback");
          await page.getByLabel("Confirm new password").fill("");
        }
      });

      // "This wasn't me" from the "password changed" email: look first, then confirm.
      const alertLink = await readLinkFromMail(suite.worker.url, email, "/account-alert");
      await page.goto(alertLink);
      await page.getByRole("heading", { name: "Didn't change your password?" }).waitFor();
      await visit("account-alert");
      expect((await submit(page, "Sign out everywhere and send a reset link")).status()).toBe(200);
      await page.getByRole("heading", { name: "Your account is signed out everywhere" }).waitFor();
      await visit("account-alert-done");
      // The alert link works once.
      expect((await page.goto(alertLink))?.status()).toBe(410);
      await page.getByRole("link", { name: "Ask for a reset link" }).waitFor();
      await visit("account-alert-invalid");

      expect(cspViolations).toEqual([]);
      expect(axeViolations).toEqual([]);
      await context.close();
    });

    it("the same reset works with JavaScript disabled, without CSP violations", async () => {
      const email = "no-script@example.com";
      await createAccount(suite.worker.url, email);
      const context = await suite.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const cspViolations = await watchCspViolations(page);

      await resetByClicking(page, email, async () => {});

      expect(cspViolations).toEqual([]);
      await context.close();
    });

    it("a double click on the button sends the form once and ends on the success page", async () => {
      const email = "double-click@example.com";
      await createAccount(suite.worker.url, email);
      const link = await requestLink(suite.worker.url, email);
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      let posts = 0;
      // Hold the answer a moment, as a slow network would, so the second click lands before it.
      await page.route(`${suite.worker.url}/reset-password`, async (route) => {
        if (route.request().method() === "POST") {
          posts += 1;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        await route.continue();
      });
      await page.goto(link);
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);

      await page.getByRole("button", { name: "Set new password" }).dblclick();
      await page.getByRole("heading", { name: "Your password has been changed" }).waitFor();

      expect(posts).toBe(1);
      expect(await signInStatus(suite.worker.url, email, NEW_PASSWORD)).toBe(200);
      await context.close();
    });

    it("the reset form can be completed with the keyboard alone", async () => {
      const email = "keyboard@example.com";
      await createAccount(suite.worker.url, email);
      const context = await suite.browser.newContext();
      const page = await context.newPage();

      await page.goto(`${suite.worker.url}/forgot-password`);
      for (let presses = 0; presses < 10 && (await readFocusedId(page)) !== "email"; presses += 1) await page.keyboard.press("Tab");
      await expect.poll(() => readFocusedId(page)).toBe("email");
      await page.keyboard.type(email);
      await Promise.all([page.waitForURL(`${suite.worker.url}/forgot-password/check-email`, { waitUntil: "load" }), page.keyboard.press("Enter")]);
      await page.getByRole("heading", { name: "Check your email" }).waitFor();

      await page.goto(await readLinkFromMail(suite.worker.url, email));
      await expect.poll(() => readFocusedId(page)).toBe("password");
      await page.keyboard.type(NEW_PASSWORD);
      await page.keyboard.press("Tab");
      await expect.poll(() => readFocusedId(page)).toBe("confirm_password");
      await page.keyboard.type(NEW_PASSWORD);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Set new password");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Your password has been changed" }).waitFor();

      expect(await signInStatus(suite.worker.url, email, NEW_PASSWORD)).toBe(200);
      await context.close();
    });
  });

  describe("links and forms against scanners and other sites", () => {
    it("a link prefetched with GET and HEAD, as mail scanners do, still resets the password", async () => {
      const email = "scanned@example.com";
      await createAccount(suite.worker.url, email);
      const link = await requestLink(suite.worker.url, email);
      for (const method of ["HEAD", "GET", "HEAD", "GET"]) {
        const response = await fetch(link, { method, redirect: "manual" });
        expect(response.status).toBe(303);
      }

      const context = await suite.browser.newContext();
      const page = await context.newPage();
      await page.goto(link);
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Set new password" }).click();
      await page.getByRole("heading", { name: "Your password has been changed" }).waitFor();

      expect(await signInStatus(suite.worker.url, email, NEW_PASSWORD)).toBe(200);
      await context.close();
    });

    it("a link followed from another site reaches the form, JavaScript off, and still leaves the address bar", async () => {
      // The mail site is another origin, so the browser withholds our SameSite=Strict cookie on
      // the redirected request; the page reloads itself once to get it.
      const email = "from-webmail@example.com";
      await createAccount(suite.worker.url, email);
      const link = await requestLink(suite.worker.url, email);
      const context = await suite.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const cspViolations = await watchCspViolations(page);
      await page.setContent(`<p><a href="${link}">Reset your password</a></p>`);

      await page.getByRole("link", { name: "Reset your password" }).click();
      await page.getByRole("heading", { name: "Choose a new password" }).waitFor();

      expect(page.url()).toBe(`${suite.worker.url}/reset-password`);
      expect(cspViolations).toEqual([]);
      await context.close();
    });

    it("a forged cross-site form post is refused with 403 and has no effect", async () => {
      const email = "forged-victim@example.com";
      await createAccount(suite.worker.url, email);
      const link = await requestLink(suite.worker.url, email);
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      // The victim opened their reset link, so the reset cookie is in their suite.browser.
      await page.goto(link);
      await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
      const mailBefore = await countMail(suite.worker.url, email);

      // The attacker's page, on another origin, posts to both forms.
      for (const [action, fields] of [
        ["/reset-password", { password: "attacker chosen phrase", confirm_password: "attacker chosen phrase" }],
        ["/forgot-password", { email }],
      ] as const) {
        const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join("");
        await page.setContent(`<main><form method="post" action="${suite.worker.url}${action}">${inputs}<button>Win a prize</button></form></main>`);
        const [response] = await Promise.all([page.waitForResponse(`${suite.worker.url}${action}`), page.getByRole("button", { name: "Win a prize" }).click()]);
        expect(response.status()).toBe(403);
        await page.getByRole("heading", { name: "This form has expired" }).waitFor();
      }
      expect(await findAxeViolations(page)).toEqual([]);
      await takeScreenshots(page, "form-refused");

      expect(await signInStatus(suite.worker.url, email, ORIGINAL_PASSWORD)).toBe(200);
      expect(await signInStatus(suite.worker.url, email, "attacker chosen phrase")).toBe(401);
      expect(await countMail(suite.worker.url, email)).toBe(mailBefore);
      await context.close();
    });

    it("serves the stylesheet, the icons and the two scripts as static assets the CSP allows, with nosniff", async () => {
      for (const [path, type] of [
        ["/styles.css", "text/css"],
        ["/password-feedback.js", "text/javascript"],
        ["/submit-once.js", "text/javascript"],
        ["/favicon.svg", "image/svg+xml"],
        ["/favicon.ico", "image/"],
      ]) {
        const response = await fetch(`${suite.worker.url}${path}`);
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toContain(type);
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      }
    });

    it("asks every crawler to stay out with a robots.txt served as a static asset", async () => {
      const response = await fetch(`${suite.worker.url}/robots.txt`);

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      expect(await response.text()).toBe("User-agent: *\nDisallow: /\n");
    });

    it("the CSP watcher used by these suites does report a blocked inline style", async () => {
      // Guards the "zero violations" assertions: they mean something only if a violation shows up.
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      const cspViolations = await watchCspViolations(page);
      await page.goto(`${suite.worker.url}/forgot-password`);

      await page.evaluate(() => {
        const style = document.createElement("style");
        style.textContent = "body { color: red; }";
        document.head.append(style);
      });
      await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(2);

      expect(cspViolations.some((violation) => violation.startsWith("console:"))).toBe(true);
      expect(cspViolations.some((violation) => violation.startsWith("event: style-src"))).toBe(true);
      await context.close();
    });
  });

  describe("the per-IP limit", () => {
    it("too many requests from one network get a friendly page with Retry-After", async () => {
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${suite.worker.url}/forgot-password`);
      // Use up the per-IP allowance through the API; the form shares its counter.
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const response = await fetch(`${suite.worker.url}/api/v1/password-resets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `flood-${attempt}@example.com` }),
        });
        await response.arrayBuffer();
        if (response.status === 429) break;
      }

      await page.getByLabel("Email address").fill("one-more@example.com");
      const response = await submit(page, "Send reset link");

      expect(response.status()).toBe(429);
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      await page.getByRole("heading", { name: "Please wait a little" }).waitFor();
      expect(await findAxeViolations(page)).toEqual([]);
      await takeScreenshots(page, "rate-limited");
      await context.close();
    });
  });
});
