import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createApi } from "../../../desktop/src/preload/api.ts";
import { IpcChannel } from "../../../desktop/src/ipc/channels.ts";

const TOKEN = randomBytes(32).toString("base64url");

/** A stand-in for Electron's ipcRenderer that records invokes and lets the test play main. */
class StandInIpcRenderer extends EventEmitter {
  readonly invoked: unknown[][] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ ok: true, value: null });
  }
  /** Main sends on a channel, as webContents.send would. */
  sendFromMain(channel: string, payload: unknown): void {
    this.emit(channel, { sender: "ipc event" }, payload);
  }
}

describe("the preload api", () => {
  it("exposes exactly the fourteen documented functions", () => {
    expect(Object.keys(createApi(new StandInIpcRenderer())).sort()).toEqual(
      [
        "changePassword",
        "confirmReset",
        "createAccount",
        "getLocale",
        "me",
        "onDeepLink",
        "onLocaleChange",
        "redeemResetCode",
        "requestReset",
        "signIn",
        "signOut",
        "signOutEverywhere",
        "verifyEmail",
        "verifyToken",
      ].sort(),
    );
  });

  it("maps each function onto its own channel, passing the payload through", async () => {
    const ipc = new StandInIpcRenderer();
    const api = createApi(ipc);
    await api.requestReset({ email: "ada@example.com" });
    await api.verifyToken({ token: TOKEN });
    await api.confirmReset({ token: TOKEN, password: "a long and unusual passphrase" });
    await api.redeemResetCode({ email: "ada@example.com", code: "7KQ2-M9XD" });
    await api.createAccount({ email: "ada@example.com", password: "a long and unusual passphrase" });
    await api.verifyEmail({ token: TOKEN, password: "a long and unusual passphrase" });
    await api.signIn({ email: "ada@example.com", password: "correct horse battery staple" });
    await api.signOut();
    await api.me();
    await api.getLocale();
    expect(ipc.invoked).toEqual([
      [IpcChannel.RequestReset, { email: "ada@example.com" }],
      [IpcChannel.VerifyToken, { token: TOKEN }],
      [IpcChannel.ConfirmReset, { token: TOKEN, password: "a long and unusual passphrase" }],
      [IpcChannel.RedeemResetCode, { email: "ada@example.com", code: "7KQ2-M9XD" }],
      [IpcChannel.CreateAccount, { email: "ada@example.com", password: "a long and unusual passphrase" }],
      [IpcChannel.VerifyEmail, { token: TOKEN, password: "a long and unusual passphrase" }],
      [IpcChannel.SignIn, { email: "ada@example.com", password: "correct horse battery staple" }],
      [IpcChannel.SignOut],
      [IpcChannel.Me],
      [IpcChannel.GetLocale],
    ]);
  });

  it("subscribes to deep links, asks main for a waiting one and hands over only the token and whether it came at launch", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    createApi(ipc).onDeepLink((link, arrival) => received.push([link, arrival]));
    expect(ipc.invoked).toEqual([[IpcChannel.SubscribeDeepLinks]]);
    ipc.sendFromMain(IpcChannel.DeepLink, { link: { kind: "reset-password", token: TOKEN, extra: "ignored" }, atLaunch: true, more: "ignored" });
    expect(received).toEqual([[{ kind: "reset-password", token: TOKEN }, { atLaunch: true }]]);
  });

  it("hands over an email verification link with only its token", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    createApi(ipc).onDeepLink((link, arrival) => received.push([link, arrival]));
    ipc.sendFromMain(IpcChannel.DeepLink, { link: { kind: "verify-email", token: TOKEN, email: "ada@example.com" }, atLaunch: false });
    ipc.sendFromMain(IpcChannel.DeepLink, { link: { kind: "verify-email", token: TOKEN.slice(1) }, atLaunch: false });
    expect(received).toEqual([[{ kind: "verify-email", token: TOKEN }, { atLaunch: false }]]);
  });

  it("hands over a sign-in link as its kind alone", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    createApi(ipc).onDeepLink((link) => received.push(link));
    ipc.sendFromMain(IpcChannel.DeepLink, { link: { kind: "sign-in", token: TOKEN }, atLaunch: false });
    expect(received).toEqual([{ kind: "sign-in" }]);
  });

  it("ignores a deep-link message without a well-formed link or arrival", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    createApi(ipc).onDeepLink((link) => received.push(link));
    const link = { kind: "reset-password", token: TOKEN };
    for (const payload of [
      null,
      "resetkit://reset-password",
      link,
      { link: { token: TOKEN.slice(1) }, atLaunch: false },
      { link: { kind: "reset-password", token: 42 }, atLaunch: false },
      { link: { kind: "other", token: TOKEN }, atLaunch: false },
      { link, atLaunch: "yes" },
      { link },
    ]) {
      ipc.sendFromMain(IpcChannel.DeepLink, payload);
    }
    expect(received).toEqual([]);
  });

  it("stops calling back once unsubscribed", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    const unsubscribe = createApi(ipc).onDeepLink((link) => received.push(link));
    unsubscribe();
    ipc.sendFromMain(IpcChannel.DeepLink, { link: { kind: "reset-password", token: TOKEN }, atLaunch: false });
    expect(received).toEqual([]);
    expect(ipc.listenerCount(IpcChannel.DeepLink)).toBe(0);
  });
  it("hands over each language main announces, in our spelling, and nothing else", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    createApi(ipc).onLocaleChange((locale) => received.push(locale));
    expect(ipc.invoked).toEqual([]);
    for (const payload of ["de", "AR", "en-xa", "pt-BR", "", 42, null, { locale: "fr" }, ["ja"]]) {
      ipc.sendFromMain(IpcChannel.LocaleChanged, payload);
    }
    expect(received).toEqual(["de", "ar", "en-XA"]);
  });

  it("stops passing on languages once unsubscribed", () => {
    const ipc = new StandInIpcRenderer();
    const received: unknown[] = [];
    const unsubscribe = createApi(ipc).onLocaleChange((locale) => received.push(locale));
    unsubscribe();
    ipc.sendFromMain(IpcChannel.LocaleChanged, "ja");
    expect(received).toEqual([]);
    expect(ipc.listenerCount(IpcChannel.LocaleChanged)).toBe(0);
  });
});
