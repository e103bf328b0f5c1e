import type { Availability } from "./buckets";
import type { CurrentState } from "./current-state";
import type { DayBar } from "./day-bars";
import type { LatencyPercentiles } from "./latency";
import type { Replication } from "./replication";
import type { WindowPreset } from "./windows";

/** The windows a node page states availability over, shortest first. */
export const AVAILABILITY_WINDOWS = ["24h", "7d", "30d", "90d"] as const satisfies readonly WindowPreset[];
/** Below this many probes a percentile is "insufficient data". */
export const LATENCY_MIN_SAMPLES = 100;
export const DAY_BAR_DAYS = 90;

export type NodeAvailability = Availability & { nodeId: number; isCanonical: boolean };

/** Each node's state now and its 30-day availability, keyed by node id, for the nodes list. */
export type NodesHealth = Record<
  number,
  { current: CurrentState | null; availability30d: NodeAvailability | null }
>;

/** Everything a node page says about one node's health. */
export type NodeHealth = {
  current: CurrentState | null;
  availability: { preset: (typeof AVAILABILITY_WINDOWS)[number]; availability: NodeAvailability | null }[];
  dayBars: DayBar[];
  latency: { window: WindowPreset; minSamples: number; rows: LatencyPercentiles[] };
  replication: {
    node: Replication["nodes"][number] | null;
    originators: Replication["originators"];
    reportingNodes: number;
  };
};

/** One node's place in the network's replication: its own lag beside every originator's spread. */
export function nodeReplication(replication: Replication, nodeId: number): NodeHealth["replication"] {
  return {
    node: replication.nodes.find((node) => node.nodeId === nodeId) ?? null,
    originators: replication.originators,
    reportingNodes: replication.nodes.length,
  };
}
