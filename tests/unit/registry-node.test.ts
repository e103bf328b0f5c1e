import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { type NodeRecord, presentNode } from "@/lib/chain/registry-node";

const account = privateKeyToAccount(`0x${"11".repeat(32)}`);
const other = privateKeyToAccount(`0x${"22".repeat(32)}`);

/** A well-formed testnet node with no names of its own. */
const record = (overrides: Partial<NodeRecord> = {}): NodeRecord => ({
  network: "testnet",
  nodeId: 100,
  owner: other.address,
  signer: account.address,
  signingPublicKey: account.publicKey,
  httpAddress: "https://grpc.node100.example.org",
  isCanonical: true,
  inRegistry: true,
  metadata: null,
  metadataError: null,
  registeredAt: new Date("2026-01-01T00:00:00Z"),
  firstSeenBlock: 1234,
  operatorName: null,
  region: null,
  displayName: null,
  country: null,
  website: null,
  ...overrides,
});
const kinds = (overrides: Partial<NodeRecord>) => presentNode(record(overrides)).checks.map((c) => c.kind);

describe("a registry node as pages show it", () => {
  it("is named by the team's display name first, then the operator name, then the metadata's", () => {
    const metadata = { operator_name: "From Metadata" };
    expect(presentNode(record({ displayName: "Display", operatorName: "Operator", metadata })).name).toBe(
      "Display",
    );
    expect(presentNode(record({ operatorName: "Operator", metadata })).name).toBe("Operator");
    expect(presentNode(record({ metadata })).name).toBe("From Metadata");
    expect(presentNode(record({ metadata: { region: "eu" } })).name).toBeNull();
    expect(presentNode(record()).name).toBeNull();
  });

  it("takes its region from the team's region before the metadata's", () => {
    expect(presentNode(record({ region: "us-east", metadata: { region: "Frankfurt" } })).regionName).toBe(
      "us-east",
    );
    expect(presentNode(record({ metadata: { region: "Frankfurt" } })).regionName).toBe("Frankfurt");
    expect(presentNode(record({ metadata: { operator_name: "x" } })).regionName).toBeNull();
  });

  it("has no checks when its address is https and its signer matches its key", () => {
    expect(presentNode(record()).checks).toEqual([]);
  });

  it("flags a plain http address on testnet and mainnet, but not on the local network", () => {
    const http = "http://127.0.0.1:5050";
    expect(kinds({ httpAddress: http })).toEqual(["address_not_https"]);
    expect(kinds({ network: "mainnet", httpAddress: http })).toEqual(["address_not_https"]);
    expect(kinds({ network: "local", httpAddress: http })).toEqual([]);
  });

  it("flags an address that is not a URL on every network, local included", () => {
    expect(kinds({ network: "local", httpAddress: "node.example.org:5050" })).toEqual(["address_invalid"]);
    expect(kinds({ httpAddress: "" })).toEqual(["address_invalid"]);
  });

  it("flags a signer that is not its key's address, and metadata that failed to load, with the reason", () => {
    const node = presentNode(
      record({
        signer: other.address,
        metadataError: "metadata is not valid JSON",
        httpAddress: "http://x.org",
      }),
    );
    expect(node.checks).toEqual([
      { kind: "address_not_https", message: "the http address is not https" },
      { kind: "signer_mismatch", message: "the signer is not the address of the signing public key" },
      { kind: "metadata_failed", message: "metadata: metadata is not valid JSON" },
    ]);
  });

  it("passes every stored field through unchanged", () => {
    const stored = record({
      network: "mainnet",
      displayName: "Display",
      operatorName: "Operator",
      region: "ap-south",
      metadata: { operator_name: "Meta", region: "Tokyo", description: "a node" },
      metadataError: null,
      isCanonical: false,
      inRegistry: false,
      firstSeenBlock: null,
      registeredAt: null,
    });
    const presented = presentNode(stored);
    expect(presented).toMatchObject(stored);
    expect(Object.keys(presented).sort()).toEqual(
      [...Object.keys(stored), "name", "regionName", "facts", "checks"].sort(),
    );
  });

  it("says which facts the team set, beside what the operator's metadata says", () => {
    const node = presentNode(
      record({
        metadata: { operator_name: "Chain Name", region: "us-east-1", external_url: "https://op.example" },
        operatorName: "Team Name",
        country: "DE",
      }),
    );
    expect(node.facts).toEqual({
      operator: { value: "Team Name", setByTeam: true, fromMetadata: "Chain Name" },
      region: { value: "us-east-1", setByTeam: false, fromMetadata: "us-east-1" },
      country: { value: "DE", setByTeam: true, fromMetadata: null },
      website: { value: "https://op.example", setByTeam: false, fromMetadata: "https://op.example" },
    });
  });
});
