import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { isBlockedAddress } from "@/lib/probe/address-guard";

/**
 * The ranges the prober must never reach, written out here from the RFCs (not read from ipaddr.js,
 * which the guard relies on): each is checked at its first and last address and just outside both
 * ends, so a range narrowed or widened by one bit fails.
 */
const BLOCKED = [
  "0.0.0.0/8", // this network (RFC 791)
  "10.0.0.0/8", // private (RFC 1918)
  "100.64.0.0/10", // carrier-grade NAT (RFC 6598); 100.100.100.200 is Alibaba's metadata service
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local; 169.254.169.254 is the usual metadata service
  "172.16.0.0/12", // private; 172.17.0.1 is Docker's bridge
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // TEST-NET-1
  "192.88.99.0/24", // 6to4 relay anycast
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // TEST-NET-2
  "203.0.113.0/24", // TEST-NET-3
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, with 255.255.255.255 broadcast
  "::/128",
  "::1/128",
  "fc00::/7", // unique local
  "fe80::/10", // link-local
  "fec0::/10", // deprecated site-local
  "ff00::/8", // multicast
  "2002::/16", // 6to4 (carries an IPv4 address it would reach)
];

const toBig = (address: ipaddr.IPv4 | ipaddr.IPv6) =>
  address.toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
const fromBig = (value: bigint, kind: "ipv4" | "ipv6") => {
  const length = kind === "ipv4" ? 4 : 16;
  const bytes = Array.from({ length }, (_, i) => Number((value >> BigInt(8 * (length - 1 - i))) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
};
const ends = (cidr: string) => {
  const [base, bits] = ipaddr.parseCIDR(cidr);
  const width = base.kind() === "ipv4" ? 32 : 128;
  const size = 1n << BigInt(width - bits);
  const first = toBig(base) & ~(size - 1n);
  return { kind: base.kind(), first, last: first + size - 1n, max: (1n << BigInt(width)) - 1n };
};
const inAny = (value: bigint, kind: string) =>
  BLOCKED.map(ends).some((range) => range.kind === kind && value >= range.first && value <= range.last);

describe("each blocked range, edge to edge", () => {
  for (const cidr of BLOCKED) {
    const { kind, first, last, max } = ends(cidr);
    it(`refuses ${cidr} at ${fromBig(first, kind)} and ${fromBig(last, kind)}`, () => {
      expect(isBlockedAddress(fromBig(first, kind))).toBe(true);
      expect(isBlockedAddress(fromBig(last, kind))).toBe(true);
    });
    // Just outside: a public address unless a neighbouring blocked range begins there.
    for (const outside of [first - 1n, last + 1n].filter((v) => v >= 0n && v <= max && !inAny(v, kind)))
      it(`allows ${fromBig(outside, kind)}, just outside ${cidr}`, () => {
        expect(isBlockedAddress(fromBig(outside, kind))).toBe(false);
      });
  }

  it("refuses every address of Docker's default bridges and of 172.16/12's middle", () => {
    for (const address of ["172.17.0.1", "172.18.0.1", "172.20.10.5", "172.31.255.254"])
      expect(isBlockedAddress(address), address).toBe(true);
  });

  it("judges an IPv4-mapped address by the IPv4 host it reaches, at the same edges", () => {
    for (const cidr of BLOCKED.filter((c) => c.includes("."))) {
      const { first, last } = ends(cidr);
      expect(isBlockedAddress(`::ffff:${fromBig(first, "ipv4")}`), cidr).toBe(true);
      expect(isBlockedAddress(`::ffff:${fromBig(last, "ipv4")}`), cidr).toBe(true);
      if (!inAny(last + 1n, "ipv4") && last + 1n < 2n ** 32n)
        expect(isBlockedAddress(`::ffff:${fromBig(last + 1n, "ipv4")}`), cidr).toBe(false);
    }
  });
});
