/**
 * The one list of IPC channel names. The preload maps its public `api` onto these channels and
 * the main process registers one handler per channel, so both sides always agree on the names.
 */
export enum IpcChannel {
  RequestReset = "resetkit:request-reset",
  VerifyToken = "resetkit:verify-token",
  ConfirmReset = "resetkit:confirm-reset",
  RedeemResetCode = "resetkit:redeem-reset-code",
  CreateAccount = "resetkit:create-account",
  VerifyEmail = "resetkit:verify-email",
  SignIn = "resetkit:sign-in",
  SignOut = "resetkit:sign-out",
  SignOutEverywhere = "resetkit:sign-out-everywhere",
  ChangePassword = "resetkit:change-password",
  Me = "resetkit:me",
  /** The renderer asks for deep links; main then sends any waiting one on `DeepLink`. */
  SubscribeDeepLinks = "resetkit:subscribe-deep-links",
  /** Main → renderer: a parsed deep link (reset, email verification or sign-in). */
  DeepLink = "resetkit:deep-link",
  /** The language the app speaks now: chosen in the menu, or the system's. */
  GetLocale = "resetkit:get-locale",
  /** Main → renderer: the language was changed in the menu. */
  LocaleChanged = "resetkit:locale-changed",
}

/** The channels the renderer may invoke; `DeepLink` and `LocaleChanged` only flow from main to the renderer. */
export const INVOKE_CHANNELS = [
  IpcChannel.RequestReset,
  IpcChannel.VerifyToken,
  IpcChannel.ConfirmReset,
  IpcChannel.RedeemResetCode,
  IpcChannel.CreateAccount,
  IpcChannel.VerifyEmail,
  IpcChannel.SignIn,
  IpcChannel.SignOut,
  IpcChannel.SignOutEverywhere,
  IpcChannel.ChangePassword,
  IpcChannel.Me,
  IpcChannel.SubscribeDeepLinks,
  IpcChannel.GetLocale,
] as const;
