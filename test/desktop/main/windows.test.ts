import { describe, expect, it } from "vitest";
import {
  buildWebPreferences,
  decideWindowOpen,
  denyPermissionRequest,
  hardenSession,
  preventNavigation,
  readExternalHttpsUrl,
} from "../../../desktop/src/main/windows.ts";

/** Records what would have been opened in the system browser. */
function recordOpened() {
  const opened: string[] = [];
  return { opened, openExternal: (url: string) => opened.push(url) };
}

function navigationEvent() {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

describe("the main window's web preferences", () => {
  it("isolate the page, sandbox it and keep Node out of it", () => {
    expect(buildWebPreferences("/app/out/preload/index.cjs")).toMatchObject({
      preload: "/app/out/preload/index.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe("window.open and target=_blank links", () => {
  it("never open an Electron window, and send an https link to the system browser", () => {
    const browser = recordOpened();
    expect(decideWindowOpen({ url: "https://example.com/help" }, browser.openExternal)).toEqual({ action: "deny" });
    expect(browser.opened).toEqual(["https://example.com/help"]);
  });

  it.each([
    ["a plain http link", "http://example.com/"],
    ["a local file", "file:///etc/passwd"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<h1>hi</h1>"],
    ["another app's scheme", "ms-settings:privacy"],
    ["an https link with credentials", "https://user:secret@example.com/"],
    ["text that is not a URL", "not a url"],
  ])("deny %s without opening anything", (_case, url) => {
    const browser = recordOpened();
    expect(decideWindowOpen({ url }, browser.openExternal)).toEqual({ action: "deny" });
    expect(browser.opened).toEqual([]);
  });
});

describe("navigation away from the app's page", () => {
  it("is prevented, and an https destination opens in the system browser", () => {
    const browser = recordOpened();
    const event = navigationEvent();
    preventNavigation(event, "https://example.com/privacy", browser.openExternal);
    expect(event.prevented).toBe(true);
    expect(browser.opened).toEqual(["https://example.com/privacy"]);
  });

  it.each([
    ["another local file", "file:///tmp/evil.html"],
    ["a plain http page", "http://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
  ])("is prevented for %s, which opens nowhere", (_case, url) => {
    const browser = recordOpened();
    const event = navigationEvent();
    preventNavigation(event, url, browser.openExternal);
    expect(event.prevented).toBe(true);
    expect(browser.opened).toEqual([]);
  });
});

describe("external https links", () => {
  it("are normalised before they reach the system browser", () => {
    expect(readExternalHttpsUrl("HTTPS://Example.COM/a b")).toBe("https://example.com/a%20b");
  });
});

describe("permissions", () => {
  it("are all refused", () => {
    const answers: boolean[] = [];
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal"]) {
      denyPermissionRequest({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });

  it("are refused by the session's request and check handlers alike", () => {
    const answers: boolean[] = [];
    hardenSession({
      setPermissionRequestHandler: (handler) => handler?.({} as never, "media", (granted) => answers.push(granted), {} as never),
      setPermissionCheckHandler: (handler) => answers.push(handler?.(null, "media", "file:///", {} as never) ?? true),
    });
    expect(answers).toEqual([false, false]);
  });
});
