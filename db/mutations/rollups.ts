import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { histogramCount } from "@/lib/metrics/histogram";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import type { Bucket, Granularity } from "@/lib/uptime/buckets";
import type { NodeMinute, QuorumRule, RegionMinute } from "@/lib/uptime/minutes";
import {
  dayRollups,
  daySpans,
  dirtySpans,
  type RegionLatency,
  type Span,
  spanRollups,
} from "@/lib/uptime/rollups";
import type { Db, Tx } from "../client";
import {
  hourRollupsOf,
  maintenanceOf,
  regionHourRollupsOf,
  regionMinutesOf,
  registrationsOf,
} from "../queries/rollup-inputs";
import { nodeCursorRollups, regionLatencyRollups, rollupWatermarks, uptimeRollups } from "../schema";
import { chunks } from "./chunks";

const WATERMARK = "uptime";
// Probes are stamped when their transaction starts; one committing this much later is still picked up.
const LATE_COMMIT_MARGIN_MS = 5 * 60_000;

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
  const spans = dirtySpans(dirty.rows.map((row) => ({ network: row.network, hour: Number(row.hour) })));
  for (const span of spans) await rollupSpanAndDay(db, span, { now, rule });
  await db
    .insert(rollupWatermarks)
    .values({ name: WATERMARK, throughAt: now })
    .onConflictDoUpdate({ target: rollupWatermarks.name, set: { throughAt: now, updatedAt: new Date() } });
  return { hours: dirty.rows.length, days: spans.length };
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
  const spans = daySpans(network, from.getTime(), to.getTime(), kept);
  for (const span of spans) await rollupSpanAndDay(db, span, { now, rule });
  return { days: spans.length };
}

async function rollupSpanAndDay(db: Db, span: Span, options: Options) {
  await rollupSpan(db, span, await regionMinutesOf(db, rangeOf(span)), options);
  await rollupDay(db, span.network, span.day, options);
}

/**
 * Rolls up region-minutes that never were raw probes (a backfill, such as the demo's months of
 * history) by the same rules as probes: quorum, region outages, maintenance, registration. Minute
 * rows are written only where `minutesFrom` allows (older ones would be pruned at once).
 */
export async function rollupRegionMinutes(
  db: Db,
  span: Span,
  regionMinutes: readonly RegionMinute[],
  options: Options & { minutesFrom: number },
) {
  await rollupSpan(db, span, regionMinutes, options);
  await rollupDay(db, span.network, span.day, options);
}

const rangeOf = (span: Span) => ({ network: span.network, from: new Date(span.from), to: new Date(span.to) });

/** Recomputes one network's minute and hour rollups for the whole hours of a span. */
async function rollupSpan(
  db: Db,
  span: Span,
  regionMinutes: readonly RegionMinute[],
  { now, rule, minutesFrom = 0 }: Options & { minutesFrom?: number },
) {
  const range = rangeOf(span);
  const [registeredAt, maintenance] = await Promise.all([
    registrationsOf(db, span.network),
    maintenanceOf(db, range),
  ]);
  const { minutes, hours, regions } = spanRollups(regionMinutes, {
    span,
    now,
    rule,
    maintenance,
    registeredAt,
  });
  await db.transaction(async (tx) => {
    await replaceRows(tx, uptimeRollups, { ...range, granularities: ["minute", "hour"] }, [
      ...minutes
        .filter((minute) => minute.minute >= minutesFrom)
        .map((minute) => minuteRow(span.network, minute)),
      ...hours.map((bucket) => bucketRow(span.network, bucket)),
    ]);
    await replaceRows(
      tx,
      regionLatencyRollups,
      { ...range, granularities: ["hour"] },
      regions.map((row) => regionRow(span.network, "hour", row)),
    );
  });
}

/** Recomputes one network's day rollups (uptime and latency by region) from that day's hours. */
async function rollupDay(db: Db, network: string, day: number, { now }: Pick<Options, "now">) {
  const range = { network, from: new Date(day), to: new Date(day + DAY_MS) };
  const [hours, regionHours, registeredAt] = await Promise.all([
    hourRollupsOf(db, range),
    regionHourRollupsOf(db, range),
    registrationsOf(db, network),
  ]);
  const { days, regions } = dayRollups(hours, regionHours, { day, now, registeredAt });
  await db.transaction(async (tx) => {
    const dayRange = { ...range, granularities: ["day" as const] };
    await replaceRows(
      tx,
      uptimeRollups,
      dayRange,
      days.map((bucket) => bucketRow(network, bucket)),
    );
    await replaceRows(
      tx,
      regionLatencyRollups,
      dayRange,
      regions.map((row) => regionRow(network, "day", row)),
    );
  });
}

const regionRow = (network: string, granularity: Granularity, row: RegionLatency) => ({
  ...row,
  network,
  granularity,
});

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
  for (const part of chunks(rows))
    await tx.insert(table as typeof uptimeRollups).values(part as (typeof uptimeRollups.$inferInsert)[]);
}

/** Retention: minute and hour rollups (and hourly cursors) older than their limits go; day rollups stay forever. */
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
  await db
    .delete(nodeCursorRollups)
    .where(and(eq(nodeCursorRollups.granularity, "hour"), lt(nodeCursorRollups.bucketStart, hourCutoff)));
  return { minutes: minutes.length, hours: hours.length };
}
