import { describe, expect, it } from "vitest";
import { assertPublicLiteral, BlockedAddressError, isBlockedAddress } from "@/lib/probe/address-guard";

describe("the prober's address guard", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.100.100.200",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "::ffff:127.0.0.1",
    "::ffff:10.1.2.3",
    "::ffff:7f00:1",
    "64:ff9b::7f00:1",
    "64:ff9b::169.254.169.254",
    "::127.0.0.1",
    "::ffff:0:127.0.0.1",
    "64:ff9b:1::7f00:1",
    "64:ff9b:1::808:808",
    "2002:7f00:1::1",
    "2002:808:808::1",
    "fec0::1",
    "100::1",
    "2001::1",
    "2001:db8::1",
    "192.0.2.1",
    "255.255.255.255",
    "fe80::1%eth0",
  ])("refuses %s", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "172.32.0.1", "104.18.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows the public address %s",
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );

  it("catches IP literals in every spelling the URL parser accepts", () => {
    for (const url of [
      "http://2130706433/",
      "http://0x7f.1/",
      "http://[::1]:5050/",
      "https://169.254.169.254/latest",
    ])
      expect(() => assertPublicLiteral(new URL(url))).toThrow(BlockedAddressError);
    expect(() => assertPublicLiteral(new URL("https://node.example.org"))).not.toThrow();
  });
});
