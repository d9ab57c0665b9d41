/**
 * Development only: on a page that answers 429, the way out a developer is looking for. `npm start`
 * keeps the limits on so the flows behave as deployed, which means a few test runs can use one up;
 * the tip says how to turn them off locally. render.ts shows it for every 429 page when ENVIRONMENT
 * is development, so a page that starts answering 429 later gets it without being told.
 */
import { createContext, useContext, type ReactNode } from "react";
import { Rich } from "../../../../shared/i18n/react.tsx";

/** Names in the configuration, the same in every language. */
const SETTING = "RATE_LIMITS=off";
const FILE = ".dev.vars";

const RateLimitTipContext = createContext(false);

export function RateLimitTipProvider({ shown, children }: { shown: boolean; children: ReactNode }) {
  return <RateLimitTipContext.Provider value={shown}>{children}</RateLimitTipContext.Provider>;
}

/** The tip, when this page is a 429 in development; nothing otherwise. */
export function RateLimitTip() {
  if (!useContext(RateLimitTipContext)) return null;
  return (
    <p className="notice">
      <Rich
        id="page.devRateLimits"
        values={{
          setting: <code dir="ltr">{SETTING}</code>,
          file: <code dir="ltr">{FILE}</code>,
        }}
      />
    </p>
  );
}
