import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DeepLink, ResetDeepLink } from "../../../shared/deep-link.ts";
import { createDeepLinkInbox } from "../../../desktop/src/main/deep-link-inbox.ts";

const link = (): ResetDeepLink => ({ kind: "reset-password", token: randomBytes(32).toString("base64url") });

describe("the deep-link inbox", () => {
  it("keeps a cold-start link until the page subscribes, then hands it over once", () => {
    const inbox = createDeepLinkInbox();
    const first = link();
    inbox.deliver(first);
    const received: DeepLink[] = [];
    inbox.subscribe((next) => received.push(next));
    expect(received).toEqual([first]);
    inbox.subscribe((next) => received.push(next));
    expect(received).toEqual([first]);
  });

  it("passes links straight through while the page listens", () => {
    const inbox = createDeepLinkInbox();
    const received: DeepLink[] = [];
    inbox.subscribe((next) => received.push(next));
    const first = link();
    const second = link();
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
    const older = link();
    const newer = link();
    inbox.deliver(older);
    inbox.deliver(newer);
    const received: DeepLink[] = [];
    inbox.subscribe((next) => received.push(next));
    expect(received).toEqual([newer]);
  });
});
