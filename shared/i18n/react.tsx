/**
 * The translator in React: the Worker's pages and the desktop screens read the words of the
 * locale they are rendered in from context, so a component never picks a language itself.
 * `Rich` renders a message with tags (`<strong>{email}</strong>`) as elements, and `Isolated`
 * keeps an address, a code or a URL in its own direction inside right-to-left text.
 *
 * @example
 * <I18nProvider translator={translatorFor("ar")}><App /></I18nProvider>
 * const { t } = useI18n(); t("signIn.title");
 */
import { createContext, Fragment, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE } from "./locales.ts";
import { translatorFor, type MessageKey, type MessagePart, type MessageValue, type Translator } from "./translator.ts";

const I18nContext = createContext<Translator>(translatorFor(DEFAULT_LOCALE));

export function I18nProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The translator of the surrounding provider (English outside one). */
export function useI18n(): Translator {
  return useContext(I18nContext);
}

/** A value that must keep its own direction: an address, a code, a URL. */
export function Isolated({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

/** Renders a message whose tags are elements: `tags.strong` wraps the text between <strong> and </strong>. */
export function Rich({
  id,
  values = {},
  tags = {},
}: {
  id: MessageKey;
  values?: Readonly<Record<string, MessageValue | ReactNode>>;
  tags?: Readonly<Record<string, (content: ReactNode) => ReactNode>>;
}) {
  const { parts } = useI18n();
  const render = (part: MessagePart, index: number): ReactNode => {
    if (typeof part === "string") return part;
    if ("value" in part) return <Fragment key={index}>{values[part.value] as ReactNode}</Fragment>;
    const wrap = tags[part.tag] ?? DEFAULT_TAGS[part.tag] ?? ((content: ReactNode) => content);
    return <Fragment key={index}>{wrap(<>{part.children.map(render)}</>)}</Fragment>;
  };
  return <>{parts(id, values).map(render)}</>;
}

const DEFAULT_TAGS: Readonly<Record<string, (content: ReactNode) => ReactNode>> = {
  strong: (content) => <strong>{content}</strong>,
};

