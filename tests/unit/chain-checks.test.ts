import type { Hex } from "viem";
import { privateKeyToAccount, publicKeyToAddress } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { checkHttpAddress, signerMatchesKey } from "@/lib/chain/checks";
import { describeRegistryEvent, shortAddress } from "@/lib/chain/history";

const account = privateKeyToAccount(`0x${"11".repeat(32)}`);
const strict = { requireHttps: true };

describe("a node's http address", () => {
  it("says why an address is not usable", () => {
    expect(checkHttpAddress("node.example.org", strict)).toEqual({
      kind: "address_invalid",
      message: "the http address is not a URL",
    });
    expect(checkHttpAddress("grpc://node.example.org", strict)).toEqual({
      kind: "address_invalid",
      message: "the http address uses grpc:, not https",
    });
  });

  it("refuses credentials in the address, a user name or a password alone included", () => {
    const credentials = { kind: "address_invalid", message: "the http address carries credentials" };
    expect(checkHttpAddress("https://operator@node.example.org", strict)).toEqual(credentials);
    expect(checkHttpAddress("https://:secret@node.example.org", strict)).toEqual(credentials);
    expect(checkHttpAddress("http://operator:secret@127.0.0.1:5050", { requireHttps: false })).toEqual(
      credentials,
    );
  });

  it("accepts https wherever https is required", () => {
    expect(checkHttpAddress("https://node.example.org:5050", strict)).toBeNull();
  });
});

describe("a node's signer against its signing key", () => {
  const key = account.publicKey;

  it("needs a 65-byte uncompressed key in hex", () => {
    expect(signerMatchesKey(account.address, key)).toBe(true);
    expect(signerMatchesKey(account.address, `0x02${key.slice(4)}`)).toBe(false);
    expect(signerMatchesKey(account.address, `${key}00`)).toBe(false);
    expect(signerMatchesKey(account.address, key.slice(0, -2))).toBe(false);
    expect(signerMatchesKey(account.address, `0x04${"zz".repeat(64)}`)).toBe(false);
    expect(signerMatchesKey(account.address, key.slice(2).padStart(132, "0"))).toBe(false);
  });

  it("refuses a key that is not hex even when the signer is the hash of its text", () => {
    const text = `0x04${"zz".repeat(64)}`;
    expect(signerMatchesKey(publicKeyToAddress(text as Hex), text)).toBe(false);
  });

  it("is false, not a throw, for a signer that is not an address", () => {
    expect(signerMatchesKey("not-an-address", key)).toBe(false);
    expect(signerMatchesKey(`${account.address}00`, key)).toBe(false);
  });
});

describe("addresses in a node's history", () => {
  it("are shortened only when longer than 12 characters", () => {
    expect(shortAddress("0x1234567890")).toBe("0x1234567890");
    expect(shortAddress("0x123456789a")).toBe("0x123456789a");
    expect(shortAddress("0x123456789ab")).toBe("0x1234…89ab");
  });

  it("name the new address of a node", () => {
    expect(
      describeRegistryEvent({ eventName: "HttpAddressUpdated", args: { httpAddress: "https://b.org" } }),
    ).toBe("Address changed to https://b.org");
  });
});
