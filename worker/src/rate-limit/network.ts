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
 * escape a limit by changing its spelling. Parsing is ipaddr.js's; IPv4 must be plain dotted
 * decimal, as Cloudflare writes it, not the octal or short forms ipaddr.js would also read.
 *
 * @example
 * networkOf("2001:DB8::1%eth0"); // "2001:db8:0:0::/64"
 * networkOf("::ffff:192.0.2.7"); // "192.0.2.7"
 * networkOf("unknown");          // "unparseable"
 */
import ipaddr from "ipaddr.js";

/** The one bucket every unparseable client address shares. */
export const UNPARSEABLE_NETWORK = "unparseable";

/** Longer than any spelling of an address with a sensible zone id; longer input is not parsed. */
const MAX_INPUT_LENGTH = 100;

/** The canonical network of `ip`: the IPv4 address itself, `h:h:h:h::/64`, or "unparseable". */
export function networkOf(ip: string): string {
  const text = ip.trim();
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH) return UNPARSEABLE_NETWORK;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  const ipv6 = parseIpv6(text);
  if (!ipv6) return UNPARSEABLE_NETWORK;
  if (ipv6.isIPv4MappedAddress()) return ipv6.toIPv4Address().toString();
  return `${ipv6.parts
    .slice(0, 4)
    .map((hextet) => hextet.toString(16))
    .join(":")}::/64`;
}

/** An IPv6 address from any RFC 4291 text form, brackets and a zone id allowed, or a network this module wrote. */
function parseIpv6(input: string): ipaddr.IPv6 | null {
  const text = (input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input).replace(/\/64$/, "");
  return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : null;
}
