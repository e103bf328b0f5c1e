import { describe, expect, it } from "vitest";
import { describeRegistryEvent, shortAddress } from "@/lib/chain/history";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("registry history in words", () => {
  it("names each event the node page lists", () => {
    expect(
      describeRegistryEvent({
        eventName: "NodeAdded",
        args: { owner: A, httpAddress: "https://n.example.org" },
      }),
    ).toBe("Registered by 0x7099…79C8 at https://n.example.org");
    expect(describeRegistryEvent({ eventName: "NodeAddedToCanonicalNetwork", args: { nodeId: 100 } })).toBe(
      "Added to the canonical network",
    );
    expect(
      describeRegistryEvent({ eventName: "NodeRemovedFromCanonicalNetwork", args: { nodeId: 100 } }),
    ).toBe("Removed from the canonical network");
    expect(
      describeRegistryEvent({ eventName: "HttpAddressUpdated", args: { httpAddress: "https://x.org" } }),
    ).toBe("Address changed to https://x.org");
  });

  it("tells a mint from a transfer of the ownership NFT", () => {
    const zero = "0x0000000000000000000000000000000000000000";
    expect(
      describeRegistryEvent({ eventName: "Transfer", args: { from: zero, to: A, tokenId: "100" } }),
    ).toBe("Ownership NFT minted to 0x7099…79C8");
    expect(describeRegistryEvent({ eventName: "Transfer", args: { from: A, to: B, tokenId: "100" } })).toBe(
      "Ownership transferred from 0x7099…79C8 to 0x3C44…93BC",
    );
    expect(shortAddress("0x12")).toBe("0x12");
  });
});
