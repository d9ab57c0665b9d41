import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEEP_LINK_SCHEME } from "../../../shared/deep-link.ts";
import { ROOT } from "../../support/wrangler-dev.ts";

// electron-builder's own loader and schema check, so the test reads the file the way
// `npm run desktop:dist` does.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require("app-builder-lib/out/util/config/config.js") as {
  getConfig(projectDir: string, configPath: string): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface BuilderConfig {
  protocols?: { name: string; schemes: string[] }[];
  mac?: { target?: unknown };
  win?: { target?: unknown };
  linux?: { target?: unknown; mimeTypes?: string[] };
  /** Normalised by the loader into file sets. */
  files?: { filter: string[] }[];
  extraMetadata?: { main?: string };
  electronFuses?: Record<string, boolean>;
}

async function loadConfig(): Promise<BuilderConfig> {
  return getConfig(ROOT, join(ROOT, "desktop/electron-builder.config.ts"));
}

describe("the electron-builder configuration", () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it("registers the resetkit scheme on every platform, from the constant the app and the Worker use", async () => {
    const config = await loadConfig();
    expect(DEFAULT_DEEP_LINK_SCHEME).toBe("resetkit");
    expect(config.protocols?.flatMap((protocol) => protocol.schemes)).toEqual([DEFAULT_DEEP_LINK_SCHEME]);
    // Linux gets `MimeType=x-scheme-handler/resetkit;` from `protocols`; repeating it here would list it twice.
    expect(config.linux?.mimeTypes).toBeUndefined();
  });

  it("builds a dmg, an NSIS installer, an AppImage and a deb", async () => {
    const config = await loadConfig();
    expect(config.mac?.target).toBe("dmg");
    expect(config.win?.target).toBe("nsis");
    expect(config.linux?.target).toEqual(["AppImage", "deb"]);
  });

  it("packages the electron-vite output and starts from its main bundle", async () => {
    const config = await loadConfig();
    expect(config.files?.flatMap((set) => set.filter)).toEqual(["package.json", "desktop/out/**/*", "!**/node_modules/**/*"]);
    expect(config.extraMetadata?.main).toBe("desktop/out/main/index.js");
  });

  it("burns the Electron fuses that keep the shipped binary from running anything but the signed app", async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
