import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DeepLinkArrival } from "../../../desktop/src/ipc/deep-link-arrival.ts";
import { createDeepLinkInbox } from "../../../desktop/src/main/deep-link-inbox.ts";

const arrival = (atLaunch = false): DeepLinkArrival => ({
  link: { kind: "reset-password", token: randomBytes(32).toString("base64url") },
  atLaunch,
});

describe("the deep-link inbox", () => {
  it("keeps a cold-start link until the page subscribes, then hands it over once, still marked as the launch link", () => {
    const inbox = createDeepLinkInbox();
    const first = arrival(true);
    inbox.deliver(first);
    const received: DeepLinkArrival[] = [];
    inbox.subscribe((next) => received.push(next));
    expect(received).toEqual([first]);
    expect(received[0]?.atLaunch).toBe(true);
    inbox.subscribe((next) => received.push(next));
    expect(received).toEqual([first]);
  });

  it("passes links straight through while the page listens", () => {
    const inbox = createDeepLinkInbox();
    const received: DeepLinkArrival[] = [];
    inbox.subscribe((next) => received.push(next));
    const first = arrival();
    const second = arrival();
    inbox.deliver(first);
    inbox.deliver(second);
    expect(received).toEqual([first, second]);
  });

  it("keeps only the newest link while nobody listens, as after a reload", () => {
    const inbox = createDeepLinkInbox();
    inbox.subscribe(() => {
      throw new Error("the unsubscribed page must not be called");
    });
    inbox.unsubscribe();
    const older = arrival();
    const newer = arrival();
    inbox.deliver(older);
    inbox.deliver(newer);
    const received: DeepLinkArrival[] = [];
    inbox.subscribe((next) => received.push(next));
    expect(received).toEqual([newer]);
  });
});
