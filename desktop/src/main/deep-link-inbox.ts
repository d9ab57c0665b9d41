/**
 * Holds a deep link (with whether it came at launch) until the renderer is listening. A cold-start link arrives before the page
 * has loaded, and a reload drops the page's listener; the inbox keeps the latest link (in
 * memory only) and hands it over as soon as the renderer subscribes.
 */
import type { DeepLinkArrival } from "../ipc/deep-link-arrival.ts";

export interface DeepLinkInbox {
  /** Passes the link to the renderer, or keeps it until one subscribes. A newer link replaces an older one. */
  deliver(arrival: DeepLinkArrival): void;
  /** Connects a renderer; any waiting link is sent right away. */
  subscribe(send: (arrival: DeepLinkArrival) => void): void;
  /** Forgets the renderer, for example when its page navigates or crashes. */
  unsubscribe(): void;
}

/** Creates an empty inbox. */
export function createDeepLinkInbox(): DeepLinkInbox {
  let pending: DeepLinkArrival | null = null;
  let send: ((arrival: DeepLinkArrival) => void) | null = null;
  return {
    deliver(arrival) {
      if (send) send(arrival);
      else pending = arrival;
    },
    subscribe(next) {
      send = next;
      if (pending) {
        const arrival = pending;
        pending = null;
        next(arrival);
      }
    },
    unsubscribe() {
      send = null;
    },
  };
}
