/**
 * Whether a host name means "this machine". Two callers need it: the production config check
 * (a link to 127.0.0.1 reaches nobody) and the /dev routes, which answer only requests whose
 * Host is loopback, so a web page that rebinds its own DNS name to 127.0.0.1 still cannot read
 * the development mailbox: its requests carry its own name in Host.
 *
 * @example
 * isLoopbackHost(new URL(request.url).hostname); // true for localhost, 127.0.0.1, [::1]
 */

/** True for `localhost` and its subdomains, 127.0.0.0/8 and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}
