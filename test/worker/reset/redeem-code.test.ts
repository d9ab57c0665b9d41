import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashGuessingAddress } from "../../../worker/src/reset/reset-codes.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { nextIp, ORIGINAL_PASSWORD, postJson, readMailTo, readResetTokensSentTo, registerAccount, requestReset } from "./reset-fixtures.ts";

const MINUTE = 60_000;
const CODE_PATTERN = /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/;

afterEach(() => {
  vi.restoreAllMocks();
});

/** The code printed in the newest reset email sent to `address`. */
async function readLatestCodeSentTo(address: string): Promise<string> {
  const message = (await readMailTo(address)).at(-1);
  const code = message ? CODE_PATTERN.exec(message.text)?.[1] : undefined;
  if (!code) throw new Error(`no reset code reached ${address}`);
  return code;
}

/** Asks for a reset and returns the emailed link token and code. */
async function requestLinkAndCode(address: string): Promise<{ token: string; code: string }> {
  expect((await requestReset(address)).status).toBe(202);
  const token = (await readResetTokensSentTo(address)).at(-1);
  if (!token) throw new Error(`no reset link reached ${address}`);
  return { token, code: await readLatestCodeSentTo(address) };
}

function redeem(email: string, code: string, ip = nextIp()): Promise<Response> {
  return postJson("/api/v1/password-resets/redeem-code", { email, code }, { ip });
}

/** A code that differs from `code` in its last character. */
function wrongCodeFor(code: string): string {
  return `${code.slice(0, 8)}${code.endsWith("Z") ? "Y" : "Z"}`;
}

async function snapshot(response: Response): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return { status: response.status, headers: [...response.headers], body: await response.text() };
}

