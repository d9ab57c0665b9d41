/**
 * The main process's side of the preload `api`: one handler per channel of `IpcChannel`. Every
 * handler first checks who is asking (the top frame of our own bundled page, nothing else) and
 * what it sent (the shared zod schemas the Worker uses too), and only then calls the Worker.
 * A refused call never reaches the network. The session token stays here, in main.
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
import type { ApiFailure, ApiResult, SignedInAccount, SignInOutcome } from "../ipc/api-result.ts";
import { INVOKE_CHANNELS, IpcChannel } from "../ipc/channels.ts";
import type { ApiClient } from "./api-client.ts";
import type { SessionStore } from "./session-store.ts";

/** What a handler needs from Electron's IpcMainInvokeEvent. */
export interface IpcSenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type IpcHandler<E extends IpcSenderEvent> = (event: E, payload?: unknown) => Promise<ApiResult<unknown>>;

export interface IpcHandlerDeps<E extends IpcSenderEvent> {
  client: ApiClient;
  sessions: SessionStore;
  /** The URL of our own renderer page: app://resetkit/index.html, or the dev server in development. */
  trustedRendererUrl: string;
  /** Connects the asking renderer to the deep-link inbox. */
  subscribeDeepLinks(event: E): void;
}

const UNTRUSTED_SENDER: ApiFailure = {
  status: 0,
  code: "untrusted_sender",
  message: "This request did not come from the ResetKit window, so it was refused.",
};
const UNEXPECTED_PAYLOAD: ApiFailure = {
  status: 400,
  code: ErrorCode.validationFailed,
  message: "The request carried data it does not accept.",
};
const NOT_SIGNED_IN: ApiFailure = { status: 401, code: ErrorCode.unauthorized, message: "You are not signed in." };
const SAVED_SESSION_ENDED: ApiFailure = {
  status: 401,
  code: "saved_session_ended",
  message: "Your saved sign-in has ended, for example after a password change. Sign in again.",
};

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

/** Parses a payload with a shared schema, turning a failure into a readable ApiFailure. */
export function validatePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; error: ApiFailure } {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors = fieldErrorsFrom(parsed.error);
  const message = Object.values(fieldErrors)[0] ?? "The request was not valid.";
  return { ok: false, error: { status: 400, code: ErrorCode.validationFailed, message, fieldErrors } };
}

/** Channels without a payload refuse anything sent along, rather than ignore it. */
function hasNoPayload(payload: unknown): boolean {
  return payload === undefined;
}

