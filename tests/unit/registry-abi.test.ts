import { readFileSync } from "node:fs";
import type { AbiEvent, AbiFunction } from "viem";
import { describe, expect, it } from "vitest";
import { nodeRegistryAbi } from "@/lib/chain/abi";

// The published ABI (xmtp/smart-contracts NodeRegistry), copied from shared/reference.
const reference = JSON.parse(
  readFileSync(new URL("../fixtures/reference/NodeRegistry.abi.json", import.meta.url), "utf8"),
) as (AbiFunction | AbiEvent | { type: string; name?: string })[];

type Param = { type: string; indexed?: boolean; components?: readonly Param[] };

// Tuples spelled out, names dropped: "(address,bool,bytes,string)[]".
const canonicalType = (param: Param): string =>
  param.type.startsWith("tuple")
    ? `(${(param.components ?? []).map(canonicalType).join(",")})${param.type.slice(5)}`
    : param.type;

// The full shape, with indexed flags, outputs and mutability, so a changed return type or index fails too.
const signature = (item: AbiFunction | AbiEvent) =>
  item.type === "event"
    ? `event ${item.name}(${item.inputs.map((input) => `${canonicalType(input)}${input.indexed ? " indexed" : ""}`).join(",")})`
    : `function ${item.name}(${item.inputs.map(canonicalType).join(",")}) ${item.stateMutability} returns (${item.outputs.map(canonicalType).join(",")})`;

describe("the registry ABI the code uses", () => {
  const used = nodeRegistryAbi.filter((item) => item.type === "function" || item.type === "event") as (
    | AbiFunction
    | AbiEvent
  )[];

  it("covers the functions and events the sync reads", () => {
    expect(used.map((item) => item.name).sort()).toEqual(
      [
        "HttpAddressUpdated",
        "NodeAdded",
        "NodeAddedToCanonicalNetwork",
        "NodeRemovedFromCanonicalNetwork",
        "Transfer",
        "canonicalNodesCount",
        "getAllNodes",
        "maxCanonicalNodes",
        "ownerOf",
        "tokenURI",
      ].sort(),
    );
  });

  for (const item of used) {
    it(`matches the published ABI for ${item.type} ${item.name}`, () => {
      const published = reference.filter((entry) => entry.type === item.type && entry.name === item.name) as (
        | AbiFunction
        | AbiEvent
      )[];
      expect(published.map(signature)).toContain(signature(item));
    });
  }
});
