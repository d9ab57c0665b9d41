/**
 * Holds a deep link until the renderer is listening. A cold-start link arrives before the page
 * has loaded, and a reload drops the page's listener; the inbox keeps the latest link (in
 * memory only) and hands it over as soon as the renderer subscribes.
 */
import type { DeepLink } from "../../../shared/deep-link.ts";

export interface DeepLinkInbox {
  /** Passes the link to the renderer, or keeps it until one subscribes. A newer link replaces an older one. */
  deliver(link: DeepLink): void;
  /** Connects a renderer; any waiting link is sent right away. */
  subscribe(send: (link: DeepLink) => void): void;
  /** Forgets the renderer, for example when its page navigates or crashes. */
  unsubscribe(): void;
}

/** Creates an empty inbox. */
export function createDeepLinkInbox(): DeepLinkInbox {
  let pending: DeepLink | null = null;
  let send: ((link: DeepLink) => void) | null = null;
  return {
    deliver(link) {
      if (send) send(link);
      else pending = link;
    },
    subscribe(next) {
      send = next;
      if (pending) {
        const link = pending;
        pending = null;
        next(link);
      }
    },
    unsubscribe() {
      send = null;
    },
  };
}
