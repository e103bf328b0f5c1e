import "server-only";
import {
  AVAILABILITY_WINDOWS,
  DAY_BAR_DAYS,
  LATENCY_MIN_SAMPLES,
  type NodeHealth,
  type NodesHealth,
  nodeReplication,
} from "@/lib/uptime/node-health";
import { resolveWindow, type WindowPreset } from "@/lib/uptime/windows";
import type { Db } from "../client";
import { availabilityByNode, currentStates, dayBarsForNode, latencyByNode, replicationState } from "./uptime";

/** Each node's state now and its 30-day availability, keyed by node id, for the nodes list. */
export async function getNodesHealth(
  db: Db,
  { network, now }: { network: string; now: Date },
): Promise<NodesHealth> {
  const [states, availability] = await Promise.all([
    currentStates(db, network, { now }),
    availabilityByNode(db, network, resolveWindow("30d", now), now),
  ]);
  const byNode: NodesHealth = {};
  for (const row of availability) byNode[row.nodeId] = { current: null, availability30d: row };
  for (const state of states)
    byNode[state.nodeId] = { availability30d: null, ...byNode[state.nodeId], current: state };
  return byNode;
}

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
): Promise<NodeHealth> {
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
    replication: nodeReplication(replication, nodeId),
  };
}
