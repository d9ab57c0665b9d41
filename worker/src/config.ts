/**
 * The Worker's configuration: `env` (wrangler `[vars]` and secrets) normalised into typed values
 * with the documented defaults. `readConfig` computes it once per `env` object and hands the same
 * frozen value to every later call, so a request that consults it in ten places parses it once.
 * `findMisconfiguration` says why a production config must not serve (`PRODUCTION_CHECKS` below).
 *
 * @example
 * const config = readConfig(env);
 * const fault = findMisconfiguration(config); // null, or "PUBLIC_BASE_URL is not set; ..."
 */
import { PagePath } from "../../shared/contract.ts";
import { DEFAULT_DEEP_LINK_SCHEME } from "../../shared/deep-link.ts";
import { DEFAULT_LOCALE, findLocale, LOCALES, type Locale } from "../../shared/i18n/locales.ts";
import { DEFAULT_PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "../../shared/password-policy.ts";
import { decodePaddedBase64 } from "./crypto/encoding.ts";
import { isLoopbackHost } from "./http/loopback-host.ts";

export type MailTransportName = "outbox" | "mailchannels";

export interface Config {
  environment: "development" | "production";
  appName: string;
  /** The https origin links point to; empty when unset in production (which then refuses to serve). */
  publicBaseUrl: string;
  deepLinkScheme: string;
  resetTokenTtlMs: number;
  mailTransport: MailTransportName;
  mailFrom: string;
  mailchannels: { apiUrl: string; apiKey: string | undefined };
  /** Waits before each retry of a temporarily failed send; the last one repeats. */
  mailRetryDelaysSeconds: number[];
  dkim: { domain: string; selector: string; privateKey: string } | undefined;
  passwordMinLength: number;
  /**
   * Where the pages send people to sign in: SIGN_IN_URL when a deployment has its own sign-in,
   * else the Worker's own `/sign-in`. `signInEmailUrl` is the same, absolute, for emails.
   */
  signInUrl: string;
  signInEmailUrl: string;
  /** The language of a page or email when nothing says which one the person reads (DEFAULT_LOCALE). */
  defaultLocale: Locale;
  /** DEFAULT_LOCALE as set, when it names no language ResetKit speaks (production then refuses to serve). */
  unknownDefaultLocale: string | undefined;
  /** False only when RATE_LIMITS is "off" in development; production always enforces limits. */
  rateLimitsEnabled: boolean;
  /** The breached-password check of new passwords (passwords/breached-passwords.ts). */
  breachedPasswordCheck: { enabled: boolean; apiUrl: string };
  /** What is wrong with the `HMAC_KEY` secret, or null; the key itself stays in `env` (see crypto/keyed-hash.ts). */
  hmacKeyProblem: HmacKeyProblem | null;
  /** Signed events to WEBHOOK_URL (webhooks/); `url` undefined: no events are made at all. */
  webhooks: WebhookConfig;
  /** The operator API's bearer token (ADMIN_API_TOKEN); undefined: the API does not exist. */
  adminApiToken: string | undefined;
}

export interface WebhookConfig {
  url: string | undefined;
  /** The key of WEBHOOK_SECRET (`whsec_` + base64), or undefined when unset or malformed. */
  secret: Uint8Array | undefined;
  secretProblem: "missing" | "malformed" | null;
  /** Waits before each retry of a delivery that failed for now; the last one repeats. */
  retryDelaysSeconds: number[];
}

/** Why an `HMAC_KEY` cannot protect production: unset, the public development value, or too short to resist guessing. */
export type HmacKeyProblem = "missing" | "development" | "short";

/**
 * The public key in wrangler.toml's `[env.dev.vars]`, so `npm start` needs no setup. Anyone can read
 * it, so a production Worker refuses to run with it: with it and a copy of D1, every stored code
 * and IPv4 subject could be reversed.
 */
export const DEVELOPMENT_HMAC_KEY = "resetkit-development-key-not-secret";
/** The shortest `HMAC_KEY` production accepts: 32 bytes, the size of the HMAC-SHA-256 keys derived from it. */
export const HMAC_KEY_MIN_BYTES = 32;

export const DEFAULTS = {
  appName: "ResetKit",
  publicBaseUrl: "http://127.0.0.1:8787",
  resetTokenTtlMinutes: 30,
  mailFrom: "ResetKit <no-reply@example.com>",
  mailchannelsApiUrl: "https://api.mailchannels.net/tx/v1/send",
  // 63.5 minutes from the first attempt to the last, so an hour-long provider outage still ends in a sent email.
  mailRetryDelaysSeconds: [30, 60, 120, 300, 600, 900, 1800],
  pwnedPasswordsApiUrl: "https://api.pwnedpasswords.com/range/",
  // Standard Webhooks' own schedule, shortened at the start: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
  // 10 h; a receiver that is down for a day still gets every event.
  webhookRetryDelaysSeconds: [5, 300, 1800, 7200, 18000, 36000, 36000],
} as const;

/** The shortest ADMIN_API_TOKEN production accepts. */
export const ADMIN_API_TOKEN_MIN_BYTES = 32;

/** The shortest WEBHOOK_SECRET key, as Standard Webhooks asks (24 to 64 bytes). */
export const WEBHOOK_SECRET_MIN_BYTES = 24;

// Keyed by the `env` object itself: a test or a `--var` that builds a different `env` gets its own
// config, and nothing outlives the `env` it came from.
const configs = new WeakMap<Env, Config>();

/** Reads `env` into a `Config`. Anything but the exact string "development" counts as production. */
export function readConfig(env: Env): Config {
  let config = configs.get(env);
  if (!config) {
    config = Object.freeze(parseConfig(env));
    configs.set(env, config);
  }
  return config;
}

function parseConfig(env: Env): Config {
  const environment = env.ENVIRONMENT === "development" ? "development" : "production";
  // Only development falls back to the local origin: a production link must never point there.
  const fallbackBaseUrl = environment === "development" ? DEFAULTS.publicBaseUrl : "";
  const dkimDomain = nonEmpty(env.DKIM_DOMAIN);
  const dkimSelector = nonEmpty(env.DKIM_SELECTOR);
  const dkimPrivateKey = nonEmpty(env.DKIM_PRIVATE_KEY);
  const wantedLocale = nonEmpty(env.DEFAULT_LOCALE);
  const defaultLocale = wantedLocale === undefined ? DEFAULT_LOCALE : findLocale(wantedLocale);
  return {
    environment,
    appName: nonEmpty(env.APP_NAME) ?? DEFAULTS.appName,
    publicBaseUrl: (nonEmpty(env.PUBLIC_BASE_URL) ?? fallbackBaseUrl).replace(/\/+$/, ""),
    deepLinkScheme: nonEmpty(env.DEEP_LINK_SCHEME) ?? DEFAULT_DEEP_LINK_SCHEME,
    resetTokenTtlMs: positiveInteger(env.RESET_TOKEN_TTL_MINUTES, DEFAULTS.resetTokenTtlMinutes) * 60_000,
    mailTransport: env.MAIL_TRANSPORT === "mailchannels" ? "mailchannels" : "outbox",
    mailFrom: nonEmpty(env.MAIL_FROM) ?? DEFAULTS.mailFrom,
    mailchannels: {
      apiUrl: nonEmpty(env.MAILCHANNELS_API_URL) ?? DEFAULTS.mailchannelsApiUrl,
      apiKey: nonEmpty(env.MAILCHANNELS_API_KEY),
    },
    mailRetryDelaysSeconds: readDelayList(env.MAIL_RETRY_DELAYS_SECONDS) ?? [...DEFAULTS.mailRetryDelaysSeconds],
    dkim:
      dkimDomain && dkimSelector && dkimPrivateKey
        ? { domain: dkimDomain, selector: dkimSelector, privateKey: dkimPrivateKey }
        : undefined,
    passwordMinLength: Math.min(
      positiveInteger(env.PASSWORD_MIN_LENGTH, DEFAULT_PASSWORD_MIN_LENGTH),
      PASSWORD_MAX_LENGTH,
    ),
    signInUrl: nonEmpty(env.SIGN_IN_URL) ?? PagePath.signIn,
    signInEmailUrl: nonEmpty(env.SIGN_IN_URL) ?? `${(nonEmpty(env.PUBLIC_BASE_URL) ?? fallbackBaseUrl).replace(/\/+$/, "")}${PagePath.signIn}`,
    breachedPasswordCheck: {
      enabled: env.BREACHED_PASSWORD_CHECK?.trim() !== "off",
      // The prefix is appended to the URL, so it must end with a slash.
      apiUrl: (nonEmpty(env.PWNED_PASSWORDS_API_URL) ?? DEFAULTS.pwnedPasswordsApiUrl).replace(/\/*$/, "/"),
    },
    defaultLocale: defaultLocale ?? DEFAULT_LOCALE,
    unknownDefaultLocale: defaultLocale === undefined ? wantedLocale : undefined,
    rateLimitsEnabled: !(environment === "development" && env.RATE_LIMITS?.trim() === "off"),
    hmacKeyProblem: findHmacKeyProblem(env.HMAC_KEY),
    webhooks: readWebhookConfig(env),
    adminApiToken: nonEmpty(env.ADMIN_API_TOKEN),
  };
}

function readWebhookConfig(env: Env): WebhookConfig {
  const secret = readWebhookSecret(env.WEBHOOK_SECRET);
  return {
    url: nonEmpty(env.WEBHOOK_URL),
    secret: secret instanceof Uint8Array ? secret : undefined,
    secretProblem: secret instanceof Uint8Array ? null : secret,
    retryDelaysSeconds: readDelayList(env.WEBHOOK_RETRY_DELAYS_SECONDS) ?? [...DEFAULTS.webhookRetryDelaysSeconds],
  };
}

/** The key bytes of `whsec_<base64>`, or why there are none. */
function readWebhookSecret(value: string | undefined): Uint8Array | "missing" | "malformed" {
  const secret = nonEmpty(value);
  if (secret === undefined) return "missing";
  if (!secret.startsWith("whsec_")) return "malformed";
  const key = decodePaddedBase64(secret.slice("whsec_".length));
  return key && key.byteLength >= WEBHOOK_SECRET_MIN_BYTES ? key : "malformed";
}

function findHmacKeyProblem(value: string | undefined): HmacKeyProblem | null {
  const key = nonEmpty(value);
  if (key === undefined) return "missing";
  if (key === DEVELOPMENT_HMAC_KEY) return "development";
  if (new TextEncoder().encode(key).byteLength < HMAC_KEY_MIN_BYTES) return "short";
  return null;
}

const HMAC_KEY_ADVICE = "run `openssl rand -base64 32 | wrangler secret put HMAC_KEY`";
const HMAC_KEY_SENTENCES: Record<HmacKeyProblem, string> = {
  missing: `is not set; ${HMAC_KEY_ADVICE}`,
  development: `is the public development key from wrangler.toml; ${HMAC_KEY_ADVICE}`,
  short: `is shorter than ${HMAC_KEY_MIN_BYTES} bytes; ${HMAC_KEY_ADVICE}`,
};

/**
 * What a production Worker needs before it may serve, one row per setting. Each check returns
 * why the setting is wrong, or null. Development is never checked: `npm start` must just work.
 */
const PRODUCTION_CHECKS: ReadonlyArray<{ setting: string; check: (config: Config) => string | null }> = [
  {
    setting: "MAIL_TRANSPORT",
    check: (config) =>
      config.mailTransport === "mailchannels" ? null : 'must be "mailchannels" in production; the outbox keeps mail in D1 and sends nothing',
  },
  {
    setting: "MAILCHANNELS_API_KEY",
    check: (config) => (config.mailchannels.apiKey ? null : "is not set; run `wrangler secret put MAILCHANNELS_API_KEY`"),
  },
  {
    setting: "HMAC_KEY",
    check: (config) => (config.hmacKeyProblem ? HMAC_KEY_SENTENCES[config.hmacKeyProblem] : null),
  },
  { setting: "PUBLIC_BASE_URL", check: (config) => describePublicBaseUrlProblem(config.publicBaseUrl) },
  { setting: "PWNED_PASSWORDS_API_URL", check: (config) => describeRangeApiUrlProblem(config.breachedPasswordCheck) },
  {
    setting: "ADMIN_API_TOKEN",
    check: ({ adminApiToken }) =>
      adminApiToken === undefined || new TextEncoder().encode(adminApiToken).byteLength >= ADMIN_API_TOKEN_MIN_BYTES
        ? null
        : `is shorter than ${ADMIN_API_TOKEN_MIN_BYTES} bytes; run \`openssl rand -base64 32 | wrangler secret put ADMIN_API_TOKEN\`, or delete it to switch the operator API off`,
  },
  { setting: "WEBHOOK_URL", check: (config) => describeWebhookUrlProblem(config.webhooks.url) },
  {
    setting: "WEBHOOK_SECRET",
    check: ({ webhooks }) =>
      webhooks.url === undefined || webhooks.secretProblem === null
        ? null
        : `is ${webhooks.secretProblem === "missing" ? "not set" : "not whsec_ and the base64 of at least 24 bytes"} while WEBHOOK_URL is; run \`echo "whsec_$(openssl rand -base64 32)" | wrangler secret put WEBHOOK_SECRET\``,
  },
  {
    setting: "DEFAULT_LOCALE",
    check: (config) =>
      config.unknownDefaultLocale === undefined ? null : `is "${config.unknownDefaultLocale}", not one of ${LOCALES.join(", ")}`,
  },
];

/** Returns one sentence naming the first production setting that is missing or wrong, or null. */
export function findMisconfiguration(config: Config): string | null {
  if (config.environment === "development") return null;
  for (const { setting, check } of PRODUCTION_CHECKS) {
    const problem = check(config);
    if (problem) return `${setting} ${problem}`;
  }
  return null;
}

function describePublicBaseUrlProblem(value: string): string | null {
  const hint = "set it to the https origin of this Worker, e.g. https://reset.example.com";
  if (!value) return `is not set; ${hint}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL; ${hint}`;
  }
  if (url.protocol !== "https:") return `is not https; ${hint}`;
  if (isLoopbackHost(url.hostname)) return `points at this machine (${url.hostname}); ${hint}`;
  return null;
}

/** Events go out over https only; plain http only to a receiver on this machine. */
function describeWebhookUrlProblem(value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL; set it to your receiver's https URL, or leave it empty to send no events";
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname))) return null;
  return "must be https; leave it empty to send no events";
}

/** The range API must be https, or plain http to a stand-in on this machine. */
function describeRangeApiUrlProblem({ enabled, apiUrl }: Config["breachedPasswordCheck"]): string | null {
  if (!enabled) return null;
  const hint = `the default is ${DEFAULTS.pwnedPasswordsApiUrl}; BREACHED_PASSWORD_CHECK=off switches the check off`;
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return `is not a URL; ${hint}`;
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname))) return null;
  return `must be https in production; ${hint}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Reads "30,60,120" into seconds; null (use the default) unless every entry is a positive integer. */
function readDelayList(value: string | undefined): number[] | null {
  const entries = nonEmpty(value)?.split(",").map((entry) => Number(entry.trim()));
  if (!entries || !entries.every((entry) => Number.isInteger(entry) && entry > 0)) return null;
  return entries;
}
