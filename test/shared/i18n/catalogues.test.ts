import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES, type Catalogue } from "../../../shared/i18n/catalogues.ts";
import { LOCALES } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";

const english = CATALOGUES.en;
const TRANSLATIONS = LOCALES.filter((locale) => locale !== "en");
/** Words that a translation spells exactly as English does. */
const SPELLED_THE_SAME: Partial<Record<(typeof LOCALES)[number], readonly string[]>> = {
  de: ["apiReference.columnName", "apiReference.optional"], // "Name", "optional"
  es: ["problem.title.other"], // "Error"
  fr: ["email.minutes", "apiReference.columnType"], // "# minute", "# minutes"; "Type"
};

/** What a message needs from its caller and what shape it has: values, plural and select branches, tags. */
function describeShape(message: string): string[] {
  const shape = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          shape.add(`value ${element.value}`);
          break;
        case TYPE.plural:
          shape.add(`plural ${element.value}`);
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.select:
          shape.add(`select ${element.value}: ${Object.keys(element.options).sort().join(" ")}`);
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.tag:
          shape.add(`tag ${element.value}`);
          visit(element.children);
          break;
        default:
          break;
      }
    }
  };
  visit(parse(message));
  return [...shape].sort();
}

/** Every plural of a message, with the categories it covers. */
function findPlurals(message: string): Array<{ name: string; categories: string[] }> {
  const plurals: Array<{ name: string; categories: string[] }> = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.plural) plurals.push({ name: element.value, categories: Object.keys(element.options) });
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return plurals;
}

describe("the message catalogues", () => {
  it.each(TRANSLATIONS)("%s has exactly the English keys", (locale) => {
    const catalogue: Catalogue = CATALOGUES[locale];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(TRANSLATIONS)("%s keeps every placeholder, plural, select and tag of the English message", (locale) => {
    const differences = Object.entries(english).flatMap(([key, source]) => {
      const translated = CATALOGUES[locale][key as keyof Catalogue];
      if (translated === undefined) return [`${key}: missing`];
      const [expected, actual] = [describeShape(source), describeShape(translated)];
      return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${key}: ${actual.join(", ")} instead of ${expected.join(", ")}`];
    });
    expect(differences).toEqual([]);
  });

  it.each(LOCALES)("%s covers every plural category its language uses for the counts we show (0 to 1000)", (locale) => {
    const rules = new Intl.PluralRules(locale);
    const needed = [...new Set(Array.from({ length: 1001 }, (_, count) => rules.select(count)))];
    const gaps = Object.entries(CATALOGUES[locale]).flatMap(([key, text]) =>
      findPlurals(text).flatMap(({ name, categories }) => {
        const missing = needed.filter((category) => !categories.includes(category));
        return missing.length > 0 ? [`${key} {${name}}: no ${missing.join(", ")}`] : [];
      }),
    );
    expect(gaps).toEqual([]);
  });

  it.each(TRANSLATIONS)("%s translates every message that has words in it", (locale) => {
    const untranslated = Object.entries(english).filter(
      ([key, source]) =>
        /[A-Za-z]{3}/.test(source.replace(/\{[^}]*\}|<\/?\w+>/g, "")) &&
        CATALOGUES[locale][key as keyof Catalogue] === source &&
        !SPELLED_THE_SAME[locale]?.includes(key),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it("formats a plural in each language's own forms", () => {
    expect(translatorFor("en").t("email.minutes", { count: 1 })).toBe("1 minute");
    expect(translatorFor("de").t("email.minutes", { count: 30 })).toBe("30 Minuten");
    expect(translatorFor("ar").t("email.hours", { count: 2 })).toBe("ساعتين");
  });

  it("pseudo-localises every English message with each letter accented and a third more length", () => {
    const pseudo = translatorFor("en-XA").t("signIn.forgotPassword");
    expect(pseudo).toMatch(/^⟦.*~+⟧$/);
    expect(pseudo).not.toMatch(/[A-Za-z]/);
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.ceil("Forgot password?".length * 1.3));
    // Values stay as given, so an address or a number is readable in the pseudo-locale.
    expect(translatorFor("en-XA").t("checkEmail.linkSent", { email: "dana@example.com" })).toContain("dana@example.com");
    expect(translatorFor("en-XA").t("email.minutes", { count: 30 })).toContain("30");
  });
});
