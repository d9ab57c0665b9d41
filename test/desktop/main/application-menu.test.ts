import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it, vi } from "vitest";
import { APP_NAME } from "../../../desktop/src/app-name.ts";
import { buildMenuTemplate, type MenuTemplateOptions } from "../../../desktop/src/main/application-menu.ts";
import { offeredLocales } from "../../../desktop/src/main/language.ts";
import { LOCALE_NAMES, LOCALES, PSEUDO_LOCALE, type Locale } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";

function template(overrides: Partial<MenuTemplateOptions> = {}): MenuItemConstructorOptions[] {
  return buildMenuTemplate({ locale: "en", offered: offeredLocales(true), platform: "linux", packaged: true, onChooseLocale: () => {}, ...overrides });
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function languageMenu(items: MenuItemConstructorOptions[], locale: Locale = "en") {
  return items.find((item) => item.label === translatorFor(locale).t("app.menu.language"));
}

/** Every item a person reads, at any depth. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...allItems(submenu(item))]);
}

describe("the application menu", () => {
  it("has File, Edit, View, Language and Window, in the app's language", () => {
    const { t } = translatorFor("en");
    expect(template().map((item) => item.label)).toEqual([
      t("app.menu.file"),
      t("app.menu.edit"),
      t("app.menu.view"),
      t("app.menu.language"),
      t("app.menu.window"),
    ]);
  });

  it("labels every item from the catalogue, so none shows Electron's English label", () => {
    for (const locale of ["en", "de", "ar", PSEUDO_LOCALE] as const) {
      const items = allItems(template({ locale, packaged: false, platform: "darwin" })).filter((item) => item.type !== "separator");
      expect(items.filter((item) => !item.label)).toEqual([]);
    }
  });

  it("is in German when the app speaks German", () => {
    const { t } = translatorFor("de");
    const items = template({ locale: "de" });
    expect(items.map((item) => item.label)).toContain(t("app.menu.language"));
    expect(submenu(items[1]).map((item) => item.label)).toContain(t("app.menu.paste"));
  });

  it("lists the six languages by their own names, the current one checked", () => {
    const items = submenu(languageMenu(template({ locale: "ar" }), "ar"));
    expect(items.map((item) => [item.type, item.label, item.checked])).toEqual(
      LOCALES.map((locale) => ["radio", LOCALE_NAMES[locale], locale === "ar"]),
    );
  });

  it("offers the pseudo-locale only in a development run", () => {
    const development = submenu(languageMenu(template({ offered: offeredLocales(false), packaged: false })));
    expect(development.map((item) => item.label)).toEqual(offeredLocales(false).map((locale) => LOCALE_NAMES[locale]));
    expect(development.map((item) => item.label)).toContain(LOCALE_NAMES[PSEUDO_LOCALE]);
    expect(submenu(languageMenu(template())).map((item) => item.label)).not.toContain(LOCALE_NAMES[PSEUDO_LOCALE]);
  });

  it("passes the chosen language on when its item is clicked", () => {
    const onChooseLocale = vi.fn();
    const japanese = submenu(languageMenu(template({ onChooseLocale }))).find((item) => item.label === LOCALE_NAMES.ja);
    japanese?.click?.({} as never, undefined, {} as never);
    expect(onChooseLocale).toHaveBeenCalledWith("ja");
  });

  it("keeps copy and paste working: the Edit items have their roles", () => {
    expect(submenu(template()[1]).map((item) => item.role)).toEqual(["undo", "redo", undefined, "cut", "copy", "paste", "selectAll"]);
  });

  it("offers the developer tools only in a development run", () => {
    const roles = (packaged: boolean) => submenu(template({ packaged })[2]).map((item) => item.role);
    expect(roles(false)).toContain("toggleDevTools");
    expect(roles(true)).not.toContain("toggleDevTools");
  });

  it("puts About, Hide and Quit under the app's name on macOS", () => {
    const { t } = translatorFor("fr");
    const first = template({ locale: "fr", platform: "darwin" })[0];
    expect(first?.label).toBe(APP_NAME);
    expect(submenu(first).map((item) => item.role).filter(Boolean)).toEqual(["about", "hide", "hideOthers", "unhide", "quit"]);
    expect(submenu(first).at(-1)?.label).toBe(t("app.menu.quit", { appName: APP_NAME }));
  });
});
