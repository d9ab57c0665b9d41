import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { renderPasswordChangedEmail } from "../../../worker/src/mail/templates/password-changed-email.tsx";
import { renderResetEmail, type ResetEmailInput } from "../../../worker/src/mail/templates/reset-email.tsx";
import { describeDuration } from "../../../worker/src/mail/templates/lifetime-words.ts";
import { renderSignUpNoticeEmail } from "../../../worker/src/mail/templates/sign-up-notice-email.tsx";
import { renderVerificationEmail, type VerificationEmailInput } from "../../../worker/src/mail/templates/verification-email.tsx";

const TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const english = translatorFor("en");
const resetInput: ResetEmailInput = {
  translator: english,
  expiresAt: Date.UTC(2026, 11, 4, 14, 5),
  appName: "ResetKit",
  publicBaseUrl: "https://auth.example.com",
  deepLinkScheme: "resetkit",
  token: TOKEN,
  code: "7KQ2M9XD",
  client: "web",
  lifetimeMs: 30 * 60_000,
};

function httpsLinks(text: string): string[] {
  return [...new Set(text.match(/https:\/\/[^\s"<>]+/g) ?? [])];
}

function anchors(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}

describe("the reset email", () => {
  it("carries exactly one https link, to the reset page with the token", () => {
    const email = renderResetEmail(resetInput);
    const link = `https://auth.example.com/reset-password?token=${TOKEN}`;
    expect(httpsLinks(email.text)).toEqual([link]);
    expect(httpsLinks(email.html)).toEqual([link]);
    expect(anchors(email.html)).toEqual([link]);
  });

  it("states the link lifetime in plain words, until when in UTC, and what to do if you did not ask", () => {
    const email = renderResetEmail(resetInput);
    for (const part of [email.text, email.html]) {
      expect(part).toContain("expires in");
      expect(part).toContain("30 minutes");
      expect(part).toContain("December 4, 2026 at 2:05 PM UTC");
      expect(part).toContain("Did not ask for this? Ignore this email.");
      expect(part).toContain("ResetKit");
    }
    expect(email.subject).toBe("Reset your ResetKit password");
  });

  it("shows the one-time code as XXXX-XXXX and says which route to use on which device", () => {
    const email = renderResetEmail(resetInput);
    for (const part of [email.text, email.html]) {
      expect(part).toContain("7KQ2-M9XD");
      expect(part).toContain("On this computer");
      expect(part).toContain("On another device");
      expect(part).toContain("enter this code in the ResetKit app");
      expect(part).toContain("I have a code");
    }
    expect(email.text).not.toContain("7KQ2M9XD");
  });

  it("offers the desktop deep link only when the request came from the desktop app", () => {
    const deepLink = `resetkit://reset-password?token=${TOKEN}`;
    const desktop = renderResetEmail({ ...resetInput, client: "desktop" });
    expect(desktop.text).toContain(deepLink);
    expect(anchors(desktop.html)).toContain(deepLink);
    expect(httpsLinks(desktop.html)).toHaveLength(1);

    const web = renderResetEmail(resetInput);
    expect(web.text).not.toContain("resetkit://");
    expect(web.html).not.toContain("resetkit://");
  });

  it("lays the HTML out with tables and a phone-sized viewport", () => {
    const { html } = renderResetEmail(resetInput);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('role="presentation"');
    expect(html).toContain("max-width:560px");
  });

  it("names the time in the reader's own zone when the request gave one", () => {
    const email = renderResetEmail({ ...resetInput, timeZone: "Asia/Tokyo" });
    expect(email.text).toContain("December 4, 2026 at 11:05 PM Japan Standard Time");
  });

  it("is written in the request's language, with lang, dir and the code kept left to right", () => {
    const email = renderResetEmail({ ...resetInput, translator: translatorFor("ar") });
    expect(email.locale).toBe("ar");
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.subject).not.toContain("Reset your");
    expect(email.html).toMatch(/<p[^>]*dir="ltr"[^>]*><span[^>]*>7KQ2-M9XD<\/span>/);
    // The plain part isolates the code, so it reads left to right inside Arabic.
    expect(email.text).toContain("\u20687KQ2-M9XD\u2069");
  });

  it("renders an app name such as <script> as inert text", () => {
    const email = renderResetEmail({ ...resetInput, appName: '<script>alert("x")</script>' });
    expect(email.html).not.toContain("<script");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

describe("the password changed email", () => {
  const input = {
    translator: english,
    appName: "ResetKit",
    publicBaseUrl: "https://auth.example.com",
    email: "dana@example.com",
    changedAt: Date.UTC(2026, 10, 26, 12, 0, 0),
    alertToken: TOKEN,
    alertLifetimeMs: 7 * 24 * 60 * 60_000,
  };

  it("links to the account alert page with a 'this wasn't me' button", () => {
    const email = renderPasswordChangedEmail(input);
    const link = `https://auth.example.com/account-alert?token=${TOKEN}`;
    expect(email.subject).toBe("Your ResetKit password was changed");
    expect(httpsLinks(email.text)).toEqual([link]);
    expect(anchors(email.html)).toEqual([link]);
    expect(email.html).toContain("This wasn&#x27;t me");
  });

  it("says when the change happened and how long the link lasts", () => {
    const email = renderPasswordChangedEmail(input);
    for (const part of [email.text, email.html]) {
      expect(part).toContain("November 26, 2026 at 12:00 PM UTC");
      expect(part).toContain("7 days");
      expect(part).toContain("December 3, 2026 at 12:00 PM UTC");
      expect(part).toContain("dana@example.com");
    }
  });

  it("shows an internationalised domain in Unicode", () => {
    const email = renderPasswordChangedEmail({ ...input, email: "dana@xn--exmple-cua.de" });
    expect(email.text).toContain("dana@exämple.de");
  });

  it("escapes an address and app name that look like markup", () => {
    const email = renderPasswordChangedEmail({ ...input, appName: "<img src=x onerror=alert(1)>", email: "<b>x</b>@example.com" });
    expect(email.html).not.toMatch(/<img|<b>/);
    expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(email.html).toContain("&lt;b&gt;x&lt;/b&gt;@example.com");
  });
});

describe("the verification email", () => {
  const input: VerificationEmailInput = {
    translator: english,
    expiresAt: Date.UTC(2026, 11, 5, 14, 5),
    appName: "ResetKit",
    publicBaseUrl: "https://auth.example.com",
    deepLinkScheme: "resetkit",
    token: TOKEN,
    client: "web",
    lifetimeMs: 24 * 60 * 60_000,
  };

  it("links to the verify page with the token, and to the reset page for someone who did not sign up", () => {
    const email = renderVerificationEmail(input);
    const link = `https://auth.example.com/verify-email?token=${TOKEN}`;
    expect(email.subject).toBe("Confirm your email address for ResetKit");
    expect(httpsLinks(email.text)).toEqual([link, "https://auth.example.com/forgot-password"]);
    expect(anchors(email.html)).toEqual([link, "https://auth.example.com/forgot-password"]);
    expect(email.text).not.toContain("resetkit://");
  });

  it("says that confirming needs the password, that the link lasts 24 hours, and what to do if you did not sign up", () => {
    const email = renderVerificationEmail(input);
    for (const part of [email.text, email.html]) {
      expect(part).toContain("enter the password you chose");
      expect(part).toContain("24 hours");
      expect(part).toContain("Did not sign up?");
    }
  });

  it("offers the desktop deep link only when the app signed up", () => {
    const deepLink = `resetkit://verify-email?token=${TOKEN}`;
    const desktop = renderVerificationEmail({ ...input, client: "desktop" });
    expect(desktop.text).toContain(deepLink);
    expect(anchors(desktop.html)).toContain(deepLink);
    expect(renderVerificationEmail(input).html).not.toContain("resetkit://");
  });

  it("renders an app name such as <script> as inert text", () => {
    const email = renderVerificationEmail({ ...input, appName: "<script>alert(1)</script>" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });
});

describe("the note to an address that already has an account", () => {
  it("says someone tried to sign up, points to signing in and to the reset page, and carries no token", () => {
    const email = renderSignUpNoticeEmail({
      translator: english,
      appName: "ResetKit",
      publicBaseUrl: "https://auth.example.com",
      signInUrl: "https://auth.example.com/sign-in",
    });
    expect(email.subject).toBe("Someone tried to create a ResetKit account with your address");
    expect(email.text).toContain("Someone tried to create an account with your address.");
    expect(email.text).toContain("If that was you, sign in:\n\nhttps://auth.example.com/sign-in\n\nor reset your password if you forgot it:");
    expect(httpsLinks(email.text)).toEqual(["https://auth.example.com/sign-in", "https://auth.example.com/forgot-password"]);
    expect(anchors(email.html)).toEqual(["https://auth.example.com/sign-in", "https://auth.example.com/forgot-password"]);
    expect(email.text + email.html).not.toContain("token");
  });

  it("links to SIGN_IN_URL when there is one", () => {
    const email = renderSignUpNoticeEmail({
      translator: english,
      appName: "ResetKit",
      publicBaseUrl: "https://auth.example.com",
      signInUrl: "https://app.example.com/sign-in",
    });
    expect(email.text).toContain("sign in:\n\nhttps://app.example.com/sign-in\n");
    expect(anchors(email.html)).toEqual(["https://app.example.com/sign-in", "https://auth.example.com/forgot-password"]);
  });
});

describe("describeDuration", () => {
  it("names link lifetimes the way people say them", () => {
    expect(describeDuration(english, 30 * 60_000)).toBe("30 minutes");
    expect(describeDuration(english, 60_000)).toBe("1 minute");
    expect(describeDuration(english, 60 * 60_000)).toBe("1 hour");
    expect(describeDuration(english, 90 * 60_000)).toBe("90 minutes");
    expect(describeDuration(english, 24 * 60 * 60_000)).toBe("24 hours");
    expect(describeDuration(english, 7 * 24 * 60 * 60_000)).toBe("7 days");
  });

  it("uses each language's plural forms", () => {
    expect(describeDuration(translatorFor("de"), 60_000)).toBe("1 Minute");
    expect(describeDuration(translatorFor("de"), 30 * 60_000)).toBe("30 Minuten");
    // Arabic has a dual: two hours is one word, three to ten take the plural.
    expect(describeDuration(translatorFor("ar"), 2 * 60 * 60_000)).toBe("ساعتين");
    expect(describeDuration(translatorFor("ar"), 3 * 60 * 60_000)).toContain("ساعات");
  });
});
