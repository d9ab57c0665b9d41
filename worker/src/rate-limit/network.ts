/**
 * The network a client address belongs to, which is what every per-IP limit counts: one IPv4
 * address, or one IPv6 /64. An ISP gives each subscriber (a home, a phone, a rented server) at
 * least a whole /64 and lets it pick any address inside: privacy addresses rotate by themselves,
 * and a server can bind all 2^64. Counting single IPv6 addresses would let one machine walk past
 * every limit; IPv4 addresses are scarce enough that one address is one subscriber (or one NAT).
 *
 * Every spelling of an address gives the same network: upper or lower case, leading zeros, `::`,
 * a zone id (`%eth0`), brackets, and IPv4-mapped IPv6 (`::ffff:192.0.2.7`, which is the IPv4
 * address). Anything unparseable shares one bucket of its own, so it can neither throw nor
 * escape a limit by changing its spelling.
 *
 * @example
 * networkOf("2001:DB8::1%eth0"); // "2001:db8:0:0::/64"
 * networkOf("::ffff:192.0.2.7"); // "192.0.2.7"
 * networkOf("unknown");          // "unparseable"
 */

/** The one bucket every unparseable client address shares. */
export const UNPARSEABLE_NETWORK = "unparseable";

/** Longer than any spelling of an address with a sensible zone id; longer input is not parsed. */
const MAX_INPUT_LENGTH = 100;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** The canonical network of `ip`: the IPv4 address itself, `h:h:h:h::/64`, or "unparseable". */
export function networkOf(ip: string): string {
  const text = ip.trim();
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH) return UNPARSEABLE_NETWORK;
  const ipv4 = parseIpv4(text);
  if (ipv4) return formatIpv4(ipv4);
  const ipv6 = parseIpv6(text);
  if (!ipv6) return UNPARSEABLE_NETWORK;
  if (isIpv4Mapped(ipv6)) return formatIpv4([ipv6[6] >> 8, ipv6[6] & 0xff, ipv6[7] >> 8, ipv6[7] & 0xff]);
  return `${ipv6
    .slice(0, 4)
    .map((hextet) => hextet.toString(16))
    .join(":")}::/64`;
}

/** Four octets from dotted decimal, or null. */
function parseIpv4(text: string): number[] | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function formatIpv4(octets: number[]): string {
  return octets.join(".");
}

/**
 * Eight 16-bit groups from any RFC 4291 text form, or null. Brackets and a zone id are dropped
 * first; `/64` is accepted so that a network string parses back to itself.
 */
function parseIpv6(input: string): number[] | null {
  let text = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  text = text.replace(/%[^%/]*$/, "").replace(/\/64$/, "");
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? "", halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "", true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/** Colon-separated hextets; when `endsAddress`, the last may be an embedded IPv4 address (two groups). */
function parseGroups(text: string, endsAddress: boolean): number[] | null {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (endsAddress && index === parts.length - 1 && part.includes(".")) {
      const octets = parseIpv4(part);
      if (!octets) return null;
      groups.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
    } else if (HEXTET.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/** `::ffff:a.b.c.d`: an IPv4 client seen through a dual-stack socket. */
function isIpv4Mapped(groups: number[]): groups is [number, number, number, number, number, number, number, number] {
  return groups.length === 8 && groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}
