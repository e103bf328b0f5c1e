import type { ProbeErrorClass, ProbeOutcome } from "../probe/record";
import { MAJORITY, type QuorumRule, quorumState, regionState } from "./minutes";
import { type NetworkStatus, networkStatus } from "./status";

/** How recent a region's latest probe must be to count for a node's state now. */
export const CURRENT_STATE_FRESH_MS = 180_000;

/** A region's latest probe of a node. */
export type LatestProbe = {
  at: Date;
  outcome: ProbeOutcome;
  latencyMs: number | null;
  version: string | null;
  errorClass: ProbeErrorClass | null;
  error: string | null;
};

export type CurrentState = {
  nodeId: number;
  isCanonical: boolean;
  state: "up" | "degraded" | "down" | "unknown";
  at: Date | null;
  version: string | null;
  latencyMs: number | null;
  regions: number;
  /** Why the newest failed probe failed (its class and message), when the node is down now. */
  failure: { errorClass: string | null; error: string | null } | null;
};

const newestFirst = (a: LatestProbe, b: LatestProbe) => b.at.getTime() - a.at.getTime();

/**
 * A node's state now from each region's latest fresh probe, by the same quorum rule as the
 * rollups; with no fresh probe it is unknown. The version and latency come from the regions that
 * reached it (the fastest), the failure from the newest probe that did not.
 */
export function currentState(
  node: { nodeId: number; isCanonical: boolean },
  latest: readonly LatestProbe[],
  rule: QuorumRule = MAJORITY,
): CurrentState {
  const states = latest.map((probe) =>
    regionState({
      probes: 1,
      down: Number(probe.outcome === "down"),
      degraded: Number(probe.outcome === "degraded"),
    }),
  ) as ProbeOutcome[];
  const state = quorumState(states, rule);
  const newest = [...latest].sort(newestFirst)[0];
  const answered = latest.filter((probe) => probe.outcome !== "down");
  const latencies = answered.flatMap((probe) => (probe.latencyMs === null ? [] : [probe.latencyMs]));
  const failed = latest.filter((probe) => probe.outcome === "down").sort(newestFirst)[0];
  return {
    nodeId: node.nodeId,
    isCanonical: node.isCanonical,
    state,
    at: newest?.at ?? null,
    version: answered.find((probe) => probe.version)?.version ?? null,
    // A remote prober may send an answer without a latency: the fastest known one, or none.
    latencyMs: latencies.length ? Math.min(...latencies) : null,
    regions: latest.length,
    failure: state === "down" && failed ? { errorClass: failed.errorClass, error: failed.error } : null,
  };
}

export type NetworkHealth = {
  network: string;
  canonicalUp: number;
  canonicalTotal: number;
  canonicalUnknown: number;
  status: NetworkStatus;
  nodes: CurrentState[];
};

/** The network banner from the canonical nodes' states now (degraded counts as up). */
export function networkHealth(network: string, states: readonly CurrentState[]): NetworkHealth {
  const canonical = states.filter((node) => node.isCanonical);
  const up = canonical.filter((node) => node.state === "up" || node.state === "degraded").length;
  const known = canonical.filter((node) => node.state !== "unknown").length;
  return {
    network,
    canonicalUp: up,
    canonicalTotal: canonical.length,
    canonicalUnknown: canonical.length - known,
    status: networkStatus(up, canonical.length, known),
    nodes: canonical,
  };
}
