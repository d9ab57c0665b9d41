/**
 * A deep link as main hands it to the page: the parsed link, and whether it is the one the app
 * was launched with. A link at launch opens its screen at once; one that arrives later, while
 * the person is somewhere else in the app, asks first, so a web page cannot push anyone into a
 * reset they did not start.
 */
import { isDeepLink, type DeepLink } from "../../../shared/deep-link.ts";

export interface DeepLinkArrival {
  link: DeepLink;
  /** True for the link on the command line of a cold start; false for one that reaches the running app. */
  atLaunch: boolean;
}

/** True for a well-formed arrival (for data that crossed the process boundary). */
export function isDeepLinkArrival(value: unknown): value is DeepLinkArrival {
  if (typeof value !== "object" || value === null) return false;
  const { link, atLaunch } = value as Partial<DeepLinkArrival>;
  return isDeepLink(link) && typeof atLaunch === "boolean";
}
