/**
 * Turns a message key and its values into text in one locale, with ICU MessageFormat
 * (`intl-messageformat`): plurals, numbers, selects and tags. A translator per locale is made once
 * per isolate or window and keeps every message it has parsed, so a request pays only for
 * formatting.
 *
 * Messages may hold tags such as `<strong>…</strong>`: `t` drops them and keeps their text (a
 * plain-text email, an HTTP header), `parts` gives the message as a tree of text, values and tags
 * for the caller to render (React elements, shared/i18n/react.tsx).
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

/** A message as a tree: text, a value the caller fills in by name, or a tag around more parts. */
export type MessagePart = string | { value: string } | { tag: string; children: MessagePart[] };

export interface Translator {
  readonly locale: Locale;
  readonly dir: "ltr" | "rtl";
  /** The message as plain text; tags are dropped and their text kept. */
  t(key: MessageKey | Message, values?: MessageValues): string;
  /**
   * The message as parts, its primitive values formatted in and every other value (an element, say)
   * left as a `{ value }` slot. The tree is kept, so rendering a rich message again costs a walk.
   */
  parts(key: MessageKey, values?: Readonly<Record<string, unknown>>): MessagePart[];
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
  plainTags: Record<string, (chunks: string[]) => string>;
}

function createTranslator(locale: Locale): Translator {
  // Intl has no data for the pseudo-locale; its numbers, plurals and dates are English.
  const intlLocale = locale === PSEUDO_LOCALE ? "en" : locale;
  const compiled = new Map<MessageKey, Compiled>();
  // A page formats the same few messages with the same values again and again (the policy hint
  // with the minimum length, the guess budget); each result is kept, up to a bound.
  const texts = new Map<string, string>();
  const trees = new Map<string, MessagePart[]>();
  const compile = (key: MessageKey): Compiled => {
    let entry = compiled.get(key);
    if (!entry) {
      // The typecheck and the catalogue tests make every key present; should one still be
      // missing at run time, English is better than no words at all.
      const source = CATALOGUES[locale === PSEUDO_LOCALE ? "en" : locale][key] ?? CATALOGUES.en[key];
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
      const key = typeof keyOrMessage === "string" ? keyOrMessage : keyOrMessage.key;
      const given = typeof keyOrMessage === "string" ? values : keyOrMessage.values;
      const memo = memoKey(key, given);
      const cached = memo === null ? undefined : texts.get(memo);
      if (cached !== undefined) return cached;
      const { format, plainTags } = compile(key);
      const formatted = format.format<string>({ ...plainTags, ...toPrimitives(given) });
      const text = Array.isArray(formatted) ? formatted.join("") : String(formatted);
      if (memo !== null) {
        if (texts.size >= MEMO_LIMIT) texts.clear();
        texts.set(memo, text);
      }
      return text;
    },
    parts(key, values = NO_VALUES) {
      // Most rich messages carry only tags: their tree is kept under the key alone.
      if (isEmpty(values)) {
        const kept = trees.get(key);
        if (kept) return kept;
      }
      const primitives: Record<string, MessageValue> = {};
      const slots: Record<string, Slot> = {};
      for (const [name, value] of Object.entries(values)) {
        if (typeof value === "string" || typeof value === "number" || value instanceof Date) primitives[name] = value;
        else slots[name] = { slot: name };
      }
      const memo = memoKey(key, primitives);
      const slotNames = Object.keys(slots).sort().join(",");
      const treeKey = memo === null ? null : slotNames === "" ? memo : `${memo}\u0000${slotNames}`;
      const kept = treeKey === null ? undefined : trees.get(treeKey);
      if (kept) return kept;
      const { format, plainTags } = compile(key);
      const tags = Object.fromEntries(Object.keys(plainTags).map((name) => [name, (chunks: Array<string | Slot | Tagged>) => ({ tag: name, chunks })]));
      const formatted = format.format<Slot | Tagged>({ ...primitives, ...slots, ...tags } as Record<string, PrimitiveType | Slot | Tagged>);
      const tree = toParts(Array.isArray(formatted) ? formatted : [formatted]);
      if (treeKey !== null) {
        if (trees.size >= MEMO_LIMIT) trees.clear();
        trees.set(treeKey, tree);
      }
      return tree;
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

const MEMO_LIMIT = 2_000;
const NO_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});

function isEmpty(values: Readonly<Record<string, unknown>>): boolean {
  for (const name in values) if (Object.hasOwn(values, name)) return false;
  return true;
}

/** A value the caller fills in, and a tag around its chunks, while a message is being formatted. */
interface Slot {
  slot: string;
}
interface Tagged {
  tag: string;
  chunks: Array<string | Slot | Tagged>;
}

function toParts(chunks: ReadonlyArray<string | Slot | Tagged | unknown>): MessagePart[] {
  return chunks.map((chunk): MessagePart => {
    if (typeof chunk === "string") return chunk;
    if (typeof chunk === "object" && chunk !== null && "slot" in chunk) return { value: (chunk as Slot).slot };
    if (typeof chunk === "object" && chunk !== null && "tag" in chunk) {
      const tagged = chunk as Tagged;
      return { tag: tagged.tag, children: toParts(tagged.chunks) };
    }
    return String(chunk);
  });
}

/** The memo's key for a message and its values; null for values a memo should not keep (dates). */
function memoKey(key: MessageKey, values: MessageValues | undefined): string | null {
  if (values === undefined) return key;
  let memo = key;
  for (const name of Object.keys(values).sort()) {
    const value = values[name];
    if (typeof value !== "string" && typeof value !== "number") return null;
    memo += `\u0000${name}\u0000${value}`;
  }
  return memo;
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
