import { describe, expect, it } from "vitest";
import { networkOf, UNPARSEABLE_NETWORK } from "../../../worker/src/rate-limit/network.ts";

describe("networkOf", () => {
  it("counts an IPv4 address as its own network", () => {
    expect(networkOf("203.0.113.7")).toBe("203.0.113.7");
    expect(networkOf(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(networkOf("203.0.113.8")).toBe("203.0.113.8");
  });

  it("puts two IPv6 addresses in one /64 in the same network, and other /64s in others", () => {
    expect(networkOf("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8:1:2:a1b2:c3d4:e5f6:789")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(networkOf("2001:db8:2:2::1")).toBe("2001:db8:2:2::/64");
  });

  it("gives every spelling of one IPv6 address the same network", () => {
    const spellings = [
      "2001:db8::1",
      "2001:DB8::1",
      "2001:0db8:0000:0000:0000:0000:0000:0001",
      "2001:db8:0:0:0:0:0:1",
      "2001:db8:0::0:1",
      "[2001:db8::1]",
      "2001:db8::1%eth0",
      "2001:db8::0.0.0.1",
    ];
    expect(new Set(spellings.map(networkOf))).toEqual(new Set(["2001:db8:0:0::/64"]));
  });

  it("reads the compressed forms at either end, zone ids and the unspecified address", () => {
    expect(networkOf("::")).toBe("0:0:0:0::/64");
    expect(networkOf("::1")).toBe("0:0:0:0::/64");
    expect(networkOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(networkOf("FE80::ABCD:1%25en0")).toBe("fe80:0:0:0::/64");
    expect(networkOf("2001:db8:aa:bb::")).toBe("2001:db8:aa:bb::/64");
    expect(networkOf("2001:db8:aa:bb:cc::")).toBe("2001:db8:aa:bb::/64");
  });

  it("counts an IPv4-mapped IPv6 address as the IPv4 address it carries", () => {
    expect(networkOf("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(networkOf("::FFFF:192.0.2.7")).toBe("192.0.2.7");
    expect(networkOf("0:0:0:0:0:ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(networkOf("::ffff:c000:207")).toBe("192.0.2.7");
    // Not mapped: an ordinary IPv6 address that happens to end in the same bits.
    expect(networkOf("2001:db8::ffff:192.0.2.7")).toBe("2001:db8:0:0::/64");
  });

  it("puts anything unparseable in one bucket of its own, without throwing", () => {
    const garbage = [
      "",
      "   ",
      "unknown",
      "256.1.1.1",
      "1.2.3",
      "1.2.3.4.5",
      "1::2::3",
      ":::",
      ":1::",
      "12345::",
      "g::1",
      "2001:db8:0:0:0:0:0:0:1",
      "2001:db8:0:0:0:0:1",
      "1.2.3.4::",
      "::1.2.3.4:5",
      "::ffff:300.0.0.1",
      `${"1:".repeat(60)}1`,
      "203.0.113.7, 10.0.0.1",
    ];
    for (const input of garbage) expect(networkOf(input), input).toBe(UNPARSEABLE_NETWORK);
    expect(UNPARSEABLE_NETWORK).not.toMatch(/^[0-9a-f:.]+(?:\/64)?$/);
  });

  it("gives a network back unchanged, so applying it twice is harmless", () => {
    for (const input of ["203.0.113.7", "2001:db8::1", "::ffff:192.0.2.7", "fe80::1%eth0", "nonsense"]) {
      expect(networkOf(networkOf(input))).toBe(networkOf(input));
    }
  });
});