/** Builds the handler for every invokable channel. */
export function createIpcHandlers<E extends IpcSenderEvent>(deps: IpcHandlerDeps<E>): Record<InvokeChannel, IpcHandler<E>> {
  const { client, sessions } = deps;
  const guard =
    (handle: (event: E, payload: unknown) => Promise<ApiResult<unknown>>): IpcHandler<E> =>
    async (event, payload) => {
      if (!isTrustedSender(event, deps.trustedRendererUrl)) return { ok: false, error: UNTRUSTED_SENDER };
      return handle(event, payload);
    };

  return {
    [IpcChannel.RequestReset]: guard(async (_event, payload) => {
      const request = validatePayload(passwordResetRequestSchema, payload);
      if (!request.ok) return request;
      return client.requestReset({ email: request.value.email, client: "desktop" });
    }),
    [IpcChannel.VerifyToken]: guard(async (_event, payload) => {
      const request = validatePayload(verifyResetRequestSchema, payload);
      if (!request.ok) return request;
      return client.verifyToken(request.value);
    }),
    [IpcChannel.ConfirmReset]: guard(async (_event, payload) => {
      const request = validatePayload(confirmResetRequestSchema, payload);
      if (!request.ok) return request;
      return client.confirmReset(request.value);
    }),
    [IpcChannel.RedeemResetCode]: guard(async (_event, payload) => {
      const request = validatePayload(redeemResetCodeRequestSchema, payload);
      if (!request.ok) return request;
      return client.redeemResetCode(request.value);
    }),
    [IpcChannel.CreateAccount]: guard(async (_event, payload) => {
      const request = validatePayload(createAccountRequestSchema, payload);
      if (!request.ok) return request;
      // The app picks the link its email carries: the page cannot ask for the web one.
      return client.createAccount({ email: request.value.email, password: request.value.password, client: "desktop" });
    }),
    [IpcChannel.VerifyEmail]: guard(async (_event, payload) => {
      const request = validatePayload(verifyEmailRequestSchema, payload);
      if (!request.ok) return request;
      const account = await client.verifyEmail(request.value);
      if (!account.ok) return account;
      return { ok: true, value: { id: account.value.id, email: account.value.email } };
    }),
    [IpcChannel.SignIn]: guard(async (_event, payload) => {
      const request = validatePayload(signInPayloadSchema, payload);
      if (!request.ok) return request;
      const { email, password, keepSignedIn = false } = request.value;
      const deviceToken = sessions.readDeviceToken() ?? undefined;
      const session = await client.createSession({ email, password, ...(deviceToken ? { deviceToken } : {}) });
      if (!session.ok) return session;
      sessions.saveDeviceToken(session.value.deviceToken);
      const keep = sessions.save(session.value.token, { keep: keepSignedIn });
      const account = await readSignedInAccount(client, sessions);
      if (!account.ok) return account;
      const outcome: SignInOutcome = { ...account.value, keep: keep.kept ? "kept" : keep.reason };
      return { ok: true, value: outcome };
    }),
    [IpcChannel.ChangePassword]: guard(async (_event, payload) => {
      const request = validatePayload(changePasswordRequestSchema, payload);
      if (!request.ok) return request;
      const token = sessions.read();
      if (token === null) return { ok: false, error: NOT_SIGNED_IN };
      const changed = await client.changePassword(token, request.value);
      if (!changed.ok && changed.error.code === ErrorCode.unauthorized) sessions.clear();
      return changed;
    }),
    [IpcChannel.SignOutEverywhere]: guard(async (_event, payload) => {
      if (!hasNoPayload(payload)) return { ok: false, error: UNEXPECTED_PAYLOAD };
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
    [IpcChannel.SignOut]: guard(async (_event, payload) => {
      if (!hasNoPayload(payload)) return { ok: false, error: UNEXPECTED_PAYLOAD };
      const token = sessions.read();
      // Forget the token first: whatever the server says, this device is signed out.
      sessions.clear();
      if (token === null) return { ok: true, value: null };
      const deleted = await client.deleteSession(token);
      if (deleted.ok || deleted.error.status === 401) return { ok: true, value: null };
      return deleted;
    }),
    [IpcChannel.Me]: guard(async (_event, payload) => {
      if (!hasNoPayload(payload)) return { ok: false, error: UNEXPECTED_PAYLOAD };
      return readSignedInAccount(client, sessions);
    }),
    [IpcChannel.SubscribeDeepLinks]: guard(async (event, payload) => {
      if (!hasNoPayload(payload)) return { ok: false, error: UNEXPECTED_PAYLOAD };
      deps.subscribeDeepLinks(event);
      return { ok: true, value: null };
    }),
  };
}

/** The account behind the stored session; a rejected session is forgotten, on disk too. */
async function readSignedInAccount(client: ApiClient, sessions: SessionStore): Promise<ApiResult<SignedInAccount>> {
  const token = sessions.read();
  if (token === null) return { ok: false, error: NOT_SIGNED_IN };
  const restored = sessions.isRestored();
  const account = await client.readAccount(token);
  if (!account.ok) {
    if (account.error.status !== 401) return account;
    sessions.clear();
    return { ok: false, error: restored ? SAVED_SESSION_ENDED : account.error };
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
    ipcMain.handle(channel, (event, ...args) =>
      args.length > 1 ? { ok: false, error: UNEXPECTED_PAYLOAD } : handler(event, args[0]),
    );
  }
}
