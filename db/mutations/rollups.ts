import { and, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import { histogramCount, histogramOf, mergeHistograms } from "@/lib/metrics/histogram";
import { type Bucket, type Granularity, rollUp } from "@/lib/uptime/buckets";
import {
  DAY_MS,
  HOUR_MS,
  type NodeMinute,
  nodeMinutes,
  type QuorumRule,
  type RegionMinute,
} from "@/lib/uptime/minutes";
import type { Db } from "../client";
import { maintenanceWindows, nodes, regionLatencyRollups, rollupWatermarks, uptimeRollups } from "../schema";

const WATERMARK = "uptime";
// Probes are stamped when their transaction starts; one committing this much later is still picked up.
const LATE_COMMIT_MARGIN_MS = 5 * 60_000;
const CHUNK = 2000;

type Options = { now: Date; rule?: QuorumRule };

/**
 * Brings the rollups up to date with every probe received since the last run: each UTC hour that
 * received a probe (however late) is recomputed from raw probes, then its day from its hours.
 * Recomputing replaces rows, so running twice changes nothing.
 */
export async function runRollups(db: Db, { now, rule }: Options) {
  const [mark] = await db.select().from(rollupWatermarks).where(eq(rollupWatermarks.name, WATERMARK));
  const since = new Date((mark?.throughAt.getTime() ?? 0) - LATE_COMMIT_MARGIN_MS);
  const dirty = await db.execute<{ network: string; hour: string }>(sql`
    select network, (floor(extract(epoch from at) / 3600) * 3600000)::float8 as hour
    from probes where received_at > ${since} group by 1, 2 order by 1, 2`);
  // One span per network and UTC day, from its first to its last dirty hour: one query, not one per hour.
  const spans = new Map<string, { network: string; day: number; from: number; to: number }>();
  for (const { network, hour } of dirty.rows) {
    const start = Number(hour);
    const day = Math.floor(start / DAY_MS) * DAY_MS;
    const span = spans.get(`${network}|${day}`) ?? { network, day, from: start, to: start + HOUR_MS };
    span.from = Math.min(span.from, start);
    span.to = Math.max(span.to, start + HOUR_MS);
    spans.set(`${network}|${day}`, span);
  }
  for (const span of spans.values()) {
    await rollupSpan(db, span.network, span.from, span.to, { now, rule });
    await rollupDay(db, span.network, span.day, { now });
  }
  await db
    .insert(rollupWatermarks)
    .values({ name: WATERMARK, throughAt: now })
    .onConflictDoUpdate({ target: rollupWatermarks.name, set: { throughAt: now, updatedAt: new Date() } });
  return { hours: dirty.rows.length, days: spans.size };
}

/**
 * Recomputes a network's rollups over a time range, hours then their days: for changes that do not
 * come with new probes, such as a maintenance window announced or corrected afterwards.
 */
export async function recomputeRollups(
  db: Db,
  network: string,
  { from, to, now, rule }: Options & { from: Date; to: Date },
) {
  // Hours whose raw probes retention has dropped keep their rollups: there is nothing to recompute them from.
  const oldest = await db.execute<{ at: string | null }>(
    sql`select min(at)::text as at from probes where network = ${network}`,
  );
  const kept = oldest.rows[0]?.at
    ? Math.floor(Date.parse(oldest.rows[0].at) / HOUR_MS) * HOUR_MS
    : Number.POSITIVE_INFINITY;
  const start = Math.max(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS, kept);
  let days = 0;
  for (let day = Math.floor(start / DAY_MS) * DAY_MS; day < to.getTime(); day += DAY_MS) {
    const spanFrom = Math.max(start, day);
    const spanTo = Math.min(Math.ceil(to.getTime() / HOUR_MS) * HOUR_MS, day + DAY_MS);
    if (spanFrom >= spanTo) continue;
    await rollupSpan(db, network, spanFrom, spanTo, { now, rule });
    await rollupDay(db, network, day, { now });
    days += 1;
  }
  return { days };
}

/** Recomputes one network's minute and hour rollups for the whole hours of [spanFrom, spanTo) (epoch ms). */
export async function rollupSpan(
  db: Db,
  network: string,
  spanFrom: number,
  spanTo: number,
  { now, rule }: Options,
) {
  const from = new Date(spanFrom);
  const to = new Date(spanTo);
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
  const regionMinutes: RegionMinute[] = grouped.rows.map((row) => ({
    nodeId: Number(row.node_id),
    region: row.region,
    minute: Number(row.minute),
    probes: Number(row.probes),
    down: Number(row.down),
    degraded: Number(row.degraded),
    latenciesMs: (row.latencies ?? []).map(Number),
  }));
  const [registered, maintenance] = await Promise.all([
    db
      .select({ nodeId: nodes.nodeId, registeredAt: nodes.registeredAt })
      .from(nodes)
      .where(eq(nodes.network, network)),
    db
      .select({
        nodeId: maintenanceWindows.nodeId,
        startsAt: maintenanceWindows.startsAt,
        endsAt: maintenanceWindows.endsAt,
      })
      .from(maintenanceWindows)
      .where(
        and(
          eq(maintenanceWindows.network, network),
          lt(maintenanceWindows.startsAt, to),
          gt(maintenanceWindows.endsAt, from),
        ),
      ),
  ]);
  const minutes = nodeMinutes(regionMinutes, { rule, maintenance });
  const registeredAt = new Map(registered.map((node) => [node.nodeId, node.registeredAt]));
  const nodeIds = new Set([...registeredAt.keys(), ...minutes.map((minute) => minute.nodeId)]);
  const hours = [...nodeIds].flatMap((nodeId) =>
    rollUp(
      nodeId,
      minutes.filter((minute) => minute.nodeId === nodeId),
      "hour",
      { from: spanFrom, to: spanTo, registeredAt: registeredAt.get(nodeId), now },
    ),
  );
  const regions = regionLatency(regionMinutes);
  await db.transaction(async (tx) => {
    const range = { network, from, to };
    await replaceRows(tx, uptimeRollups, { ...range, granularities: ["minute", "hour"] }, [
      ...minutes.map((minute) => minuteRow(network, minute)),
      ...hours.map((bucket) => bucketRow(network, bucket)),
    ]);
    await replaceRows(
      tx,
      regionLatencyRollups,
      { ...range, granularities: ["hour"] },
      regions.map((row) => ({ ...row, network, granularity: "hour" as const })),
    );
  });
}

/** Recomputes one network's day rollups (uptime and latency by region) from that day's hours. */
export async function rollupDay(db: Db, network: string, day: number, { now }: Pick<Options, "now">) {
  const from = new Date(day);
  const to = new Date(day + DAY_MS);
  const hoursOf = (table: typeof uptimeRollups | typeof regionLatencyRollups) =>
    and(
      eq(table.network, network),
      eq(table.granularity, "hour"),
      gte(table.bucketStart, from),
      lt(table.bucketStart, to),
    );
  const [hourRows, regionRows, registered] = await Promise.all([
    db.select().from(uptimeRollups).where(hoursOf(uptimeRollups)),
    db.select().from(regionLatencyRollups).where(hoursOf(regionLatencyRollups)),
    db
      .select({ nodeId: nodes.nodeId, registeredAt: nodes.registeredAt })
      .from(nodes)
      .where(eq(nodes.network, network)),
  ]);
  const registeredAt = new Map(registered.map((node) => [node.nodeId, node.registeredAt]));
  const hours = hourRows.map(fromRow);
  const nodeIds = new Set(hours.map((bucket) => bucket.nodeId));
  const dayBuckets = [...nodeIds].flatMap((nodeId) =>
    rollUp(
      nodeId,
      hours.filter((bucket) => bucket.nodeId === nodeId),
      "day",
      { from: day, to: day + DAY_MS, registeredAt: registeredAt.get(nodeId), now },
    ),
  );
  const regionDays = new Map<string, (typeof regionRows)[number]>();
  for (const row of regionRows) {
    const key = `${row.nodeId}|${row.region}`;
    const seen = regionDays.get(key);
    regionDays.set(
      key,
      seen
        ? {
            ...seen,
            probeCount: seen.probeCount + row.probeCount,
            downCount: seen.downCount + row.downCount,
            latencyHistogram: mergeHistograms(seen.latencyHistogram, row.latencyHistogram),
            latencyCount: seen.latencyCount + row.latencyCount,
          }
        : row,
    );
  }
  await db.transaction(async (tx) => {
    const range = { network, from, to, granularities: ["day" as const] };
    await replaceRows(
      tx,
      uptimeRollups,
      range,
      dayBuckets.map((bucket) => bucketRow(network, bucket)),
    );
    await replaceRows(
      tx,
      regionLatencyRollups,
      range,
      [...regionDays.values()].map((row) => ({ ...row, granularity: "day" as const, bucketStart: from })),
    );
  });
}

/** Per node, probing region and hour: probe counts and the merged latency histogram. */
function regionLatency(rows: readonly RegionMinute[]) {
  const byNodeRegion = new Map<
    string,
    {
      nodeId: number;
      region: string;
      hour: number;
      probeCount: number;
      downCount: number;
      latencyHistogram: Record<string, number>;
    }
  >();
  for (const row of rows) {
    const hour = Math.floor(row.minute / HOUR_MS) * HOUR_MS;
    const key = `${row.nodeId}|${row.region}|${hour}`;
    const entry = byNodeRegion.get(key) ?? {
      nodeId: row.nodeId,
      region: row.region,
      hour,
      probeCount: 0,
      downCount: 0,
      latencyHistogram: {},
    };
    entry.probeCount += row.probes;
    entry.downCount += row.down;
    entry.latencyHistogram = mergeHistograms(entry.latencyHistogram, histogramOf(row.latenciesMs));
    byNodeRegion.set(key, entry);
  }
  return [...byNodeRegion.values()].map(({ hour, ...entry }) => ({
    ...entry,
    bucketStart: new Date(hour),
    latencyCount: histogramCount(entry.latencyHistogram),
  }));
}

const minuteRow = (network: string, minute: NodeMinute) => ({
  network,
  nodeId: minute.nodeId,
  granularity: "minute" as const,
  bucketStart: new Date(minute.minute),
  upMinutes: Number(minute.state === "up"),
  degradedMinutes: Number(minute.state === "degraded"),
  downMinutes: Number(minute.state === "down"),
  maintenanceMinutes: Number(minute.state === "maintenance"),
  unknownMinutes: 0,
  probeCount: minute.probes,
  failedProbeCount: minute.failedProbes,
  latencyHistogram: minute.histogram,
  latencyCount: histogramCount(minute.histogram),
});

const bucketRow = (network: string, bucket: Bucket) => ({
  network,
  nodeId: bucket.nodeId,
  granularity: bucket.granularity,
  bucketStart: new Date(bucket.start),
  upMinutes: bucket.up,
  degradedMinutes: bucket.degraded,
  downMinutes: bucket.down,
  maintenanceMinutes: bucket.maintenance,
  unknownMinutes: bucket.unknown,
  probeCount: bucket.probes,
  failedProbeCount: bucket.failedProbes,
  latencyHistogram: bucket.histogram,
  latencyCount: bucket.latencyCount,
});

export function fromRow(row: typeof uptimeRollups.$inferSelect): Bucket {
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

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Replaces a network's rows of some granularities in [from, to) with `rows`, inside the caller's transaction. */
async function replaceRows<T extends typeof uptimeRollups | typeof regionLatencyRollups>(
  tx: Tx,
  table: T,
  {
    network,
    from,
    to,
    granularities,
  }: { network: string; from: Date; to: Date; granularities: Granularity[] },
  rows: T["$inferInsert"][],
) {
  // The worker and `npm run rollup` may rebuild the same range at once: one network's rewrites take
  // turns, or the second insert would collide with the first's rows.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rollups:${network}`}))`);
  await tx
    .delete(table)
    .where(
      and(
        eq(table.network, network),
        inArray(table.granularity, granularities),
        gte(table.bucketStart, from),
        lt(table.bucketStart, to),
      ),
    );
  for (let start = 0; start < rows.length; start += CHUNK)
    await tx
      .insert(table as typeof uptimeRollups)
      .values(rows.slice(start, start + CHUNK) as (typeof uptimeRollups.$inferInsert)[]);
}

/** Retention: minute and hour rollups older than their limits go; day rollups stay forever. */
export async function pruneRollups(
  db: Db,
  { now, minuteDays, hourDays }: { now: Date; minuteDays: number; hourDays: number },
) {
  const minuteCutoff = new Date(now.getTime() - minuteDays * DAY_MS);
  const hourCutoff = new Date(now.getTime() - hourDays * DAY_MS);
  const minutes = await db
    .delete(uptimeRollups)
    .where(and(eq(uptimeRollups.granularity, "minute"), lt(uptimeRollups.bucketStart, minuteCutoff)))
    .returning({ nodeId: uptimeRollups.nodeId });
  const hours = await db
    .delete(uptimeRollups)
    .where(and(eq(uptimeRollups.granularity, "hour"), lt(uptimeRollups.bucketStart, hourCutoff)))
    .returning({ nodeId: uptimeRollups.nodeId });
  await db
    .delete(regionLatencyRollups)
    .where(
      and(eq(regionLatencyRollups.granularity, "hour"), lt(regionLatencyRollups.bucketStart, hourCutoff)),
    );
  return { minutes: minutes.length, hours: hours.length };
}
