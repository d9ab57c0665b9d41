/**
 * The main process's side of the preload `api`: one handler per channel of `IpcChannel`. Every
 * handler first checks who is asking (the top frame of our own bundled page, nothing else) and
 * what it sent (the shared zod schemas the Worker uses too), and only then calls the Worker.
 * A refused call never reaches the network. The session token stays here, in main. Main's own
 * sentences (a refused sender, a field the schema refused) are in the app's language of the moment
 * the call arrived, as the Worker's answer to it is.
 */
import { z } from "zod";
import {
  changePasswordRequestSchema,
  confirmResetRequestSchema,
  createAccountRequestSchema,
  fieldErrorsFrom,
  passwordResetRequestSchema,
  redeemResetCodeRequestSchema,
  signInRequestSchema,
  verifyEmailRequestSchema,
  verifyResetRequestSchema,
} from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import type { Locale } from "../../../shared/i18n/locales.ts";
import { translatorFor, type Translator } from "../../../shared/i18n/translator.ts";
import { APP_NAME } from "../app-name.ts";
import type { ApiFailure, ApiResult, SignedInAccount, SignInOutcome } from "../ipc/api-result.ts";
import { INVOKE_CHANNELS, IpcChannel } from "../ipc/channels.ts";
import type { ApiClient } from "./api-client.ts";
import type { SessionStore } from "./session-store.ts";
import { readSystemTimeZone } from "./time-zone.ts";

/** What a handler needs from Electron's IpcMainInvokeEvent. */
export interface IpcSenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
/** One channel's handler: at most one payload; anything sent after it is refused. */
export type IpcHandler<E extends IpcSenderEvent> = (event: E, ...args: unknown[]) => Promise<ApiResult<unknown>>;

export interface IpcHandlerDeps<E extends IpcSenderEvent> {
  client: ApiClient;
  sessions: SessionStore;
  /** The URL of our own renderer page: app://resetkit/index.html, or the dev server in development. */
  trustedRendererUrl: string;
  /** Connects the asking renderer to the deep-link inbox. */
  subscribeDeepLinks(event: E): void;
  /** The app's language now; main's own sentences are in it. */
  locale(): Locale;
  /** The system's IANA time zone, sent with reset requests and sign-ups; defaults to the system's own. */
  timeZone?(): string | undefined;
}

/** Main's own refusals, put into words in the app's language when they are given. */
const untrustedSender = ({ t }: Translator): ApiFailure => ({
  status: 0,
  code: "untrusted_sender",
  message: t("app.error.untrustedSender", { appName: APP_NAME }),
});
const unexpectedPayload = ({ t }: Translator): ApiFailure => ({
  status: 400,
  code: ErrorCode.validationFailed,
  message: t("app.error.unexpectedPayload"),
});
const notSignedIn = ({ t }: Translator): ApiFailure => ({ status: 401, code: ErrorCode.unauthorized, message: t("app.error.notSignedIn") });
const savedSessionEnded = ({ t }: Translator): ApiFailure => ({
  status: 401,
  code: "saved_session_ended",
  message: t("app.error.savedSessionEnded"),
});

/** What the Sign in screen sends: the API's fields, less the device token, which main keeps itself. */
const signInPayloadSchema = signInRequestSchema.omit({ deviceToken: true }).extend({ keepSignedIn: z.boolean().optional() });

/** True only for the top frame of our own renderer page. */
export function isTrustedSender(event: IpcSenderEvent, trustedRendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  let sender: URL;
  let trusted: URL;
  try {
    sender = new URL(frame.url);
    trusted = new URL(trustedRendererUrl);
  } catch {
    return false;
  }
  // The dev server is trusted by origin (its modules load from many paths). Any other page,
  // such as app://resetkit/index.html, must be that exact page: a custom scheme's origin is
  // opaque ("null"), so comparing origins there would trust every page of every such scheme.
  if (trusted.protocol === "http:" || trusted.protocol === "https:") return sender.origin === trusted.origin;
  return sender.protocol === trusted.protocol && sender.host === trusted.host && sender.pathname === trusted.pathname;
}

