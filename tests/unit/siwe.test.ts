import { createSiweMessage } from "viem/siwe";
import { describe, expect, it } from "vitest";
import { checkSiweMessage, isAdminAddress } from "@/lib/auth/siwe";

const NOW = new Date("2026-12-04T12:00:00Z");
const ADDRESS = "0x1111111111111111111111111111111111111111";
const expected = { domain: "dash.example", origin: "https://dash.example", chainId: 8453, now: NOW };
const message = (fields: Partial<Parameters<typeof createSiweMessage>[0]> = {}) =>
  createSiweMessage({
    address: ADDRESS,
    domain: "dash.example",
    uri: "https://dash.example/admin",
    chainId: 8453,
    nonce: "abcdefgh12345678",
    version: "1",
    issuedAt: NOW,
    ...fields,
  });

describe("a sign-in message checked against what the server asked for", () => {
  it("takes one for this domain, origin and chain, issued now", () => {
    expect(checkSiweMessage(message(), expected)).toEqual({
      ok: true,
      address: ADDRESS,
      nonce: "abcdefgh12345678",
    });
  });

  it("names what is wrong with one for elsewhere, another time, or none at all", () => {
    const cases: [string, RegExp][] = [
      [message({ domain: "evil.example" }), /for evil\.example, not dash\.example/],
      [message({ uri: "https://evil.example/admin" }), /URI is not on https:\/\/dash\.example/],
      [message({ uri: "http://dash.example/admin" }), /URI is not on/],
      [message({ chainId: 1 }), /for chain 1, not 8453/],
      [message({ issuedAt: new Date(NOW.getTime() + 120_000) }), /issued in the future/],
      [message({ issuedAt: new Date(NOW.getTime() - 11 * 60_000) }), /more than 10 minutes old/],
      [message({ expirationTime: NOW }), /expired/],
      [message({ notBefore: new Date(NOW.getTime() + 60_000) }), /not yet valid/],
      ["hello", /no valid address/],
    ];
    for (const [text, error] of cases) {
      const checked = checkSiweMessage(text, expected);
      expect(checked.ok, text).toBe(false);
      expect(checked.ok ? "" : checked.error, text).toMatch(error);
    }
  });

  it("takes a message issued a few seconds ahead of the server's clock", () => {
    expect(checkSiweMessage(message({ issuedAt: new Date(NOW.getTime() + 30_000) }), expected).ok).toBe(true);
  });
});

describe("the team's addresses", () => {
  it("match in any letter case, and nothing else does", () => {
    expect(
      isAdminAddress("0xABCdef0000000000000000000000000000000001", [
        "0xabcdef0000000000000000000000000000000001",
      ]),
    ).toBe(true);
    expect(
      isAdminAddress("0xabcdef0000000000000000000000000000000002", [
        "0xabcdef0000000000000000000000000000000001",
      ]),
    ).toBe(false);
    expect(isAdminAddress(ADDRESS, [])).toBe(false);
  });
});
