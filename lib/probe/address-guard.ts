import { type LookupAddress, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Node addresses come from operators, so the prober must not be pointed at the machine it runs on,
 * its private network or a cloud metadata service. Checked on the resolved address at connect time
 * (so DNS rebinding and redirects are covered), and up front for IP literals, which skip DNS.
 */
const blocked = new BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT; also Alibaba's metadata address
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. the 169.254.169.254 metadata service
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local, incl. AWS's fd00:ec2::254
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(prefix, bits, "ipv6");

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
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 4) return blocked.check(bare, "ipv4");
  const inner = embeddedIpv4(bare);
  return inner ? blocked.check(inner, "ipv4") : blocked.check(bare, "ipv6");
}

/**
 * The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address, in any
 * spelling (`::ffff:127.0.0.1`, `::ffff:7f00:1`): both reach an IPv4 host, which is what is judged.
 */
function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const mapped = zeros(0, 5) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6);
  if (!mapped && !nat64) return null;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function ipv6Groups(address: string): number[] | null {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? `${address.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : address;
  const [head = "", tail] = text.split("::");
  const start = head ? head.split(":") : [];
  const end = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - start.length - end.length).fill("0");
  const groups = [...start, ...fill, ...end];
  return groups.length === 8 ? groups.map((group) => Number.parseInt(group, 16)) : null;
}

/** Throws when a URL's host is an IP literal in a blocked range (those never reach `guardedLookup`). */
export function assertPublicLiteral(
  url: URL,
  isBlocked: (address: string) => boolean = isBlockedAddress,
): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isBlocked(host)) throw new BlockedAddressError(host, host);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup` replacement for the HTTP agent: resolves every address and refuses if any is blocked. */
export const guardedLookup =
  (isBlocked: (address: string) => boolean = isBlockedAddress) =>
  (hostname: string, options: object, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((entry) => isBlocked(entry.address));
      if (bad) return callback(new BlockedAddressError(hostname, bad.address) as NodeJS.ErrnoException, []);
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
