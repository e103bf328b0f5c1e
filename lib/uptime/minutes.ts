import { type Histogram, histogramOf } from "../metrics/histogram";

/**
 * The measurement rules of the methodology page, as pure functions over probe counts:
 *   region-minute: what one probing region saw of a node in one minute;
 *   node-minute: what the regions together say, by quorum (a majority by default);
 *   unknown: nobody (healthy) probed it, so it counts neither for nor against the node.
 */
export type MinuteState = "up" | "degraded" | "down" | "unknown" | "maintenance";

/** One region's probes of one node in one minute. */
export type RegionMinute = {
  nodeId: number;
  region: string;
  minute: number; // epoch ms, minute-aligned
  probes: number;
  down: number;
  degraded: number;
  latenciesMs: number[]; // of answered (up or degraded) probes
};

export type QuorumRule = {
  /** Share of probing regions that must see a node down for the minute to be down (strictly more than). */
  quorum: number;
};
export const MAJORITY: QuorumRule = { quorum: 0.5 };

/** A region saw a node down when more than half its probes that minute failed; degraded when any was slow or failed. */
export function regionState({ probes, down, degraded }: Pick<RegionMinute, "probes" | "down" | "degraded">) {
  if (probes === 0) return "unknown" as const;
  if (down * 2 > probes) return "down" as const;
  if (down + degraded > 0) return "degraded" as const;
  return "up" as const;
}

/** The node's state in a minute from the regions that probed it: down only on a quorum of them. */
export function quorumState(
  states: readonly ("up" | "degraded" | "down")[],
  rule: QuorumRule = MAJORITY,
): "up" | "degraded" | "down" | "unknown" {
  if (states.length === 0) return "unknown";
  const down = states.filter((state) => state === "down").length;
  if (down > rule.quorum * states.length) return "down";
  const degraded = states.filter((state) => state === "degraded").length;
  if (down + degraded > rule.quorum * states.length) return "degraded";
  return "up";
}

/**
 * Regions that were themselves out in a minute: every node they probed was down while another
 * region reached at least one node. Their view of that minute is the prober's outage, not the
 * nodes', so it is left out. (With a single region this cannot be told apart from a network outage.)
 */
export function regionOutages(rows: readonly RegionMinute[], minNodes = 2): Set<string> {
  const byRegionMinute = new Map<string, { nodes: number; down: number }>();
  for (const row of rows) {
    const key = `${row.minute}|${row.region}`;
    const entry = byRegionMinute.get(key) ?? { nodes: 0, down: 0 };
    entry.nodes += 1;
    if (regionState(row) === "down") entry.down += 1;
    byRegionMinute.set(key, entry);
  }
  const reachedSomething = new Set<number>();
  for (const [key, entry] of byRegionMinute)
    if (entry.down < entry.nodes) reachedSomething.add(Number(key.split("|")[0]));
  const out = new Set<string>();
  for (const [key, entry] of byRegionMinute) {
    const minute = Number(key.split("|")[0]);
    if (entry.nodes >= minNodes && entry.down === entry.nodes && reachedSomething.has(minute)) out.add(key);
  }
  return out;
}

export type MaintenanceWindow = { nodeId: number | null; startsAt: Date; endsAt: Date };

export function inMaintenance(
  windows: readonly MaintenanceWindow[],
  nodeId: number,
  minute: number,
): boolean {
  return windows.some(
    (window) =>
      (window.nodeId === null || window.nodeId === nodeId) &&
      window.startsAt.getTime() <= minute &&
      minute < window.endsAt.getTime(),
  );
}

export type NodeMinute = {
  nodeId: number;
  minute: number;
  state: Exclude<MinuteState, "unknown">;
  probes: number;
  failedProbes: number;
  histogram: Histogram;
};

/**
 * Node-minutes from region-minutes: the quorum over regions that were not out themselves, and
 * maintenance over any measured state. Minutes nobody probed produce no row (they are unknown).
 */
export function nodeMinutes(
  rows: readonly RegionMinute[],
  {
    rule = MAJORITY,
    // Stryker disable next-line ArrayDeclaration: a string in place of a window has no nodeId, so it matches no minute
    maintenance = [],
  }: { rule?: QuorumRule; maintenance?: readonly MaintenanceWindow[] } = {},
): NodeMinute[] {
  const outages = regionOutages(rows);
  const grouped = new Map<string, RegionMinute[]>();
  for (const row of rows) {
    const key = `${row.nodeId}|${row.minute}`;
    const group = grouped.get(key);
    if (group) group.push(row);
    else grouped.set(key, [row]);
  }
  const result: NodeMinute[] = [];
  for (const group of grouped.values()) {
    const { nodeId, minute } = group[0] as RegionMinute;
    const counted = group.filter((row) => !outages.has(`${row.minute}|${row.region}`));
    const states = counted.map(regionState).filter((state) => state !== "unknown");
    const measured = quorumState(states, rule);
    if (measured === "unknown") continue;
    result.push({
      nodeId,
      minute,
      state: inMaintenance(maintenance, nodeId, minute) ? "maintenance" : measured,
      probes: group.reduce((sum, row) => sum + row.probes, 0),
      failedProbes: group.reduce((sum, row) => sum + row.down, 0),
      histogram: histogramOf(group.flatMap((row) => row.latenciesMs)),
    });
  }
  return result.sort((a, b) => a.nodeId - b.nodeId || a.minute - b.minute);
}
