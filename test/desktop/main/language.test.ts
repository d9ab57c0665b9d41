import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chooseStartLocale, createAppLanguage, offeredLocales } from "../../../desktop/src/main/language.ts";
import { SETTINGS_FILE, writeSettings } from "../../../desktop/src/main/settings.ts";
import { LOCALES, PSEUDO_LOCALE } from "../../../shared/i18n/locales.ts";

describe("the language the app starts in", () => {
  it.each([
    [["de-AT", "en-US"], "de"],
    [["fr-CA"], "fr"],
    [["ar-EG", "en"], "ar"],
    [["ja-JP"], "ja"],
    [["es-419"], "es"],
    [["pt-BR", "es-ES"], "es"],
    [["pt-BR", "nl"], "en"],
    [[], "en"],
    [["not a language tag", "de"], "de"],
  ])("follows the system's languages %j: %s", (system, expected) => {
    expect(chooseStartLocale(undefined, system, true)).toBe(expected);
  });

  it("prefers the language chosen in the menu to the system's", () => {
    expect(chooseStartLocale("ja", ["de-DE"], true)).toBe("ja");
  });

  it("never picks the pseudo-locale from the system's list", () => {
    expect(chooseStartLocale(undefined, [PSEUDO_LOCALE, "fr"], false)).toBe("fr");
  });

  it("honours a saved choice of the pseudo-locale in a development run only", () => {
    expect(chooseStartLocale(PSEUDO_LOCALE, ["de"], false)).toBe(PSEUDO_LOCALE);
    expect(chooseStartLocale(PSEUDO_LOCALE, ["de"], true)).toBe("de");
  });

  it("offers the six languages, and the pseudo-locale only when unpackaged", () => {
    expect(offeredLocales(true)).toEqual(LOCALES);
    expect(offeredLocales(false)).toEqual([...LOCALES, PSEUDO_LOCALE]);
  });
});

describe("the app's language", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "resetkit-language-"));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  const language = (system: string[] = ["de-DE"], packaged = true) => createAppLanguage({ directory, systemLanguages: () => system, packaged });

  it("asks the system only once, at the first use", () => {
    const systemLanguages = vi.fn(() => ["fr-FR"]);
    const french = createAppLanguage({ directory, systemLanguages, packaged: true });
    expect(systemLanguages).not.toHaveBeenCalled();
    expect([french.current(), french.current()]).toEqual(["fr", "fr"]);
    expect(systemLanguages).toHaveBeenCalledTimes(1);
  });

  it("starts in the language saved at an earlier launch", () => {
    writeSettings(directory, { locale: "ar" });
    expect(language().current()).toBe("ar");
  });

  it("starts in the system's language when the settings file is damaged", () => {
    writeFileSync(join(directory, SETTINGS_FILE), "{ not json");
    expect(language().current()).toBe("de");
  });

  it("applies a choice at once, tells every listener and remembers it for the next launch", () => {
    const app = language();
    const heard: string[] = [];
    app.onChange((locale) => heard.push(`menu:${locale}`));
    app.onChange((locale) => heard.push(`window:${locale}`));
    app.choose("ja");
    expect(app.current()).toBe("ja");
    expect(heard).toEqual(["menu:ja", "window:ja"]);
    expect(JSON.parse(readFileSync(join(directory, SETTINGS_FILE), "utf8"))).toEqual({ locale: "ja" });
    expect(language(["en-US"]).current()).toBe("ja");
  });

  it("remembers a choice of the language already in use without announcing a change", () => {
    const app = language();
    const heard: string[] = [];
    app.onChange((locale) => heard.push(locale));
    app.choose("de");
    expect(heard).toEqual([]);
    expect(language(["fr"]).current()).toBe("de");
  });

  it("ignores a choice of a language the run does not offer", () => {
    const app = language(["de"], true);
    app.choose(PSEUDO_LOCALE);
    expect(app.current()).toBe("de");
    expect(() => readFileSync(join(directory, SETTINGS_FILE))).toThrow();
  });

  it("keeps a choice for this run when it cannot be saved, and says so on the console", () => {
    const blocked = join(directory, "a file, not a folder");
    writeFileSync(blocked, "");
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    const app = createAppLanguage({ directory: blocked, systemLanguages: () => ["en"], packaged: true });
    app.choose("fr");
    expect(app.current()).toBe("fr");
    expect(report).toHaveBeenCalledOnce();
  });
});
