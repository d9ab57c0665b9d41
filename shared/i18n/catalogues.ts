/**
 * Every language's messages, keyed alike. English is the source; each other catalogue is typed
 * against it, so a missing or extra key fails the typecheck (and test/shared/i18n/catalogues.test.ts
 * also checks every placeholder, plural branch and tag). The catalogues are plain modules, loaded
 * once per isolate or window.
 */
import type { LOCALES } from "./locales.ts";
import { ar } from "./messages/ar/index.ts";
import { de } from "./messages/de/index.ts";
import { en } from "./messages/en/index.ts";
import { es } from "./messages/es/index.ts";
import { fr } from "./messages/fr/index.ts";
import { ja } from "./messages/ja/index.ts";

export type MessageKey = keyof typeof en;
/** A catalogue: one message for every key of `Source`. */
export type CatalogueOf<Source> = { readonly [Key in keyof Source]: string };
export type Catalogue = CatalogueOf<typeof en>;

export const CATALOGUES: Readonly<Record<(typeof LOCALES)[number], Catalogue>> = { en, de, es, fr, ja, ar };
