import { type LookupAddress, type LookupAllOptions, lookup } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Node addresses come from operators, so the prober must not be pointed at the machine it runs on,
 * its private network or a cloud metadata service. Checked on the resolved address at connect time
 * (so DNS rebinding and redirects are covered), and up front for IP literals, which skip DNS. Only
 * global unicast passes: every special-purpose range ipaddr.js knows (IANA's registries) is refused.
 */
const NAT64 = ipaddr.parseCIDR("64:ff9b::/96");

export const BLOCKED_ADDRESS_CODE = "ERR_PROBE_ADDRESS_BLOCKED";

export class BlockedAddressError extends Error {
  readonly code = BLOCKED_ADDRESS_CODE;
  constructor(host: string, address: string) {
    super(
      address === host
        ? `${address} is a private, loopback, link-local or metadata address (PROBE_ALLOW_PRIVATE=1 allows it)`
        : `${host} resolves to ${address}, a private, loopback, link-local or metadata address (PROBE_ALLOW_PRIVATE=1 allows it)`,
    );
    this.name = "BlockedAddressError";
  }
}

export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  if (isIP(bare) === 0) return false;
  // Stryker disable next-line Regex: ipaddr.js parses a zone id itself, so how much of it is cut off first cannot matter
  const parsed = ipaddr.parse(bare.replace(/%.*$/, ""));
  if (parsed.kind() === "ipv4") return parsed.range() !== "unicast";
  const inner = embeddedIpv4(parsed as ipaddr.IPv6);
  return inner ? inner.range() !== "unicast" : parsed.range() !== "unicast";
}

/**
 * The IPv4 host an IPv4-mapped (::ffff:0:0/96) or well-known NAT64 (64:ff9b::/96) address reaches,
 * in any spelling (`::ffff:127.0.0.1`, `::ffff:7f00:1`): that host is what is judged. Other ranges
 * that carry an IPv4 address (6to4, Teredo, local-use NAT64, SIIT) are refused as a whole.
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  if (!address.match(NAT64)) return null;
  const bytes = address.toByteArray().slice(12);
  return new ipaddr.IPv4(bytes);
}

/** Throws when a URL's host is an IP literal in a blocked range (those never reach `guardedLookup`). */
export function assertPublicLiteral(
  url: URL,
  isBlocked: (address: string) => boolean = isBlockedAddress,
): void {
  // Stryker disable next-line Regex: URL.hostname brackets an IPv6 literal at both ends and nowhere else
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isBlocked(host)) throw new BlockedAddressError(host, host);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A `dns.lookup` replacement for the HTTP agent: resolves every address and refuses if any is blocked. */
export const guardedLookup =
  (isBlocked: (address: string) => boolean = isBlockedAddress, resolveAll: ResolveAll = lookup) =>
  (hostname: string, options: object, callback: LookupCallback): void => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((entry) => isBlocked(entry.address));
      if (bad) return callback(new BlockedAddressError(hostname, bad.address) as NodeJS.ErrnoException, []);
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0];
      // dns.lookup with all: true answers ENOTFOUND rather than no address, but a resolver might not.
      if (!first)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
