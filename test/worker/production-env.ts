/**
 * `env` variants for tests that run the Worker as production. The vitest project loads
 * wrangler.toml's [env.dev]; `productionEnv()` turns that into a correct production config
 * (which the configuration gate lets through), and tests break one setting at a time from there.
 */
import { env } from "cloudflare:test";

/** The settings a production Worker must have before it serves (see worker/src/config.ts). */
export const PRODUCTION_VARS = {
  ENVIRONMENT: "production",
  MAIL_TRANSPORT: "mailchannels",
  MAILCHANNELS_API_KEY: "test-mailchannels-key",
  PUBLIC_BASE_URL: "https://reset.example.com",
  HMAC_KEY: "a production test key that is not the development one",
} as const;

/** A fresh `env` object with a correct production config, plus `overrides`. */
export function productionEnv(overrides: Partial<Record<keyof Env, unknown>> = {}): Env {
  return { ...env, ...PRODUCTION_VARS, ...overrides } as Env;
}
