import { describe, expect, it } from "vitest";
import { obtainResetToken, postJson, registerAccount } from "./reset-fixtures.ts";

/** A reset and a sign-in each hash once: about 170 ms idle, several times that on a busy machine. */
const HASHING_TIMEOUT_MS = 60_000;

describe("the new password at POST /api/v1/password-resets/confirm", { timeout: HASHING_TIMEOUT_MS }, () => {
  it("refuses a full-width ｑｗｅｒｔｙ１２３４５６ as a common password", async () => {
    await registerAccount("full-width@example.com");
    const token = await obtainResetToken("full-width@example.com");

    const response = await postJson("/api/v1/password-resets/confirm", { token, password: "ｑｗｅｒｔｙ１２３４５６" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "password_policy",
      errors: { password: "This password is too common. Choose one that is harder to guess." },
    });
    // The link is still usable after a refused password.
    expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(200);
  });

  it("is stored in the form the policy checked, so its plain spelling signs in", async () => {
    await registerAccount("ligature@example.com");
    const token = await obtainResetToken("ligature@example.com");

    const confirmed = await postJson("/api/v1/password-resets/confirm", { token, password: "ｌａｎｔｅｒｎ ｍｅａｄｏｗ ﬁeld²" });
    expect(confirmed.status).toBe(204);
    const signIn = await postJson("/api/v1/sessions", { email: "ligature@example.com", password: "lantern meadow field2" });
    expect(signIn.status).toBe(200);
  });
});
