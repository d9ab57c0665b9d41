/**
 * Where the page being rendered lives, for the parts of the frame that link back to it: the
 * language chooser offers this same page in each language, with its query kept.
 */
import { createContext, useContext, type ReactNode } from "react";

const PageLocationContext = createContext<URL>(new URL("http://localhost/"));

export function PageLocationProvider({ url, children }: { url: URL; children: ReactNode }) {
  return <PageLocationContext.Provider value={url}>{children}</PageLocationContext.Provider>;
}

/** The URL of the request this page answers. */
export function usePageLocation(): URL {
  return useContext(PageLocationContext);
}
