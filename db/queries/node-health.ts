import "server-only";
import { resolveWindow, type WindowPreset } from "@/lib/uptime/windows";
import type { Db } from "../client";
import {
  availabilityByNode,
  type CurrentState,
  currentStates,
  dayBarsForNode,
  latencyByNode,
  type NodeAvailability,
  replicationState,
} from "./uptime";

/** The windows a node page states availability over, shortest first. */
export const AVAILABILITY_WINDOWS = ["24h", "7d", "30d", "90d"] as const satisfies readonly WindowPreset[];
/** Below this many probes a percentile is "insufficient data". */
export const LATENCY_MIN_SAMPLES = 100;
export const DAY_BAR_DAYS = 90;

/** Each node's state now and its 30-day availability, keyed by node id, for the nodes list. */
export async function getNodesHealth(db: Db, { network, now }: { network: string; now: Date }) {
  const [states, availability] = await Promise.all([
    currentStates(db, network, { now }),
    availabilityByNode(db, network, resolveWindow("30d", now), now),
  ]);
  const byNode: Record<number, { current: CurrentState | null; availability30d: NodeAvailability | null }> =
    {};
  for (const row of availability) byNode[row.nodeId] = { current: null, availability30d: row };
  for (const state of states)
    byNode[state.nodeId] = { availability30d: null, ...byNode[state.nodeId], current: state };
  return byNode;
}

export type NodesHealth = Awaited<ReturnType<typeof getNodesHealth>>;

/**
 * Everything a node page says about one node's health: its state now, availability over each
 * window, the last 90 UTC days, probe latency by region over `latencyWindow`, and replication lag.
 */
export async function getNodeHealth(
  db: Db,
  {
    network,
    nodeId,
    now,
    latencyWindow,
  }: { network: string; nodeId: number; now: Date; latencyWindow: WindowPreset },
) {
  const [availability, dayBars, latency, states, replication] = await Promise.all([
    Promise.all(
      AVAILABILITY_WINDOWS.map(async (preset) => {
        const [row] = await availabilityByNode(db, network, resolveWindow(preset, now), now, { nodeId });
        return { preset, availability: row ?? null };
      }),
    ),
    dayBarsForNode(db, network, nodeId, { days: DAY_BAR_DAYS, now }),
    latencyByNode(db, network, resolveWindow(latencyWindow, now), {
      minSamples: LATENCY_MIN_SAMPLES,
      nodeId,
    }),
    currentStates(db, network, { now, nodeId }),
    replicationState(db, network),
  ]);
  return {
    current: states[0] ?? null,
    availability,
    dayBars,
    latency: { window: latencyWindow, minSamples: LATENCY_MIN_SAMPLES, rows: latency },
    replication: {
      node: replication.nodes.find((node) => node.nodeId === nodeId) ?? null,
      originators: replication.originators,
      reportingNodes: replication.nodes.length,
    },
  };
}

export type NodeHealth = Awaited<ReturnType<typeof getNodeHealth>>;
