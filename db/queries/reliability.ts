import { type AnyColumn, and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Bucket } from "@/lib/charts/range";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import type { Db } from "../client";
import {
  forkChecks,
  integrationTestCases,
  integrationTestRuns,
  nodeCursorSnapshots,
  nodes,
  uptimeRollups,
} from "../schema";

type Span = { network: string; from: Date; to: Date };
const utcDay = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
const dayStart = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/** The day rollups of the canonical registry nodes over the whole UTC days [from, to) touches. */
export async function getCanonicalDayRollups(db: Db, { network, from, to }: Span) {
  const canonical = db
    .select({ nodeId: nodes.nodeId })
    .from(nodes)
    .where(and(eq(nodes.network, network), eq(nodes.isCanonical, true), eq(nodes.inRegistry, true)));
  return db
    .select({
      nodeId: uptimeRollups.nodeId,
      day: utcDay(uptimeRollups.bucketStart),
      up: uptimeRollups.upMinutes,
      degraded: uptimeRollups.degradedMinutes,
      down: uptimeRollups.downMinutes,
    })
    .from(uptimeRollups)
    .where(
      and(
        eq(uptimeRollups.network, network),
        eq(uptimeRollups.granularity, "day"),
        inArray(uptimeRollups.nodeId, canonical),
        gte(uptimeRollups.bucketStart, dayStart(from)),
        lt(uptimeRollups.bucketStart, to),
      ),
    );
}

/** Fork checks summed per UTC day, over the whole days [from, to) touches. */
export async function getForkDays(db: Db, { network, from, to }: Span) {
  const day = utcDay(forkChecks.startedAt);
  return db
    .select({
      day,
      runs: sql<number>`count(*)::int`,
      groupsChecked: sql<number>`sum(${forkChecks.groupsChecked})::int`,
      forkedGroups: sql<number>`sum(${forkChecks.forkedGroups})::int`,
    })
    .from(forkChecks)
    .where(
      and(
        eq(forkChecks.network, network),
        gte(forkChecks.startedAt, dayStart(from)),
        lt(forkChecks.startedAt, to),
      ),
    )
    .groupBy(day)
    .orderBy(day);
}

/**
 * The latest `perSuite` integration runs of each SDK suite started in [from, to), and the first
 * `casesPerRun` failed cases of each failing one with how many it sent.
 */
export async function getIntegrationRuns(
  db: Db,
  { network, from, to, perSuite, casesPerRun }: Span & { perSuite: number; casesPerRun: number },
) {
  const t = integrationTestRuns;
  const ranked = db
    .select({
      id: t.id,
      runId: t.runId,
      sdk: t.sdk,
      suite: t.suite,
      startedAt: t.startedAt,
      passed: t.passed,
      failed: t.failed,
      skipped: t.skipped,
      rank: sql<number>`row_number() over (partition by ${t.sdk}, ${t.suite} order by ${t.startedAt} desc, ${t.id} desc)`.as(
        "rank",
      ),
    })
    .from(t)
    .where(and(eq(t.network, network), gte(t.startedAt, from), lt(t.startedAt, to)))
    .as("ranked");
  const runs = await db
    .select({
      id: ranked.id,
      runId: ranked.runId,
      sdk: ranked.sdk,
      suite: ranked.suite,
      startedAt: ranked.startedAt,
      passed: ranked.passed,
      failed: ranked.failed,
      skipped: ranked.skipped,
    })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perSuite}`);
  const failing = runs.filter((run) => run.failed > 0).map((run) => run.id);
  if (failing.length === 0) return { runs, cases: [] };
  const c = integrationTestCases;
  const numbered = db
    .select({
      runId: c.runId,
      name: c.name,
      message: c.message,
      position: sql<number>`row_number() over (partition by ${c.runId} order by ${c.id})`.as("position"),
      total: sql<number>`(count(*) over (partition by ${c.runId}))::int`.as("total"),
    })
    .from(c)
    .where(and(inArray(c.runId, failing), eq(c.status, "failed")))
    .as("numbered");
  const cases = await db
    .select({ runId: numbered.runId, name: numbered.name, message: numbered.message, total: numbered.total })
    .from(numbered)
    .where(sql`${numbered.position} <= ${casesPerRun}`)
    .orderBy(asc(numbered.runId), asc(numbered.position));
  return { runs, cases };
}

/**
 * Each registry node's last sync cursor in each hour or day of [from, to), one index probe per node
 * and bucket. Buckets before `keptSince` (snapshots older are deleted) are not read.
 */
export async function getCursorBuckets(
  db: Db,
  { network, from, to, bucket, keptSince }: Span & { bucket: Bucket; keptSince: Date },
) {
  const size = bucket === "hour" ? HOUR_MS : DAY_MS;
  const first = Math.floor(Math.max(from.getTime(), keptSince.getTime()) / size) * size;
  const last = Math.floor((to.getTime() - 1) / size) * size;
  if (last < first) return [];
  // '24 hours', not '1 day': a day interval follows the session's time zone across DST changes.
  const step = bucket === "hour" ? "1 hour" : "24 hours";
  const result = await db.execute<{
    node_id: number;
    start: Date | string;
    at: Date | string;
    cursor: Record<string, string>;
  }>(sql`
    select n.node_id, b.start, s.at, s.cursor
    from ${nodes} n
    cross join generate_series(${new Date(first).toISOString()}::timestamptz,
      ${new Date(last).toISOString()}::timestamptz, ${step}::interval) as b(start)
    cross join lateral (
      select at, cursor from ${nodeCursorSnapshots} s
      where s.network = n.network and s.node_id = n.node_id
        and s.at >= b.start and s.at < least(b.start + ${step}::interval, ${to.toISOString()}::timestamptz)
      order by s.at desc
      limit 1
    ) s
    where n.network = ${network} and n.in_registry
    order by b.start, n.node_id`);
  return result.rows.map((row) => ({
    nodeId: Number(row.node_id),
    start: new Date(row.start).getTime(),
    at: new Date(row.at),
    cursor: row.cursor,
  }));
}
