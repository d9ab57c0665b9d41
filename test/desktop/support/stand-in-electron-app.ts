/**
 * A stand-in for the parts of Electron's `app` that protocol.ts uses, for machines without the
 * Electron binary. It records what the module asked of the OS and lets a test play the OS:
 * become ready, launch a second copy, or hand over a macOS `open-url`.
 */
import { EventEmitter } from "node:events";
import type { ProtocolApp } from "../../../desktop/src/main/protocol.ts";

export class StandInElectronApp extends EventEmitter implements ProtocolApp {
  readonly registeredSchemes: { protocol: string; path?: string; args?: string[] }[] = [];
  quitCalled = false;
  private readonly ready: Promise<void>;
  private resolveReady: () => void = () => {};

  constructor(private readonly lockAvailable = true) {
    super();
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.registeredSchemes.push(path === undefined ? { protocol } : { protocol, path, args: args ?? [] });
    return true;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  quit(): void {
    this.quitCalled = true;
  }

  /** Fires `ready` and waits for the callbacks queued on it. */
  async becomeReady(): Promise<void> {
    this.resolveReady();
    await this.ready;
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** A second launch with `argv` (Windows and Linux). */
  async launchSecondInstance(argv: string[]): Promise<void> {
    this.emit("second-instance", {}, argv, "/");
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** macOS hands a URL over; returns whether the default handling was prevented. */
  async openUrl(url: string): Promise<boolean> {
    let prevented = false;
    this.emit("open-url", { preventDefault: () => (prevented = true) }, url);
    await new Promise((resolve) => setImmediate(resolve));
    return prevented;
  }
}
