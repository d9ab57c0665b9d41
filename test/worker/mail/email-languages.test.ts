/**
 * Each email in the right language: a request's email in that request's language, and an email
 * nothing asked for just then in the account's, the latest one the person stated. Also that the
 * language opens no new oracle, and that internationalised domains are stored and sent in ASCII.
 */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { CHOSEN_PASSWORD, readLatestVerificationToken, signUp, verify } from "../accounts/sign-up-fixtures.ts";
import { postJson, readMailTo, readResetTokensSentTo, registerAccount } from "../reset/reset-fixtures.ts";

const spanish = translatorFor("es");
const german = translatorFor("de");
const NEW_PASSWORD = "a brand new passphrase 2";

describe("the language of an email", { timeout: 60_000 }, () => {
  it("writes a reset asked for in Spanish in Spanish, and the 'password changed' notice after a confirm with no Accept-Language too", async () => {
    await registerAccount("lectora@example.com");
    const asked = await postJson("/api/v1/password-resets", { email: "lectora@example.com", timeZone: "Europe/Madrid" }, { headers: { "accept-language": "es-ES,es;q=0.9" } });
    expect(asked.status).toBe(202);
    const [reset] = await readMailTo("lectora@example.com");
    expect(reset).toMatchObject({ subject: spanish.t("resetEmail.subject", { appName: "ResetKit" }), contentLanguage: "es" });
    expect(reset?.html).toContain('<html lang="es" dir="ltr">');
    expect(reset?.text).toMatch(/Europa central/);

    const [token] = await readResetTokensSentTo("lectora@example.com");
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD })).status).toBe(204);
    const notice = (await readMailTo("lectora@example.com")).at(-1);
    expect(notice).toMatchObject({ subject: spanish.t("passwordChangedEmail.subject", { appName: "ResetKit" }), contentLanguage: "es" });
    // Nothing told the notice a time zone: it names the time in UTC.
    expect(notice?.text).toContain("UTC");
  });

  it("writes a reset that named no language in DEFAULT_LOCALE, and keeps the account's language as it was", async () => {
    await registerAccount("unstated@example.com");
    await postJson("/api/v1/password-resets", { email: "unstated@example.com" }, { headers: { "accept-language": "de" } });
    await postJson("/api/v1/password-resets", { email: "unstated@example.com" });
    const mail = await readMailTo("unstated@example.com");
    expect(mail.map((message) => message.contentLanguage)).toEqual(["de", "en"]);
    const [, token] = await readResetTokensSentTo("unstated@example.com");
    await postJson("/api/v1/password-resets/confirm", { token, password: NEW_PASSWORD });
    // The last language the person stated was German.
    expect((await readMailTo("unstated@example.com")).at(-1)?.subject).toBe(german.t("passwordChangedEmail.subject", { appName: "ResetKit" }));
  });

  it("writes the confirmation link in the sign-up's language, and later emails in the account's", async () => {
    await signUp("neu@example.com", CHOSEN_PASSWORD, { headers: { "accept-language": "de-CH" } });
    const [verification] = await readMailTo("neu@example.com");
    expect(verification).toMatchObject({ subject: german.t("verificationEmail.subject", { appName: "ResetKit" }), contentLanguage: "de" });
    expect((await verify(await readLatestVerificationToken("neu@example.com"), CHOSEN_PASSWORD)).status).toBe(200);

    // Someone signs up again with the address, in Japanese: the owner's note is in German.
    await signUp("neu@example.com", CHOSEN_PASSWORD, { headers: { "accept-language": "ja" } });
    const note = (await readMailTo("neu@example.com")).at(-1);
    expect(note).toMatchObject({ subject: german.t("signUpNoticeEmail.subject", { appName: "ResetKit" }), contentLanguage: "de" });
  });

  it("answers a reset request with the same bytes for a known and an unknown address in every language", async () => {
    await registerAccount("bekannt@example.com");
    for (const language of ["de", "ja", "ar", "en-XA"]) {
      const headers = { "accept-language": language };
      const known = await postJson("/api/v1/password-resets", { email: "bekannt@example.com" }, { headers });
      const unknown = await postJson("/api/v1/password-resets", { email: "unbekannt@example.com" }, { headers });
      expect([known.status, await known.text()]).toEqual([unknown.status, await unknown.text()]);
      expect([...known.headers].sort()).toEqual([...unknown.headers].sort());
    }
  });
});

describe("an internationalised domain", { timeout: 60_000 }, () => {
  it("is stored and mailed in its ASCII form, whichever way it was typed", async () => {
    const created = await postJson("/dev/accounts", { email: "kim@bücher.example", password: CHOSEN_PASSWORD });
    expect(await created.json()).toMatchObject({ email: "kim@xn--bcher-kva.example" });
    await postJson("/api/v1/password-resets", { email: "kim@BÜCHER.example" });
    const [reset] = await readMailTo("kim@xn--bcher-kva.example");
    expect(reset?.to).toBe("kim@xn--bcher-kva.example");
  });

  it("refuses a non-ASCII part before the @ with a sentence that says so", async () => {
    const refused = await postJson("/api/v1/password-resets", { email: "josé@example.com" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "validation_failed", errors: { email: translatorFor("en").t("email.nonAsciiLocalPart") } });
  });
});
