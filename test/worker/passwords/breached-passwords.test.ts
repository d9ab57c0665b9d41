import { env } from "cloudflare:test";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { BREACH_CHECK_TIMEOUT_MS, checkBreachedPassword } from "../../../worker/src/passwords/breached-passwords.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";

const BREACHED_PASSWORD_MESSAGE = translatorFor("en").t("passwordPolicy.breached");
import { BREACHED_TEST_PASSWORDS } from "../../support/breached-test-passwords.ts";
import { postJson, readResetTokensSentTo, registerAccount, requestReset } from "../reset/reset-fixtures.ts";
import { signUp } from "../accounts/sign-up-fixtures.ts";
import { Browser, openForm } from "../web/web-fixtures.ts";

const [BREACHED] = BREACHED_TEST_PASSWORDS;
const UNLISTED = "a passphrase nobody has leaked yet";
const ORIGIN = inject("pwnedPasswordsOrigin");

interface RangeRequest {
  path: string;
  prefix: string;
  addPadding: boolean;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A base of the stand-in of this test's own (`kind` picks a misbehaving one), and an env that uses it. */
function standInBase(kind: "" | "hang/" | "failing/" = "") {
  const tag = crypto.randomUUID();
  const workerEnv = { ...env, PWNED_PASSWORDS_API_URL: `${ORIGIN}/t/${tag}/${kind}range/` } as Env;
  const requests = async () => (await fetch(`${ORIGIN}/requests?tag=${tag}`)).json<RangeRequest[]>();
  return { env: workerEnv, requests };
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("").toUpperCase();
}

describe("the breached-password check", () => {
  it("finds a listed password while sending only the first 5 hex characters of its SHA-1, asking for padding", async () => {
    const standIn = standInBase();

    expect(await checkBreachedPassword(standIn.env, BREACHED ?? "")).toBe("breached");

    const requests = await standIn.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.prefix).toBe((await sha1Hex(BREACHED ?? "")).slice(0, 5));
    expect(requests[0]?.path).toMatch(/\/range\/[0-9A-F]{5}$/);
    expect(requests[0]?.addPadding).toBe(true);
  });

  it("finds nothing for a password the range does not list, the padding's zero counts included", async () => {
    expect(await checkBreachedPassword(standInBase().env, UNLISTED)).toBe("not_found");
  });

  it("checks the NFKC form the hash stores, so a full-width copy of a breached password is breached too", async () => {
    const fullWidth = (BREACHED ?? "").replace(/[a-z0-9]/g, (character) => String.fromCodePoint(character.codePointAt(0)! + 0xfee0));
    expect(fullWidth).not.toBe(BREACHED);
    expect(await checkBreachedPassword(standInBase().env, fullWidth)).toBe("breached");
  });

  it("keeps a range answer in the cache, so the same prefix asks the API once", async () => {
    const standIn = standInBase();
    await checkBreachedPassword(standIn.env, BREACHED ?? "");
    expect(await checkBreachedPassword(standIn.env, BREACHED ?? "")).toBe("breached");
    expect(await standIn.requests()).toHaveLength(1);
  });

  it("lets the password through after 2 seconds when the API hangs, with one log line that holds no password material", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const standIn = standInBase("hang/");
    const started = Date.now();

    expect(await checkBreachedPassword(standIn.env, BREACHED ?? "")).toBe("unchecked");

    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(BREACH_CHECK_TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(BREACH_CHECK_TIMEOUT_MS + 3_000);
    expect(await standIn.requests()).toHaveLength(1);
    const lines = warn.mock.calls.map((call) => call.join(" "));
    expect(lines).toEqual(["breached-password check skipped: the range API did not answer within 2 s; the password was accepted"]);
    const hash = await sha1Hex(BREACHED ?? "");
    for (const secret of [BREACHED ?? "", hash, hash.slice(0, 5)]) expect(lines[0]).not.toContain(secret);
  });

  it("lets the password through when the API answers with an error", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await checkBreachedPassword(standInBase("failing/").env, BREACHED ?? "")).toBe("unchecked");
    expect(warn.mock.calls.map((call) => call.join(" "))).toEqual([
      "breached-password check skipped: the range API answered HTTP 503; the password was accepted",
    ]);
  });

  it("asks nothing when BREACHED_PASSWORD_CHECK is off", async () => {
    const standIn = standInBase();
    expect(await checkBreachedPassword({ ...standIn.env, BREACHED_PASSWORD_CHECK: "off" } as Env, BREACHED ?? "")).toBe("unchecked");
    expect(await standIn.requests()).toEqual([]);
  });
});

describe("a breached new password", { timeout: 120_000 }, () => {
  it("is refused at sign-up with 400 password_policy and a plain sentence", async () => {
    const response = await signUp("breached-sign-up@example.com", BREACHED);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "password_policy",
      detail: BREACHED_PASSWORD_MESSAGE,
      errors: { password: BREACHED_PASSWORD_MESSAGE },
    });
  });

  it("is refused when a reset is confirmed through the API, and the link still works for another", async () => {
    await registerAccount("breached-reset@example.com");
    await requestReset("breached-reset@example.com");
    const [token] = await readResetTokensSentTo("breached-reset@example.com");

    const refused = await postJson("/api/v1/password-resets/confirm", { token, password: BREACHED });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "password_policy", errors: { password: BREACHED_PASSWORD_MESSAGE } });
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: UNLISTED })).status).toBe(204);
  });

  it("is refused on the web reset form, next to the field", async () => {
    await registerAccount("breached-web@example.com");
    await requestReset("breached-web@example.com");
    const [token] = await readResetTokensSentTo("breached-web@example.com");
    const browser = new Browser();
    await browser.fetch(`/reset-password?token=${token}`);
    const { csrfToken } = await openForm(browser, "/reset-password");

    const response = await browser.postForm("/reset-password", { csrf_token: csrfToken, password: BREACHED ?? "", confirm_password: BREACHED ?? "" });

    expect(response.status).toBe(422);
    expect(await response.text()).toContain(BREACHED_PASSWORD_MESSAGE.replace("'", "&#x27;"));
  });
});
