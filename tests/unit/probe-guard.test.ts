import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import {
  assertPublicLiteral,
  BLOCKED_ADDRESS_CODE,
  BlockedAddressError,
  guardedLookup,
  isBlockedAddress,
} from "@/lib/probe/address-guard";

type Looked = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };
type ResolveAll = Parameters<typeof guardedLookup>[1];
const lookUp = (
  hostname: string,
  options: object,
  isBlocked?: (address: string) => boolean,
  resolveAll?: ResolveAll,
) =>
  new Promise<Looked>((resolve) =>
    guardedLookup(isBlocked, resolveAll)(hostname, options, (error, address, family) =>
      resolve({ error, address, family }),
    ),
  );

describe("the address guard's refusal", () => {
  it("names the address, and the host that resolved to it", () => {
    const literal = new BlockedAddressError("10.0.0.1", "10.0.0.1");
    expect(literal.message).toBe(
      "10.0.0.1 is a private, loopback, link-local or metadata address (PROBE_ALLOW_PRIVATE=1 allows it)",
    );
    const resolved = new BlockedAddressError("node.example", "10.0.0.1");
    expect(resolved.message).toBe(
      "node.example resolves to 10.0.0.1, a private, loopback, link-local or metadata address (PROBE_ALLOW_PRIVATE=1 allows it)",
    );
    expect(resolved.name).toBe("BlockedAddressError");
    expect(resolved.code).toBe(BLOCKED_ADDRESS_CODE);
  });
});

describe("judging an address", () => {
  it("leaves hostnames to the connect-time lookup", () => {
    expect(isBlockedAddress("node.example.org")).toBe(false);
    expect(isBlockedAddress("localhost")).toBe(false);
  });

  it("accepts an IPv6 address in brackets, and only brackets around the whole address", () => {
    expect(isBlockedAddress("[::1]")).toBe(true);
    expect(isBlockedAddress("[2606:4700::1111]")).toBe(false);
    expect(isBlockedAddress("::[1]")).toBe(false); // not an address at all
    expect(isBlockedAddress("[::1]]")).toBe(false);
  });

  it("judges a scoped address by the address, not its zone", () => {
    expect(isBlockedAddress("fe80::1%eth0")).toBe(true);
    expect(isBlockedAddress("2606:4700::1111%eth0")).toBe(false);
  });
});

describe("IP literals in a URL", () => {
  it("are checked with the policy given, and hostnames are not checked at all", () => {
    const everything = () => true;
    expect(() => assertPublicLiteral(new URL("http://node.example.org"), everything)).not.toThrow();
    expect(() => assertPublicLiteral(new URL("http://8.8.8.8"), everything)).toThrow(
      "8.8.8.8 is a private, loopback, link-local or metadata address",
    );
    expect(() => assertPublicLiteral(new URL("http://[::1]:5050/"), () => false)).not.toThrow();
    expect(() => assertPublicLiteral(new URL("http://[::1]:5050/"))).toThrow(
      "::1 is a private, loopback, link-local or metadata address",
    );
  });
});

describe("the guarded DNS lookup", () => {
  it("refuses a name that resolves to a blocked address", async () => {
    const { error, address } = await lookUp("localhost", {});
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private/);
    expect(address).toEqual([]);
  });

  it("answers with the first address, and its family, when one is asked for", async () => {
    const { error, address, family } = await lookUp("localhost", { family: 4 }, () => false);
    expect(error).toBeNull();
    expect(address).toBe("127.0.0.1");
    expect(family).toBe(4);
  });

  it("answers with every address when all are asked for", async () => {
    const { error, address } = await lookUp("localhost", { all: true, family: 4 }, () => false);
    expect(error).toBeNull();
    expect(address).toEqual([{ address: "127.0.0.1", family: 4 }]);
  });

  it("refuses when any of the addresses is blocked", async () => {
    const seen: string[] = [];
    const { error } = await lookUp("localhost", { all: true }, (address) => {
      seen.push(address);
      return address === "127.0.0.1";
    });
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(seen).toContain("127.0.0.1");
  });

  // A real lookup: the machine's resolver may take a while to give up, and names its failure its way.
  it("passes a resolution failure on", { timeout: 20_000 }, async () => {
    const { error, address } = await lookUp("no-such-node.invalid", {});
    expect(error?.code).toMatch(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/);
    expect(address).toEqual([]);
  });

  it("calls a resolver's empty answer not found, rather than answering no address", async () => {
    const empty: ResolveAll = (_hostname, _options, callback) => callback(null, []);
    const { error, address } = await lookUp("node.example", {}, () => false, empty);
    expect(error).toMatchObject({ code: "ENOTFOUND", message: "node.example has no address" });
    expect(address).toEqual([]);
    const all = await lookUp("node.example", { all: true }, () => false, empty);
    expect(all).toMatchObject({ error: null, address: [] });
  });
});
