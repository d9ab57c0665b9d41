import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SecretStorage } from "../../../desktop/src/main/session-store.ts";

/**
 * Stands in for Electron's safeStorage: AES-GCM under a key of this "OS user", so a file written
 * under another key fails to decrypt, as it does after a reinstall.
 */
export function keyring(options: { available?: boolean; backend?: string; key?: Buffer } = {}): SecretStorage {
  const key = options.key ?? randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? "gnome_libsecret",
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plainText, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv("aes-256-gcm", key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}
