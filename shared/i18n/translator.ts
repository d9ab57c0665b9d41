/**
 * Turns a message key and its values into text in one locale, with ICU MessageFormat
 * (`intl-messageformat`): plurals, numbers, selects and tags. A translator per locale is made once
 * per isolate or window and keeps every message it has parsed, so a request pays only for
 * formatting.
 *
 * Messages may hold tags such as `<strong>…</strong>`: `t` drops them and keeps their text (a
 * plain-text email, an HTTP header), `rich` hands their content to the caller (React elements).
 *
 * @example
 * const { t } = translatorFor("de");
 * t("checkEmail.howLong", { minutes: 30 }); // "Öffnen Sie den Link auf diesem Gerät. …"
 */
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import { CATALOGUES, type MessageKey } from "./catalogues.ts";
import { type Locale, PSEUDO_LOCALE, textDirection } from "./locales.ts";
import { pseudoLocalize } from "./pseudo-locale.ts";

export type { MessageKey } from "./catalogues.ts";
export type MessageValue = string | number | Date;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** A sentence not yet put into words: what domain code returns and the edge translates. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

/** A Message, for code that decides what to say long before it knows the language. */
export function message(key: MessageKey, values?: MessageValues): Message {
  return values === undefined ? { key } : { key, values };
}

/** A tag's content as the caller renders it, for `rich`. */
export type TagRenderer<T> = (chunks: Array<string | T>) => T;

export interface Translator {
  readonly locale: Locale;
  readonly dir: "ltr" | "rtl";
  /** The message as plain text; tags are dropped and their text kept. */
  t(key: MessageKey | Message, values?: MessageValues): string;
  /** The message as parts, each tag rendered by the function of its name. */
  rich<T>(key: MessageKey, values: Readonly<Record<string, MessageValue | T | TagRenderer<T>>>): Array<string | T>;
  /**
   * `value` (an address, a code, a URL) kept in its own direction inside plain text: wrapped in
   * Unicode isolates (FSI … PDI) in a right-to-left locale, as it is otherwise.
   */
  isolate(value: string): string;
  /** A moment as the person reads it, with its time zone named ("4 December 2026, 14:05 UTC"). */
  formatDateTime(at: number | Date, timeZone?: string): string;
}

const translators = new Map<Locale, Translator>();

/** The translator for `locale`, made on first use. */
export function translatorFor(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}

interface Compiled {
  format: IntlMessageFormat;
  /** Tag names in the message, each given a default that keeps only its text. */
  plainTags: Record<string, TagRenderer<string>>;
}

function createTranslator(locale: Locale): Translator {
  // Intl has no data for the pseudo-locale; its numbers, plurals and dates are English.
  const intlLocale = locale === PSEUDO_LOCALE ? "en" : locale;
  const compiled = new Map<MessageKey, Compiled>();
  const compile = (key: MessageKey): Compiled => {
    let entry = compiled.get(key);
    if (!entry) {
      const source = CATALOGUES[locale === PSEUDO_LOCALE ? "en" : locale][key];
      const format = new IntlMessageFormat(locale === PSEUDO_LOCALE ? pseudoLocalize(source) : source, intlLocale);
      entry = { format, plainTags: Object.fromEntries(findTagNames(format).map((name) => [name, joinChunks])) };
      compiled.set(key, entry);
    }
    return entry;
  };

  return {
    locale,
    dir: textDirection(locale),
    t(keyOrMessage, values) {
      const { key, values: given } = typeof keyOrMessage === "string" ? { key: keyOrMessage, values } : keyOrMessage;
      const { format, plainTags } = compile(key);
      const formatted = format.format<string>({ ...plainTags, ...toPrimitives(given) });
      return Array.isArray(formatted) ? formatted.join("") : String(formatted);
    },
    rich<T>(key: MessageKey, values: Readonly<Record<string, MessageValue | T | TagRenderer<T>>>) {
      const formatted = compile(key).format.format<T>(values as Record<string, PrimitiveType | T | TagRenderer<T>>);
      return Array.isArray(formatted) ? (formatted as Array<string | T>) : [formatted as string | T];
    },
    isolate(value) {
      return textDirection(locale) === "rtl" ? `\u2068${value}\u2069` : value;
    },
    formatDateTime(at, timeZone = "UTC") {
      const named = new Intl.DateTimeFormat(intlLocale, {
        year: "numeric",
        month: "long",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone,
        // "UTC" reads best short; any other zone by its full name, not a bare "GMT+1".
        timeZoneName: timeZone === "UTC" ? "short" : "long",
      });
      return named.format(at);
    },
  };
}

function joinChunks(chunks: Array<string>): string {
  return chunks.join("");
}

/** Dates stay Dates (ICU formats them); everything else is passed as given. */
function toPrimitives(values: MessageValues | undefined): Record<string, PrimitiveType> {
  return values ? { ...values } : {};
}

function findTagNames(format: IntlMessageFormat): string[] {
  const names = new Set<string>();
  const visit = (elements: ReturnType<IntlMessageFormat["getAst"]>) => {
    for (const element of elements) {
      if ("children" in element) {
        names.add(element.value);
        visit(element.children);
      }
      if ("options" in element) for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(format.getAst());
  return [...names];
}
