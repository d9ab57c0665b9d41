/**
 * Launches Debian's Chromium through playwright-core for browser suites. Background networking
 * is off: this machine has no internet, and Chromium's update and sync calls would only fail.
 */
import { chromium, type Browser } from "playwright-core";

export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Starts a headless Chromium; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
