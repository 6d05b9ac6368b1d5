import { lookup } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The SSRF stance: a receiver URL is chosen by whoever registered it, and the worker sits inside the city's network.
 * Unless the deployment allows private hosts (WEBHOOK_ALLOW_PRIVATE_HOSTS=true: development and tests, whose
 * receivers are on localhost), the worker refuses to connect to loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast and reserved addresses. The check is made on the address the
 * connection actually uses (a `lookup` hook, and IP literals directly), so a name that resolves to a public address
 * at registration and to a private one later (DNS rebinding) is still refused.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96]] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv6");
}

/** Whether the worker may connect to `address` (an IPv4 or IPv6 literal); IPv4-mapped IPv6 is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class RefusedAddress extends Error {
  constructor(host: string, address: string) {
    super(`refused: ${host} is at ${address}, a private or reserved address (set WEBHOOK_ALLOW_PRIVATE_HOSTS=true to allow)`);
  }
}

/** The host of a URL as a literal address, or null for a name (`[::1]` → `::1`). */
export const literalHost = (hostname: string): string | null => {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return isIP(bare) ? bare : null;
};

/** A DNS lookup for http.request that fails on any refused address among the answers. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new RefusedAddress(hostname, refused.address), "", 0);
    if (options.all) return (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
