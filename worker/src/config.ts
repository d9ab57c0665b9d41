/**
 * The Worker's configuration, read once per request from `env` (wrangler `[vars]` and secrets)
 * and normalised into typed values with the documented defaults.
 */
import { DEFAULT_DEEP_LINK_SCHEME } from "../../shared/deep-link.ts";
import { DEFAULT_PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "../../shared/password-policy.ts";

export type MailTransportName = "outbox" | "mailchannels";

export interface Config {
  environment: "development" | "production";
  appName: string;
  publicBaseUrl: string;
  deepLinkScheme: string;
  resetTokenTtlMs: number;
  mailTransport: MailTransportName;
  mailFrom: string;
  mailchannels: { apiUrl: string; apiKey: string | undefined };
  dkim: { domain: string; selector: string; privateKey: string } | undefined;
  passwordMinLength: number;
  /** The web sign-in page the "password changed" page links to, when there is one. */
  signInUrl: string | undefined;
  /** False only when RATE_LIMITS is "off" in development; production always enforces limits. */
  rateLimitsEnabled: boolean;
}

export const DEFAULTS = {
  appName: "ResetKit",
  publicBaseUrl: "http://127.0.0.1:8787",
  resetTokenTtlMinutes: 30,
  mailFrom: "ResetKit <no-reply@example.com>",
  mailchannelsApiUrl: "https://api.mailchannels.net/tx/v1/send",
} as const;

/** Reads `env` into a `Config`. Anything but the exact string "development" counts as production. */
export function readConfig(env: Env): Config {
  const dkimDomain = nonEmpty(env.DKIM_DOMAIN);
  const dkimSelector = nonEmpty(env.DKIM_SELECTOR);
  const dkimPrivateKey = nonEmpty(env.DKIM_PRIVATE_KEY);
  return {
    environment: env.ENVIRONMENT === "development" ? "development" : "production",
    appName: nonEmpty(env.APP_NAME) ?? DEFAULTS.appName,
    publicBaseUrl: (nonEmpty(env.PUBLIC_BASE_URL) ?? DEFAULTS.publicBaseUrl).replace(/\/+$/, ""),
    deepLinkScheme: nonEmpty(env.DEEP_LINK_SCHEME) ?? DEFAULT_DEEP_LINK_SCHEME,
    resetTokenTtlMs: positiveInteger(env.RESET_TOKEN_TTL_MINUTES, DEFAULTS.resetTokenTtlMinutes) * 60_000,
    mailTransport: env.MAIL_TRANSPORT === "mailchannels" ? "mailchannels" : "outbox",
    mailFrom: nonEmpty(env.MAIL_FROM) ?? DEFAULTS.mailFrom,
    mailchannels: {
      apiUrl: nonEmpty(env.MAILCHANNELS_API_URL) ?? DEFAULTS.mailchannelsApiUrl,
      apiKey: nonEmpty(env.MAILCHANNELS_API_KEY),
    },
    dkim:
      dkimDomain && dkimSelector && dkimPrivateKey
        ? { domain: dkimDomain, selector: dkimSelector, privateKey: dkimPrivateKey }
        : undefined,
    passwordMinLength: Math.min(
      positiveInteger(env.PASSWORD_MIN_LENGTH, DEFAULT_PASSWORD_MIN_LENGTH),
      PASSWORD_MAX_LENGTH,
    ),
    signInUrl: nonEmpty(env.SIGN_IN_URL),
    rateLimitsEnabled: !(env.ENVIRONMENT === "development" && env.RATE_LIMITS?.trim() === "off"),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