/** Parses a payload with a shared schema, turning a failure into a readable ApiFailure in `words`' language. */
export function validatePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
  words: Translator,
): { ok: true; value: z.infer<S> } | { ok: false; error: ApiFailure } {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsFrom(parsed.error)).map(([field, problem]) => [field, words.t(problem)]));
  const message = Object.values(fieldErrors)[0] ?? words.t("app.error.invalidRequest");
  return { ok: false, error: { status: 400, code: ErrorCode.validationFailed, message, fieldErrors } };
}

/** Channels without a payload refuse anything sent along, rather than ignore it. */
function hasNoPayload(payload: unknown): boolean {
  return payload === undefined;
}

/** Builds the handler for every invokable channel. */
export function createIpcHandlers<E extends IpcSenderEvent>(deps: IpcHandlerDeps<E>): Record<InvokeChannel, IpcHandler<E>> {
  const { client, sessions } = deps;
  const readTimeZone = deps.timeZone ?? readSystemTimeZone;
  // Each call is answered in the language of the moment it arrived.
  const guard =
    (handle: (event: E, payload: unknown, words: Translator) => Promise<ApiResult<unknown>>): IpcHandler<E> =>
    async (event, ...args) => {
      const words = translatorFor(deps.locale());
      if (!isTrustedSender(event, deps.trustedRendererUrl)) return { ok: false, error: untrustedSender(words) };
      if (args.length > 1) return { ok: false, error: unexpectedPayload(words) };
      return handle(event, args[0], words);
    };
  /** The zone for an email's expiry time, when the system has one. */
  const withTimeZone = () => {
    const timeZone = readTimeZone();
    return timeZone ? { timeZone } : {};
  };

  return {
    [IpcChannel.RequestReset]: guard(async (_event, payload, words) => {
      const request = validatePayload(passwordResetRequestSchema, payload, words);
      if (!request.ok) return request;
      return client.requestReset({ email: request.value.email, client: "desktop", ...withTimeZone() });
    }),
    [IpcChannel.VerifyToken]: guard(async (_event, payload, words) => {
      const request = validatePayload(verifyResetRequestSchema, payload, words);
      if (!request.ok) return request;
      return client.verifyToken(request.value);
    }),
    [IpcChannel.ConfirmReset]: guard(async (_event, payload, words) => {
      const request = validatePayload(confirmResetRequestSchema, payload, words);
      if (!request.ok) return request;
      return client.confirmReset(request.value);
    }),
    [IpcChannel.RedeemResetCode]: guard(async (_event, payload, words) => {
      const request = validatePayload(redeemResetCodeRequestSchema, payload, words);
      if (!request.ok) return request;
      return client.redeemResetCode(request.value);
    }),
    [IpcChannel.CreateAccount]: guard(async (_event, payload, words) => {
      const request = validatePayload(createAccountRequestSchema, payload, words);
      if (!request.ok) return request;
      // The app picks the link its email carries: the page cannot ask for the web one.
      return client.createAccount({ email: request.value.email, password: request.value.password, client: "desktop", ...withTimeZone() });
    }),
    [IpcChannel.VerifyEmail]: guard(async (_event, payload, words) => {
      const request = validatePayload(verifyEmailRequestSchema, payload, words);
      if (!request.ok) return request;
      const account = await client.verifyEmail(request.value);
      if (!account.ok) return account;
      return { ok: true, value: { id: account.value.id, email: account.value.email } };
    }),
    [IpcChannel.SignIn]: guard(async (_event, payload, words) => {
      const request = validatePayload(signInPayloadSchema, payload, words);
      if (!request.ok) return request;
      const { email, password, keepSignedIn = false } = request.value;
      const deviceToken = sessions.readDeviceToken() ?? undefined;
      const session = await client.createSession({ email, password, ...(deviceToken ? { deviceToken } : {}) });
      if (!session.ok) return session;
      sessions.saveDeviceToken(session.value.deviceToken);
      const keep = sessions.save(session.value.token, { keep: keepSignedIn });
      const account = await readSignedInAccount(client, sessions, words);
      if (!account.ok) return account;
      const outcome: SignInOutcome = { ...account.value, keep: keep.kept ? "kept" : keep.reason };
      return { ok: true, value: outcome };
    }),
    [IpcChannel.ChangePassword]: guard(async (_event, payload, words) => {
      const request = validatePayload(changePasswordRequestSchema, payload, words);
      if (!request.ok) return request;
      const token = sessions.read();
      if (token === null) return { ok: false, error: notSignedIn(words) };
      const changed = await client.changePassword(token, request.value);
      if (!changed.ok && changed.error.code === ErrorCode.unauthorized) sessions.clear();
      return changed;
    }),
    [IpcChannel.SignOutEverywhere]: guard(async (_event, payload, words) => {
      if (!hasNoPayload(payload)) return { ok: false, error: unexpectedPayload(words) };
      const token = sessions.read();
      if (token === null) return { ok: true, value: null };
      const ended = await client.deleteAllSessions(token);
      // Only a refusal of the token itself means it has ended already; anything else may be retried.
      if (ended.ok || ended.error.status === 401) {
        sessions.clear();
        return { ok: true, value: null };
      }
      return ended;
    }),
    [IpcChannel.SignOut]: guard(async (_event, payload, words) => {
      if (!hasNoPayload(payload)) return { ok: false, error: unexpectedPayload(words) };
      const token = sessions.read();
      // Forget the token first: whatever the server says, this device is signed out.
      sessions.clear();
      if (token === null) return { ok: true, value: null };
      const deleted = await client.deleteSession(token);
      if (deleted.ok || deleted.error.status === 401) return { ok: true, value: null };
      return deleted;
    }),
    [IpcChannel.Me]: guard(async (_event, payload, words) => {
      if (!hasNoPayload(payload)) return { ok: false, error: unexpectedPayload(words) };
      return readSignedInAccount(client, sessions, words);
    }),
    [IpcChannel.SubscribeDeepLinks]: guard(async (event, payload, words) => {
      if (!hasNoPayload(payload)) return { ok: false, error: unexpectedPayload(words) };
      deps.subscribeDeepLinks(event);
      return { ok: true, value: null };
    }),
    [IpcChannel.GetLocale]: guard(async (_event, payload, words) => {
      if (!hasNoPayload(payload)) return { ok: false, error: unexpectedPayload(words) };
      return { ok: true, value: words.locale };
    }),
  };
}

/** The account behind the stored session; a rejected session is forgotten, on disk too. */
async function readSignedInAccount(client: ApiClient, sessions: SessionStore, words: Translator): Promise<ApiResult<SignedInAccount>> {
  const token = sessions.read();
  if (token === null) return { ok: false, error: notSignedIn(words) };
  const restored = sessions.isRestored();
  const account = await client.readAccount(token);
  if (!account.ok) {
    if (account.error.status !== 401) return account;
    sessions.clear();
    return { ok: false, error: restored ? savedSessionEnded(words) : account.error };
  }
  return { ok: true, value: { id: account.value.id, email: account.value.email } };
}

/** Registers every handler with `ipcMain.handle`. */
export function registerIpcHandlers<E extends IpcSenderEvent>(
  ipcMain: { handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void },
  handlers: Record<InvokeChannel, IpcHandler<E>>,
): void {
  for (const channel of INVOKE_CHANNELS) {
    const handler = handlers[channel];
    ipcMain.handle(channel, (event, ...args) => handler(event, ...args));
  }
}
