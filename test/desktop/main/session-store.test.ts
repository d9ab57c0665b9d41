import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSessionStore } from "../../../desktop/src/main/session-store.ts";
import { keyring } from "../support/stand-in-keyring.ts";

const TOKEN = randomBytes(32).toString("base64url");
const DEVICE_TOKEN = randomBytes(32).toString("base64url");

describe("the session store", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "resetkit-session-"));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("keeps a session asked to be kept, encrypted, and restores it at the next launch", () => {
    const secrets = keyring();
    expect(createSessionStore({ directory, secrets }).save(TOKEN, { keep: true })).toEqual({ kept: true });
    expect(readFileSync(join(directory, "session.bin")).toString("latin1")).not.toContain(TOKEN);
    const nextLaunch = createSessionStore({ directory, secrets });
    expect(nextLaunch.read()).toBe(TOKEN);
    expect(nextLaunch.isRestored()).toBe(true);
  });

  it("writes the session file readable by its owner only", () => {
    createSessionStore({ directory, secrets: keyring() }).save(TOKEN, { keep: true });
    if (process.platform !== "win32") expect(statSync(join(directory, "session.bin")).mode & 0o777).toBe(0o600);
  });

  it("keeps a session in memory only when not asked to keep it, and removes one kept before", () => {
    const secrets = keyring();
    createSessionStore({ directory, secrets }).save(TOKEN, { keep: true });
    const store = createSessionStore({ directory, secrets });
    const other = randomBytes(32).toString("base64url");
    expect(store.save(other)).toEqual({ kept: false, reason: "not_asked" });
    expect(store.read()).toBe(other);
    expect(store.isRestored()).toBe(false);
    expect(createSessionStore({ directory, secrets }).read()).toBeNull();
  });

  it.each([
    ["encryption is unavailable", keyring({ available: false })],
    ["Linux has no keyring, only a fixed key", keyring({ backend: "basic_text" })],
  ])("writes nothing and says so when %s", (_case, secrets) => {
    const store = createSessionStore({ directory, secrets });
    expect(store.save(TOKEN, { keep: true })).toEqual({ kept: false, reason: "unprotected" });
    expect(store.read()).toBe(TOKEN);
    expect(existsSync(join(directory, "session.bin"))).toBe(false);
  });

  it("forgets the session on disk when signed out", () => {
    const secrets = keyring();
    const store = createSessionStore({ directory, secrets });
    store.save(TOKEN, { keep: true });
    store.clear();
    expect(store.read()).toBeNull();
    expect(existsSync(join(directory, "session.bin"))).toBe(false);
    expect(createSessionStore({ directory, secrets }).read()).toBeNull();
  });

  it("treats a file written under another key as absent", () => {
    createSessionStore({ directory, secrets: keyring() }).save(TOKEN, { keep: true });
    const store = createSessionStore({ directory, secrets: keyring() });
    expect(store.read()).toBeNull();
    expect(store.isRestored()).toBe(false);
  });

  it("removes a file that decrypts to something other than a token", () => {
    const secrets = keyring();
    writeFileSync(join(directory, "session.bin"), secrets.encryptString("not a token"));
    expect(createSessionStore({ directory, secrets }).read()).toBeNull();
    expect(existsSync(join(directory, "session.bin"))).toBe(false);
  });

  it("keeps the device token across launches, encrypted where the OS can", () => {
    const secrets = keyring();
    createSessionStore({ directory, secrets }).saveDeviceToken(DEVICE_TOKEN);
    expect(readFileSync(join(directory, "device-token")).toString("latin1")).not.toContain(DEVICE_TOKEN);
    expect(createSessionStore({ directory, secrets }).readDeviceToken()).toBe(DEVICE_TOKEN);
  });

  it("keeps the device token in plain text where the OS cannot encrypt, since it signs nobody in", () => {
    const secrets = keyring({ backend: "basic_text" });
    createSessionStore({ directory, secrets }).saveDeviceToken(DEVICE_TOKEN);
    expect(readFileSync(join(directory, "device-token"), "utf8")).toBe(DEVICE_TOKEN);
    expect(createSessionStore({ directory, secrets }).readDeviceToken()).toBe(DEVICE_TOKEN);
  });

  it("keeps the device token after signing out", () => {
    const secrets = keyring();
    const store = createSessionStore({ directory, secrets });
    store.saveDeviceToken(DEVICE_TOKEN);
    store.save(TOKEN, { keep: true });
    store.clear();
    expect(createSessionStore({ directory, secrets }).readDeviceToken()).toBe(DEVICE_TOKEN);
  });

  it("keeps everything in memory without a folder", () => {
    const store = createSessionStore();
    expect(store.save(TOKEN, { keep: true })).toEqual({ kept: false, reason: "unprotected" });
    store.saveDeviceToken(DEVICE_TOKEN);
    expect(store.read()).toBe(TOKEN);
    expect(store.readDeviceToken()).toBe(DEVICE_TOKEN);
  });
});
