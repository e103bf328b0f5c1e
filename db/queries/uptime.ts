import { type AnyColumn, and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { DAY_MS, HOUR_MS, type TimeWindow } from "@/lib/time";
import { availabilityOf, bucketStart, countableMinutes } from "@/lib/uptime/buckets";
import {
  CURRENT_STATE_FRESH_MS,
  type CurrentState,
  currentState,
  networkHealth,
} from "@/lib/uptime/current-state";
import { type DayBar, dayBars } from "@/lib/uptime/day-bars";
import { type LatencyPercentiles, latencyPercentiles } from "@/lib/uptime/latency";
import { MAJORITY, type QuorumRule } from "@/lib/uptime/minutes";
import type { NodeAvailability } from "@/lib/uptime/node-health";
import { type Replication, replication } from "@/lib/uptime/replication";
import { segments } from "@/lib/uptime/windows";
import type { Db } from "../client";
import {
  incidents,
  nodeCursorSnapshots,
  nodes,
  probes,
  regionLatencyRollups,
  uptimeRollups,
} from "../schema";
import { affectsNode } from "./incidents";

type RollupTable = typeof uptimeRollups | typeof regionLatencyRollups;

/** Where a window's rows are, each minute counted once: day rows, then hours and minutes at the edges. */
function inWindow(table: RollupTable, network: string, window: TimeWindow, nodeId?: number) {
  const ranges = segments(window).map(
    ({ granularity, from, to }) =>
      sql`(${table.granularity} = ${granularity} and ${table.bucketStart} >= ${from} and ${table.bucketStart} < ${to})`,
  );
  return and(
    eq(table.network, network),
    nodeId === undefined ? undefined : eq(table.nodeId, nodeId),
    ranges.length ? sql`(${sql.join(ranges, sql` or `)})` : sql`false`,
  );
}

async function registrations(db: Db, network: string, nodeId?: number) {
  const rows = await db
    .select({
      nodeId: nodes.nodeId,
      registeredAt: nodes.registeredAt,
      isCanonical: nodes.isCanonical,
      inRegistry: nodes.inRegistry,
    })
    .from(nodes)
    .where(and(eq(nodes.network, network), nodeId === undefined ? undefined : eq(nodes.nodeId, nodeId)))
    .orderBy(nodes.nodeId);
  return rows;
}

/**
 * Availability and coverage of every node over a window: up (incl. degraded) / (up + down) minutes,
 * unknown and maintenance minutes left out; coverage = known minutes / the window's minutes since
 * the node was registered. With `nodeId`, that node alone (a node page need not read the others' rows).
 */
export async function availabilityByNode(
  db: Db,
  network: string,
  window: TimeWindow,
  now: Date,
  { nodeId }: { nodeId?: number } = {},
): Promise<NodeAvailability[]> {
  const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)::int`;
  const [sums, registered] = await Promise.all([
    db
      .select({
        nodeId: uptimeRollups.nodeId,
        up: total(uptimeRollups.upMinutes),
        degraded: total(uptimeRollups.degradedMinutes),
        down: total(uptimeRollups.downMinutes),
        maintenance: total(uptimeRollups.maintenanceMinutes),
      })
      .from(uptimeRollups)
      .where(inWindow(uptimeRollups, network, window, nodeId))
      .groupBy(uptimeRollups.nodeId),
    registrations(db, network, nodeId),
  ]);
  const byNode = new Map(sums.map((row) => [row.nodeId, row]));
  return registered.map((node) => {
    const minutes = countableMinutes(window.from.getTime(), window.to.getTime(), {
      registeredAt: node.registeredAt,
      now,
    });
    const sum = byNode.get(node.nodeId);
    const parts = sum
      ? [{ up: sum.up, degraded: sum.degraded, down: sum.down, maintenance: sum.maintenance }]
      : [];
    return { nodeId: node.nodeId, isCanonical: node.isCanonical, ...availabilityOf(parts, minutes) };
  });
}

/** The last `days` UTC day bars of a node, with incident counts. */
export async function dayBarsForNode(
  db: Db,
  network: string,
  nodeId: number,
  { days, now }: { days: number; now: Date },
): Promise<DayBar[]> {
  const from = new Date(bucketStart(now.getTime(), "day") - (days - 1) * DAY_MS);
  const [rows, [node], incidentRows] = await Promise.all([
    db
      .select()
      .from(uptimeRollups)
      .where(
        and(
          eq(uptimeRollups.network, network),
          eq(uptimeRollups.nodeId, nodeId),
          eq(uptimeRollups.granularity, "day"),
          gte(uptimeRollups.bucketStart, from),
        ),
      ),
    db
      .select({ registeredAt: nodes.registeredAt })
      .from(nodes)
      .where(and(eq(nodes.network, network), eq(nodes.nodeId, nodeId))),
    db
      .select({
        day: sql<string>`to_char(${incidents.startedAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        count: sql<number>`count(*)::int`,
      })
      .from(incidents)
      .where(and(eq(incidents.network, network), affectsNode(nodeId), gte(incidents.startedAt, from)))
      .groupBy(sql`1`),
  ]);
  return dayBars(
    rows.map((row) => ({
      start: row.bucketStart.getTime(),
      up: row.upMinutes,
      degraded: row.degradedMinutes,
      down: row.downMinutes,
      maintenance: row.maintenanceMinutes,
    })),
    {
      days,
      now,
      registeredAt: node?.registeredAt,
      incidentsByDay: Object.fromEntries(incidentRows.map((row) => [row.day, Number(row.count)])),
    },
  );
}

