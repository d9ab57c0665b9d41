/**
 * The person's settings, in `settings.json` in the user-data folder; today only the language
 * they chose from the menu. Only the main process reads or writes the file. A file that is
 * missing, unreadable, not JSON or holds values we do not know reads as "nothing chosen", so a
 * damaged file costs the choice, never the launch. It is written whole to a temporary file and
 * renamed over the old one, so a crash mid-write leaves the previous settings, not half a file.
 *
 * @example
 * writeSettings(app.getPath("userData"), { locale: "de" });
 * readSettings(app.getPath("userData")); // { locale: "de" }
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findLocale, type Locale } from "../../../shared/i18n/locales.ts";

export const SETTINGS_FILE = "settings.json";

export interface Settings {
  /** The language chosen in the menu; absent while the app follows the system's. */
  locale?: Locale;
}

/** The settings kept in `directory`; an empty object when there are none or they cannot be read. */
export function readSettings(directory: string): Settings {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(join(directory, SETTINGS_FILE), "utf8"));
  } catch {
    return {};
  }
  if (typeof saved !== "object" || saved === null) return {};
  const { locale } = saved as Record<string, unknown>;
  const known = typeof locale === "string" ? findLocale(locale) : undefined;
  return known ? { locale: known } : {};
}

/** Replaces the settings kept in `directory`. */
export function writeSettings(directory: string, settings: Settings): void {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, SETTINGS_FILE);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(settings, null, 2)}\n`);
  renameSync(partial, file);
}
