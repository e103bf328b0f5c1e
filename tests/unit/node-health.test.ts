import { describe, expect, it } from "vitest";
import { nodeReplication } from "@/lib/uptime/node-health";
import { replication } from "@/lib/uptime/replication";

const at = new Date("2026-02-03T10:00:00Z");
const network = replication([
  { nodeId: 100, at, cursor: { 0: "500", 1: "40" } },
  { nodeId: 200, at, cursor: { 0: "480", 1: "40" } },
  { nodeId: 300, at, cursor: { 0: "500" } },
]);

describe("a node's place in the network's replication", () => {
  it("gives the node's own lag beside every originator's spread, and how many nodes reported", () => {
    const result = nodeReplication(network, 200);
    expect(result.node).toEqual({ nodeId: 200, at, lag: "20", lagByOriginator: { 0: "20", 1: "0" } });
    expect(result.originators).toBe(network.originators);
    expect(result.originators.map((o) => [o.originator, o.divergence])).toEqual([
      ["0", "20"],
      ["1", "40"],
    ]);
    expect(result.reportingNodes).toBe(3);
  });

  it("picks the node asked for, not the first one", () => {
    expect(nodeReplication(network, 300).node).toMatchObject({ nodeId: 300, lag: "40" });
    expect(nodeReplication(network, 100).node).toMatchObject({ nodeId: 100, lag: "0" });
  });

  it("has no entry for a node without a cursor, but still the network's spread", () => {
    const result = nodeReplication(network, 999);
    expect(result.node).toBeNull();
    expect(result.originators).toHaveLength(2);
    expect(result.reportingNodes).toBe(3);
  });

  it("has nothing to say when no node reported a cursor", () => {
    expect(nodeReplication(replication([]), 100)).toEqual({ node: null, originators: [], reportingNodes: 0 });
  });
});
