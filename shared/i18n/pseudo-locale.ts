/**
 * The pseudo-locale `en-XA`: every English letter accented and each message about a third
 * longer, inside ⟦ ⟧. A page or screen shown in it reveals at a glance any text that did not come
 * from the catalogue (plain ASCII words), and any layout that breaks on longer words or clips text.
 * Only literal text changes: placeholders, plural and select branches and tags keep their shape,
 * so the message formats exactly as the English one does.
 *
 * @example
 * pseudoLocalize("Sign in");  // parsed ICU for "⟦Šîĝñ îñ~~~⟧"
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((letter, index) => [
    letter,
    [..."áƀçđéƒĝĥîĵķĺɱñôþǫŕšţûṽŵẋýžÁƁÇĐÉƑĜĤÎĴĶĹṀÑÔÞǪŔŠŢÛṼŴẊÝŽ"][index] ?? letter,
  ]),
);

/** How much longer a pseudo-localised message is than its English source. */
export const PSEUDO_EXPANSION = 0.3;

/** The English message `source`, pseudo-localised, as a parsed ICU message. */
export function pseudoLocalize(source: string): MessageFormatElement[] {
  const elements = parse(source);
  const letters = countLetters(elements);
  const padding = "~".repeat(Math.ceil(letters * PSEUDO_EXPANSION));
  return [literal("⟦"), ...elements.map(accent), literal(`${padding}⟧`)];
}

function accent(element: MessageFormatElement): MessageFormatElement {
  switch (element.type) {
    case TYPE.literal:
      return { ...element, value: [...element.value].map((character) => ACCENTED[character] ?? character).join("") };
    case TYPE.tag:
      return { ...element, children: element.children.map(accent) };
    case TYPE.plural:
    case TYPE.select:
      return {
        ...element,
        options: Object.fromEntries(Object.entries(element.options).map(([name, option]) => [name, { ...option, value: option.value.map(accent) }])),
      } as MessageFormatElement;
    default:
      return element;
  }
}

function countLetters(elements: readonly MessageFormatElement[]): number {
  let count = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) count += element.value.replace(/\s/g, "").length;
    if (element.type === TYPE.tag) count += countLetters(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select) count += countLetters(element.options.other?.value ?? []);
  }
  return count;
}

function literal(value: string): MessageFormatElement {
  return { type: TYPE.literal, value };
}
