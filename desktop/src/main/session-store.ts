/**
 * Where the app keeps who is signed in, in the main process only: the session token never reaches
 * the renderer and is never logged.
 *
 * The token lives in memory. When the person asks to stay signed in, it is also written to the
 * user-data folder, encrypted with Electron's `safeStorage` (the macOS keychain, Windows DPAPI,
 * the Linux secret service), and read back at the next launch. Where `safeStorage` cannot encrypt
 * for real (no keyring on Linux, where Electron would fall back to a fixed key), nothing is written
 * and `save` says so, so the app can tell the person why they will sign in again next time.
 *
 * The device token a sign-in hands out (failures elsewhere never lock that device out) is kept in
 * the same folder, in a file of its own, encrypted where possible and plain otherwise: it signs
 * nobody in by itself.
 *
 * @example
 * const store = createSessionStore({ directory: app.getPath("userData"), secrets: safeStorage });
 * store.save(token, { keep: true }); // { kept: true }, or { kept: false } where the OS cannot protect it
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isTokenShape } from "../../../shared/token-shape.ts";

/** The slice of Electron's `safeStorage` the store uses. */
export interface SecretStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: "basic_text" means no keyring, only a fixed key. */
  getSelectedStorageBackend?(): string;
}

/** Whether asking to stay signed in was honoured. */
export type KeepResult = { kept: true } | { kept: false; reason: "not_asked" | "unprotected" };

export interface SessionStore {
  /** The current session token, or null when signed out. */
  read(): string | null;
  /** Whether the current token came from disk, from an earlier launch. */
  isRestored(): boolean;
  /** Holds a new session token; with `keep`, writes it encrypted for the next launch where the OS can protect it. */
  save(token: string, options?: { keep?: boolean }): KeepResult;
  /** Forgets the session here and on disk. */
  clear(): void;
  readDeviceToken(): string | null;
  saveDeviceToken(token: string): void;
}

const SESSION_FILE = "session.bin";
const DEVICE_FILE = "device-token";

/**
 * Creates the store. Without a `directory` (tests, the browser bridge) it keeps everything in
 * memory. Files are read at the first use, after Electron's `ready`, when `safeStorage` works.
 */
export function createSessionStore(options: { directory?: string; secrets?: SecretStorage } = {}): SessionStore {
  const { directory, secrets } = options;
  let token: string | null = null;
  let restored = false;
  let deviceToken: string | null = null;
  let loaded = !directory;

  const canProtect = () =>
    secrets !== undefined && secrets.isEncryptionAvailable() && secrets.getSelectedStorageBackend?.() !== "basic_text";
  const path = (file: string) => join(directory ?? "", file);

  const load = () => {
    if (loaded) return;
    loaded = true;
    const saved = readSecret(path(SESSION_FILE));
    if (isTokenShape(saved)) {
      token = saved;
      restored = true;
    } else if (saved !== null) rmSync(path(SESSION_FILE), { force: true });
    const device = readSecret(path(DEVICE_FILE)) ?? readPlain(path(DEVICE_FILE));
    deviceToken = isTokenShape(device) ? device : null;
  };

  const readSecret = (file: string): string | null => {
    if (!existsSync(file) || !canProtect() || !secrets) return null;
    try {
      return secrets.decryptString(readFileSync(file));
    } catch {
      // Written under another key (another user, a reinstalled OS): as good as absent.
      return null;
    }
  };

  const write = (file: string, contents: Buffer | string) => {
    mkdirSync(directory ?? "", { recursive: true });
    writeFileSync(file, contents, { mode: 0o600 });
  };

  return {
    read() {
      load();
      return token;
    },
    isRestored() {
      load();
      return restored && token !== null;
    },
    save(next, { keep = false } = {}) {
      load();
      token = next;
      restored = false;
      if (!directory) return { kept: false, reason: keep ? "unprotected" : "not_asked" };
      rmSync(path(SESSION_FILE), { force: true });
      if (!keep) return { kept: false, reason: "not_asked" };
      if (!canProtect() || !secrets) return { kept: false, reason: "unprotected" };
      write(path(SESSION_FILE), secrets.encryptString(next));
      return { kept: true };
    },
    clear() {
      load();
      token = null;
      restored = false;
      if (directory) rmSync(path(SESSION_FILE), { force: true });
    },
    readDeviceToken() {
      load();
      return deviceToken;
    },
    saveDeviceToken(next) {
      load();
      deviceToken = next;
      if (!directory) return;
      write(path(DEVICE_FILE), canProtect() && secrets ? secrets.encryptString(next) : next);
    },
  };
}

function readPlain(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}
