/**
 * The application menu, in the app's language. Electron's default menu is English whatever the
 * app speaks, so the app builds its own: the usual Edit, View and Window items (their roles keep
 * copy and paste, reload and zoom working), each labelled from the catalogue, and a Language menu
 * whose radio items name each language in itself. The template is a plain function of the
 * locale, so the menu can be rebuilt the moment the language changes, and tested without Electron.
 *
 * @example
 * Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ locale, offered, platform, packaged, onChooseLocale })));
 */
import type { MenuItemConstructorOptions } from "electron";
import { LOCALE_NAMES, type Locale } from "../../../shared/i18n/locales.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { APP_NAME } from "../app-name.ts";

export interface MenuTemplateOptions {
  locale: Locale;
  /** The locales the Language menu lists. */
  offered: readonly Locale[];
  platform: NodeJS.Platform;
  /** True in an installed app, whose View menu has no developer tools. */
  packaged: boolean;
  onChooseLocale(locale: Locale): void;
}

const SEPARATOR: MenuItemConstructorOptions = { type: "separator" };

/** The whole menu bar for `options.locale`. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { t } = translatorFor(options.locale);
  const quit: MenuItemConstructorOptions = { role: "quit", label: t("app.menu.quit", { appName: APP_NAME }) };
  // macOS puts the app's own items under its name; elsewhere Quit lives in File.
  const first: MenuItemConstructorOptions =
    options.platform === "darwin"
      ? {
          label: APP_NAME,
          submenu: [
            { role: "about", label: t("app.menu.about", { appName: APP_NAME }) },
            SEPARATOR,
            { role: "hide", label: t("app.menu.hide", { appName: APP_NAME }) },
            { role: "hideOthers", label: t("app.menu.hideOthers") },
            { role: "unhide", label: t("app.menu.showAll") },
            SEPARATOR,
            quit,
          ],
        }
      : { label: t("app.menu.file"), submenu: [quit] };

  return [
    first,
    {
      label: t("app.menu.edit"),
      submenu: [
        { role: "undo", label: t("app.menu.undo") },
        { role: "redo", label: t("app.menu.redo") },
        SEPARATOR,
        { role: "cut", label: t("app.menu.cut") },
        { role: "copy", label: t("app.menu.copy") },
        { role: "paste", label: t("app.menu.paste") },
        { role: "selectAll", label: t("app.menu.selectAll") },
      ],
    },
    {
      label: t("app.menu.view"),
      submenu: [
        { role: "reload", label: t("app.menu.reload") },
        ...(options.packaged ? [] : [{ role: "toggleDevTools", label: t("app.menu.toggleDevTools") } as const]),
        SEPARATOR,
        { role: "resetZoom", label: t("app.menu.actualSize") },
        { role: "zoomIn", label: t("app.menu.zoomIn") },
        { role: "zoomOut", label: t("app.menu.zoomOut") },
        SEPARATOR,
        { role: "togglefullscreen", label: t("app.menu.fullScreen") },
      ],
    },
    {
      label: t("app.menu.language"),
      submenu: options.offered.map((locale) => ({
        type: "radio",
        label: LOCALE_NAMES[locale],
        checked: locale === options.locale,
        click: () => options.onChooseLocale(locale),
      })),
    },
    {
      label: t("app.menu.window"),
      submenu: [
        { role: "minimize", label: t("app.menu.minimize") },
        { role: "close", label: t("app.menu.close") },
      ],
    },
  ];
}