describe("POST /api/v1/password-resets/redeem-code", () => {
  it("trades the emailed code, typed loosely, for a fresh token that verify accepts", async () => {
    await registerAccount("Redeemer@Example.com");
    const { code } = await requestLinkAndCode("Redeemer@Example.com");
    const typed = ` ${code.toLowerCase().replace("-", " - ")} `;

    const response = await redeem("redeemer@example.com", typed);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json<{ token: string; email: string; expiresAt: string }>();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.email).toBe("R***@Example.com");
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    const verified = await postJson("/api/v1/password-resets/verify", { token: body.token });
    expect(verified.status).toBe(200);
    expect((await verified.json<{ expiresAt: string }>()).expiresAt).toBe(body.expiresAt);
  });

  it("reads O as 0 and I or L as 1", async () => {
    await registerAccount("lookalike@example.com");
    const { code } = await requestLinkAndCode("lookalike@example.com");
    const misread = code.replaceAll("0", "o").replaceAll("1", "l");

    expect((await redeem("lookalike@example.com", misread)).status).toBe(200);
  });

  it("stops the emailed link and the code from working once the code is redeemed", async () => {
    await registerAccount("one-way@example.com");
    const { token, code } = await requestLinkAndCode("one-way@example.com");
    const { token: fresh } = await (await redeem("one-way@example.com", code)).json<{ token: string }>();

    expect((await postJson("/api/v1/password-resets/verify", { token })).status).toBe(410);
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(410);
    expect((await redeem("one-way@example.com", code)).status).toBe(400);
    expect((await postJson("/api/v1/password-resets/confirm", { token: fresh, password: "a brand new passphrase" })).status).toBe(204);
  });

  it("answers every kind of bad code and an address without an account with the same bytes", async () => {
    const start = clock.now();
    vi.spyOn(clock, "now").mockReturnValue(start);
    await registerAccount("victim@example.com");
    await registerAccount("other@example.com");
    await registerAccount("used@example.com");
    await registerAccount("revoked@example.com");
    await registerAccount("expired@example.com");
    const victim = await requestLinkAndCode("victim@example.com");
    const other = await requestLinkAndCode("other@example.com");
    const used = await requestLinkAndCode("used@example.com");
    expect((await postJson("/api/v1/password-resets/confirm", { token: used.token, password: "a brand new passphrase" })).status).toBe(204);
    const revoked = await requestLinkAndCode("revoked@example.com");
    await requestLinkAndCode("revoked@example.com");
    const expired = await requestLinkAndCode("expired@example.com");

    const answers = [
      await redeem("victim@example.com", wrongCodeFor(victim.code)),
      await redeem("victim@example.com", other.code),
      await redeem("nobody@example.com", victim.code),
      await redeem("used@example.com", used.code),
      await redeem("revoked@example.com", revoked.code),
    ];
    vi.spyOn(clock, "now").mockReturnValue(start + 31 * MINUTE);
    answers.push(await redeem("expired@example.com", expired.code));

    const [first, ...rest] = await Promise.all(answers.map(snapshot));
    expect(first?.status).toBe(400);
    expect(first?.headers).toContainEqual(["content-type", "application/problem+json"]);
    expect(JSON.parse(first?.body ?? "{}")).toMatchObject({ code: "code_invalid", status: 400 });
    for (const answer of rest) expect(answer).toEqual(first);
  });

  it("refuses even the right code from a network after its 5 wrong ones, until it asks for a new email, while other networks still may", async () => {
    await registerAccount("guessed@example.com");
    const { code } = await requestLinkAndCode("guessed@example.com");
    const typist = nextIp();
    for (let guess = 0; guess < 5; guess += 1) {
      expect((await redeem("guessed@example.com", wrongCodeFor(code), typist)).status).toBe(400);
    }

    const right = await redeem("guessed@example.com", code, typist);
    expect(right.status).toBe(400);
    expect((await right.json<{ code: string }>()).code).toBe("code_invalid");

    // A new email asked for from that network gives it its guesses back.
    expect((await requestReset("guessed@example.com", { ip: typist })).status).toBe(202);
    expect((await redeem("guessed@example.com", await readLatestCodeSentTo("guessed@example.com"), typist)).status).toBe(200);
  });

  it("keeps the owner's code working while an attacker spends 5 wrong guesses from each of 3 other networks", async () => {
    await registerAccount("raced-code@example.com");
    const { code } = await requestLinkAndCode("raced-code@example.com");
    for (let network = 0; network < 3; network += 1) {
      const attacker = nextIp();
      for (let guess = 0; guess < 5; guess += 1) await redeem("raced-code@example.com", wrongCodeFor(code), attacker);
    }

    expect((await redeem("raced-code@example.com", code, nextIp())).status).toBe(200);
  });

  it("refuses the code from new networks once 20 guesses came from all of them, but not from a network the address signed in from", async () => {
    await registerAccount("ceiling@example.com");
    const home = nextIp();
    expect((await postJson("/api/v1/sessions", { email: "ceiling@example.com", password: ORIGINAL_PASSWORD }, { ip: home })).status).toBe(200);
    const { code } = await requestLinkAndCode("ceiling@example.com");
    for (let network = 0; network < 4; network += 1) {
      const attacker = nextIp();
      for (let guess = 0; guess < 5; guess += 1) await redeem("ceiling@example.com", wrongCodeFor(code), attacker);
    }

    expect((await redeem("ceiling@example.com", code, nextIp())).status).toBe(400);
    expect((await redeem("ceiling@example.com", code, home)).status).toBe(200);
  });

  it("still accepts the right code after 4 wrong ones", async () => {
    await registerAccount("careless@example.com");
    const { code } = await requestLinkAndCode("careless@example.com");
    for (let guess = 0; guess < 4; guess += 1) await redeem("careless@example.com", wrongCodeFor(code));

    expect((await redeem("careless@example.com", code)).status).toBe(200);
  });

  it("counts guesses for an address without an account just as for one with", async () => {
    const guessesOf = async (address: string) =>
      (
        await env.DB.prepare("SELECT guesses FROM reset_code_guesses WHERE address_hash = ?")
          .bind(await hashGuessingAddress(env, address))
          .first<{ guesses: number }>()
      )?.guesses ?? 0;
    await registerAccount("counted@example.com");
    await requestLinkAndCode("counted@example.com");

    for (const address of ["counted@example.com", "uncounted@example.com"]) {
      await redeem(address, "AAAA-AAAA");
      await redeem(address.toUpperCase(), "AAAA-AAAB");
    }

    expect(await guessesOf("counted@example.com")).toBe(2);
    expect(await guessesOf("uncounted@example.com")).toBe(2);
  });

  it("kills the code when the link is used to change the password", async () => {
    await registerAccount("link-first@example.com");
    const { token, code } = await requestLinkAndCode("link-first@example.com");
    expect((await postJson("/api/v1/password-resets/confirm", { token, password: "a brand new passphrase" })).status).toBe(204);

    expect((await redeem("link-first@example.com", code)).status).toBe(400);
  });

  it("stores the code only as a keyed hash", async () => {
    await registerAccount("stored@example.com");
    const { code } = await requestLinkAndCode("stored@example.com");
    const everything = JSON.stringify(await env.DB.prepare("SELECT * FROM password_reset_tokens").all());

    expect(everything).not.toContain(code);
    expect(everything).not.toContain(code.replace("-", ""));
  });

  it("refuses a value that cannot be a code with 400 validation_failed, without spending a guess", async () => {
    await registerAccount("typo@example.com");
    const { code } = await requestLinkAndCode("typo@example.com");
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await redeem("typo@example.com", code.slice(0, 7));
      expect(response.status).toBe(400);
      const problem = await response.json<{ code: string; errors: Record<string, string> }>();
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors.code).toContain("8-character code");
    }

    expect((await redeem("typo@example.com", code)).status).toBe(200);
  });

  it("answers 429 with Retry-After once one network has made 10 attempts in 15 minutes", async () => {
    const ip = nextIp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await redeem(`someone${attempt}@example.com`, "AAAA-AAAA", ip)).status).toBe(400);
    }

    const limited = await redeem("someone-else@example.com", "AAAA-AAAA", ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json<{ code: string }>()).code).toBe("rate_limited");
    expect((await redeem("someone-else@example.com", "AAAA-AAAA")).status).toBe(400);
  });

  it("answers other methods with 405", async () => {
    const response = await exports.default.fetch("http://127.0.0.1/api/v1/password-resets/redeem-code", { method: "GET" });
    expect(response.status).toBe(405);
  });
});
