import { and, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { Bucket, Granularity } from "@/lib/uptime/buckets";
import type { MaintenanceWindow, RegionMinute } from "@/lib/uptime/minutes";
import type { RegionLatency, Registrations } from "@/lib/uptime/rollups";
import type { Db } from "../client";
import { maintenanceWindows, nodes, regionLatencyRollups, uptimeRollups } from "../schema";

// What the rollups are recomputed from: raw probes per minute, registrations, maintenance, hours.

type Range = { network: string; from: Date; to: Date };

/** Raw probes of a range grouped per node, region and minute, in SQL: counts and the latencies. */
export async function regionMinutesOf(db: Db, { network, from, to }: Range): Promise<RegionMinute[]> {
  const grouped = await db.execute<{
    node_id: number;
    region: string;
    minute: number;
    probes: number;
    down: number;
    degraded: number;
    latencies: number[] | null;
  }>(sql`
    select node_id, region, (floor(extract(epoch from at) / 60) * 60000)::float8 as minute,
      count(*)::int as probes,
      (count(*) filter (where outcome = 'down'))::int as down,
      (count(*) filter (where outcome = 'degraded'))::int as degraded,
      array_agg(latency_ms) filter (where outcome <> 'down' and latency_ms is not null) as latencies
    from probes where network = ${network} and at >= ${from} and at < ${to}
    group by 1, 2, 3`);
  return grouped.rows.map((row) => ({
    nodeId: Number(row.node_id),
    region: row.region,
    minute: Number(row.minute),
    probes: Number(row.probes),
    down: Number(row.down),
    degraded: Number(row.degraded),
    latenciesMs: (row.latencies ?? []).map(Number),
  }));
}

export async function registrationsOf(db: Db, network: string): Promise<Registrations> {
  const rows = await db
    .select({ nodeId: nodes.nodeId, registeredAt: nodes.registeredAt })
    .from(nodes)
    .where(eq(nodes.network, network));
  return new Map(rows.map((node) => [node.nodeId, node.registeredAt]));
}

/** The maintenance windows of a network that overlap [from, to). */
export const maintenanceDuring = ({ network, from, to }: Range) =>
  and(
    eq(maintenanceWindows.network, network),
    lt(maintenanceWindows.startsAt, to),
    gt(maintenanceWindows.endsAt, from),
  );

export async function maintenanceOf(db: Db, range: Range): Promise<MaintenanceWindow[]> {
  return db
    .select({
      nodeId: maintenanceWindows.nodeId,
      startsAt: maintenanceWindows.startsAt,
      endsAt: maintenanceWindows.endsAt,
    })
    .from(maintenanceWindows)
    .where(maintenanceDuring(range));
}

const hoursOf = (table: typeof uptimeRollups | typeof regionLatencyRollups, { network, from, to }: Range) =>
  and(
    eq(table.network, network),
    eq(table.granularity, "hour"),
    gte(table.bucketStart, from),
    lt(table.bucketStart, to),
  );

export async function hourRollupsOf(db: Db, range: Range): Promise<Bucket[]> {
  const rows = await db.select().from(uptimeRollups).where(hoursOf(uptimeRollups, range));
  return rows.map(fromRow);
}

export async function regionHourRollupsOf(db: Db, range: Range): Promise<RegionLatency[]> {
  return db
    .select({
      nodeId: regionLatencyRollups.nodeId,
      region: regionLatencyRollups.region,
      bucketStart: regionLatencyRollups.bucketStart,
      probeCount: regionLatencyRollups.probeCount,
      downCount: regionLatencyRollups.downCount,
      latencyHistogram: regionLatencyRollups.latencyHistogram,
      latencyCount: regionLatencyRollups.latencyCount,
    })
    .from(regionLatencyRollups)
    .where(hoursOf(regionLatencyRollups, range));
}

function fromRow(row: typeof uptimeRollups.$inferSelect): Bucket {
  return {
    nodeId: row.nodeId,
    granularity: row.granularity as Granularity,
    start: row.bucketStart.getTime(),
    up: row.upMinutes,
    degraded: row.degradedMinutes,
    down: row.downMinutes,
    maintenance: row.maintenanceMinutes,
    unknown: row.unknownMinutes,
    probes: row.probeCount,
    failedProbes: row.failedProbeCount,
    histogram: row.latencyHistogram,
    latencyCount: Number(row.latencyCount),
  };
}
