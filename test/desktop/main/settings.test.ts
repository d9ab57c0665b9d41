import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSettings, SETTINGS_FILE, writeSettings } from "../../../desktop/src/main/settings.ts";

describe("the settings file", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "resetkit-settings-"));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("reads as nothing chosen before anything was written", () => {
    expect(readSettings(directory)).toEqual({});
  });

  it("keeps the chosen language for the next launch, as JSON in the user-data folder", () => {
    writeSettings(directory, { locale: "ar" });
    expect(readSettings(directory)).toEqual({ locale: "ar" });
    expect(JSON.parse(readFileSync(join(directory, SETTINGS_FILE), "utf8"))).toEqual({ locale: "ar" });
  });

  it("replaces the file whole and leaves no temporary file behind", () => {
    writeSettings(directory, { locale: "de" });
    writeSettings(directory, { locale: "ja" });
    expect(readSettings(directory)).toEqual({ locale: "ja" });
    expect(readdirSync(directory)).toEqual([SETTINGS_FILE]);
  });

  it("creates the user-data folder when it does not exist yet", () => {
    const fresh = join(directory, "first launch", "ResetKit");
    writeSettings(fresh, { locale: "fr" });
    expect(readSettings(fresh)).toEqual({ locale: "fr" });
  });

  it("reads a tag in another case in our spelling", () => {
    writeFileSync(join(directory, SETTINGS_FILE), JSON.stringify({ locale: "EN-xa" }));
    expect(readSettings(directory)).toEqual({ locale: "en-XA" });
  });

  it.each([
    ["half a file", '{"locale": "d'],
    ["an empty file", ""],
    ["JSON that is not an object", '["de"]'],
    ["null", "null"],
    ["a language we do not speak", '{"locale": "pt-BR"}'],
    ["a language that is not a string", '{"locale": 42}'],
    ["bytes that are not text", "\u0000\u00ff\u00fe"],
  ])("reads %s as nothing chosen", (_case, contents) => {
    writeFileSync(join(directory, SETTINGS_FILE), contents);
    expect(readSettings(directory)).toEqual({});
  });

  it("reads a folder where the file should be as nothing chosen", () => {
    mkdirSync(join(directory, SETTINGS_FILE));
    expect(readSettings(directory)).toEqual({});
  });
});
