/**
 * The one small API the renderer gets, and its type. Each method maps onto one IPC channel;
 * nothing else of Electron is reachable from the page. The renderer imports only the type
 * (`ResetKitApi`) from this file.
 *
 * @example
 * const result = await window.api.verifyToken({ token });
 * if (result.ok) show(result.value.email); else show(result.error.message);
 */
import type {
  AccountResponse,
  ChangePasswordRequest,
  ConfirmResetRequest,
  PasswordResetAcceptedResponse,
  RedeemResetCodeRequest,
  RedeemResetCodeResponse,
  SignUpAcceptedResponse,
  VerifyEmailRequest,
  VerifyResetRequest,
  VerifyResetResponse,
} from "../../../shared/contract.ts";
import type { DeepLink } from "../../../shared/deep-link.ts";
import { findLocale, type Locale } from "../../../shared/i18n/locales.ts";
import { isDeepLinkArrival } from "../ipc/deep-link-arrival.ts";
import type { ApiResult, SignedInAccount, SignInOutcome } from "../ipc/api-result.ts";
import { IpcChannel } from "../ipc/channels.ts";

/** The slice of `ipcRenderer` the API uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds the API object over an IPC transport. */
export function createApi(ipc: IpcRendererLike) {
  const call = <T>(channel: IpcChannel, payload?: unknown) =>
    (payload === undefined ? ipc.invoke(channel) : ipc.invoke(channel, payload)) as Promise<ApiResult<T>>;

  const api = {
    /** Asks for a reset email; the answer is the same whether or not the address has an account. */
    requestReset: (request: { email: string }) => call<PasswordResetAcceptedResponse>(IpcChannel.RequestReset, request),
    /** Checks a reset token and returns the masked email it belongs to. */
    verifyToken: (request: VerifyResetRequest) => call<VerifyResetResponse>(IpcChannel.VerifyToken, request),
    /** Sets the new password with a reset token. */
    confirmReset: (request: ConfirmResetRequest) => call<null>(IpcChannel.ConfirmReset, request),
    /** Trades the code from a reset email for a fresh reset token (the emailed link stops working). */
    redeemResetCode: (request: RedeemResetCodeRequest) => call<RedeemResetCodeResponse>(IpcChannel.RedeemResetCode, request),
    /** Signs up; main asks for the desktop link in the email. The answer is the same for a taken address. */
    createAccount: (request: { email: string; password: string }) => call<SignUpAcceptedResponse>(IpcChannel.CreateAccount, request),
    /** Confirms the address with the emailed token and the password chosen at sign-up. */
    verifyEmail: (request: VerifyEmailRequest) => call<AccountResponse>(IpcChannel.VerifyEmail, request),
    /** Signs in; the session token stays in the main process, which keeps it for the next launch when asked to and able to. */
    signIn: (request: { email: string; password: string; keepSignedIn?: boolean }) => call<SignInOutcome>(IpcChannel.SignIn, request),
    /** Signs out on this device and on the server. */
    signOut: () => call<null>(IpcChannel.SignOut),
    /** Ends every session of the account, on every device, this one included. */
    signOutEverywhere: () => call<null>(IpcChannel.SignOutEverywhere),
    /** Changes the password; this session stays signed in, every other one ends. */
    changePassword: (request: ChangePasswordRequest) => call<null>(IpcChannel.ChangePassword, request),
    /** The signed-in account, or a 401 failure. */
    me: () => call<SignedInAccount>(IpcChannel.Me),
    /** The language the app speaks: the one chosen in its menu, or the system's. */
    getLocale: () => call<Locale>(IpcChannel.GetLocale),
    /** Calls `callback` with each language chosen in the menu from now on; returns an unsubscribe function. */
    onLocaleChange(callback: (locale: Locale) => void): () => void {
      // Only one of our locales reaches the page, in our spelling, whatever main sent.
      const listener = (_event: unknown, sent: unknown) => {
        const locale = typeof sent === "string" ? findLocale(sent) : undefined;
        if (locale) callback(locale);
      };
      ipc.on(IpcChannel.LocaleChanged, listener);
      return () => {
        ipc.removeListener(IpcChannel.LocaleChanged, listener);
      };
    },
    /**
     * Calls `callback` with each deep link the app is opened with, and whether it came at launch;
     * returns an unsubscribe function.
     */
    onDeepLink(callback: (link: DeepLink, arrival: { atLaunch: boolean }) => void): () => void {
      // Only the fields of a well-formed link reach the page, whatever main sent.
      const listener = (_event: unknown, arrival: unknown) => {
        if (!isDeepLinkArrival(arrival)) return;
        const { link, atLaunch } = arrival;
        callback(link.kind === "sign-in" ? { kind: link.kind } : { kind: link.kind, token: link.token }, { atLaunch });
      };
      ipc.on(IpcChannel.DeepLink, listener);
      void ipc.invoke(IpcChannel.SubscribeDeepLinks);
      return () => {
        ipc.removeListener(IpcChannel.DeepLink, listener);
      };
    },
  };
  return api;
}

export type ResetKitApi = ReturnType<typeof createApi>;
