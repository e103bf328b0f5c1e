import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { checkHttpAddress, checkNode, signerMatchesKey } from "@/lib/chain/checks";

const account = privateKeyToAccount(`0x${"11".repeat(32)}`);
const other = privateKeyToAccount(`0x${"22".repeat(32)}`);
const good = {
  httpAddress: "https://grpc.testnet.xmtp.network",
  signer: account.address,
  signingPublicKey: account.publicKey,
  metadataError: null,
};

describe("node checks", () => {
  it("finds nothing wrong with a well-formed https node", () => {
    expect(checkNode(good, { requireHttps: true })).toEqual([]);
  });

  it("flags an address that is not a URL, not http(s), or carries credentials", () => {
    expect(checkHttpAddress("grpc.example.org:443", { requireHttps: true })?.kind).toBe("address_invalid");
    expect(checkHttpAddress("", { requireHttps: true })?.message).toBe("the http address is empty");
    expect(checkHttpAddress("ftp://node.example.org", { requireHttps: false })?.kind).toBe("address_invalid");
    expect(checkHttpAddress("https://u:p@node.example.org", { requireHttps: true })?.kind).toBe(
      "address_invalid",
    );
  });

  it("flags plain http on public networks but allows it on local", () => {
    expect(checkHttpAddress("http://node.example.org", { requireHttps: true })?.kind).toBe(
      "address_not_https",
    );
    expect(checkHttpAddress("http://127.0.0.1:5050", { requireHttps: false })).toBeNull();
  });

  it("flags a signer that is not the signing key's address", () => {
    expect(signerMatchesKey(account.address, account.publicKey)).toBe(true);
    expect(signerMatchesKey(account.address.toLowerCase(), account.publicKey)).toBe(true);
    expect(signerMatchesKey(other.address, account.publicKey)).toBe(false);
    expect(signerMatchesKey(account.address, "0x1234")).toBe(false);
    expect(checkNode({ ...good, signer: other.address }, { requireHttps: true }).map((c) => c.kind)).toEqual([
      "signer_mismatch",
    ]);
  });

  it("flags metadata that failed to load", () => {
    expect(
      checkNode({ ...good, metadataError: "metadata is not valid JSON" }, { requireHttps: true }),
    ).toEqual([{ kind: "metadata_failed", message: "metadata: metadata is not valid JSON" }]);
  });
});
