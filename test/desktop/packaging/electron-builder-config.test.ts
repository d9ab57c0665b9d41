import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
}

async function loadConfig(): Promise<BuilderConfig> {
  return getConfig(ROOT, join(ROOT, "desktop/electron-builder.yml"));
}

describe("the electron-builder configuration", () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it("registers the resetkit scheme on every platform", async () => {
    const config = await loadConfig();
    expect(config.protocols?.flatMap((protocol) => protocol.schemes)).toEqual(["resetkit"]);
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
});