/**
 * Probe latency percentiles per node, overall and per probing region, merged from the rollups'
 * histograms. Region latency is kept per hour at the finest, so the window widens to whole hours at
 * both ends: the hour under way counts (partial) rather than staying hidden until it ends.
 */
export async function latencyByNode(
  db: Db,
  network: string,
  window: TimeWindow,
  { minSamples = 100, nodeId }: { minSamples?: number; nodeId?: number } = {},
): Promise<LatencyPercentiles[]> {
  const hours = {
    from: new Date(bucketStart(window.from.getTime(), "hour")),
    to: new Date(bucketStart(window.to.getTime() - 1, "hour") + HOUR_MS),
  };
  const rows = await db
    .select({
      nodeId: regionLatencyRollups.nodeId,
      region: regionLatencyRollups.region,
      latencyHistogram: regionLatencyRollups.latencyHistogram,
    })
    .from(regionLatencyRollups)
    .where(inWindow(regionLatencyRollups, network, hours, nodeId));
  return latencyPercentiles(rows, minSamples);
}

/** One node's probe-latency histograms per region and hour or day bucket starting in [from, to). */
export async function regionLatencyBuckets(
  db: Db,
  network: string,
  nodeId: number,
  { from, to, bucket }: { from: Date; to: Date; bucket: "hour" | "day" },
) {
  const rows = await db
    .select({
      region: regionLatencyRollups.region,
      bucketStart: regionLatencyRollups.bucketStart,
      histogram: regionLatencyRollups.latencyHistogram,
    })
    .from(regionLatencyRollups)
    .where(
      and(
        eq(regionLatencyRollups.network, network),
        eq(regionLatencyRollups.granularity, bucket),
        eq(regionLatencyRollups.nodeId, nodeId),
        gte(regionLatencyRollups.bucketStart, new Date(bucketStart(from.getTime(), bucket))),
        lt(regionLatencyRollups.bucketStart, to),
      ),
    );
  return rows.map((row) => ({
    region: row.region,
    start: row.bucketStart.getTime(),
    histogram: row.histogram,
  }));
}

/**
 * Each node's state now: the latest probe of each region within `freshMs`, by the same quorum rule
 * as the rollups. A node no region probed recently is unknown.
 */
export async function currentStates(
  db: Db,
  network: string,
  {
    now,
    freshMs = CURRENT_STATE_FRESH_MS,
    rule = MAJORITY,
    nodeId,
  }: { now: Date; freshMs?: number; rule?: QuorumRule; nodeId?: number },
): Promise<CurrentState[]> {
  const since = new Date(now.getTime() - freshMs);
  const [latest, registered] = await Promise.all([
    db
      .selectDistinctOn([probes.nodeId, probes.region])
      .from(probes)
      .where(
        and(
          eq(probes.network, network),
          nodeId === undefined ? undefined : eq(probes.nodeId, nodeId),
          gte(probes.at, since),
          lt(probes.at, new Date(now.getTime() + 60_000)),
        ),
      )
      .orderBy(probes.nodeId, probes.region, desc(probes.at)),
    registrations(db, network, nodeId),
  ]);
  const byNode = new Map<number, typeof latest>();
  for (const probe of latest) byNode.set(probe.nodeId, [...(byNode.get(probe.nodeId) ?? []), probe]);
  return registered
    .filter((node) => node.inRegistry)
    .map((node) => currentState(node, byNode.get(node.nodeId) ?? [], rule));
}

export async function networkHealthSummary(db: Db, network: string, { now }: { now: Date }) {
  return networkHealth(network, await currentStates(db, network, { now }));
}

/** Each registry node's latest sync cursor, spread and lag as `replication` computes them. */
export async function replicationState(db: Db, network: string): Promise<Replication> {
  // Per registry node, its newest snapshot by index: no scan of the 14 days of snapshots kept.
  const result = await db.execute<{ node_id: number; at: Date | string; cursor: Record<string, string> }>(sql`
    select n.node_id, s.at, s.cursor
    from ${nodes} n
    cross join lateral (
      select at, cursor from ${nodeCursorSnapshots} s
      where s.network = n.network and s.node_id = n.node_id
      order by s.at desc
      limit 1
    ) s
    where n.network = ${network}
    order by n.node_id`);
  const latest = result.rows.map((row) => ({
    nodeId: Number(row.node_id),
    at: new Date(row.at),
    cursor: row.cursor,
  }));
  return replication(latest);
}
