import { type AnyColumn, and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Bucket } from "@/lib/charts/range";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import type { Db } from "../client";
import {
  forkChecks,
  integrationTestCases,
  integrationTestRuns,
  nodeCursorRollups,
  nodeCursorSnapshots,
  nodes,
  uptimeRollups,
} from "../schema";

type Span = { network: string; from: Date; to: Date };
const utcDay = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
const dayStart = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/** The day rollups of the canonical registry nodes over the whole UTC days [from, to) touches. */
export async function getCanonicalDayRollups(db: Db, { network, from, to }: Span) {
  // Raw rows: thousands of them over 90 days, and drizzle's mapping doubles the query's time.
  const result = await db.execute<{
    node_id: number;
    day: string;
    up: number;
    degraded: number;
    down: number;
  }>(sql`
    select r.node_id, to_char(r.bucket_start at time zone 'UTC', 'YYYY-MM-DD') as day,
           r.up_minutes as up, r.degraded_minutes as degraded, r.down_minutes as down
    from ${uptimeRollups} r
    join ${nodes} n on n.network = r.network and n.node_id = r.node_id and n.is_canonical and n.in_registry
    where r.network = ${network} and r.granularity = 'day'
      and r.bucket_start >= ${dayStart(from).toISOString()}::timestamptz
      and r.bucket_start < ${to.toISOString()}::timestamptz`);
  return result.rows.map((row) => ({
    nodeId: Number(row.node_id),
    day: row.day,
    up: Number(row.up),
    degraded: Number(row.degraded),
    down: Number(row.down),
  }));
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

type CursorRow = { nodeId: number; start: number; at: Date; cursor: Record<string, string> };

/**
 * Each registry node's last sync cursor in each hour or day of [from, to): whole buckets from the
 * cursor rollups, one that `to` cuts short from the snapshots before `to` (one index probe per node).
 */
export async function getCursorBuckets(db: Db, { network, from, to, bucket }: Span & { bucket: Bucket }) {
  const size = bucket === "hour" ? HOUR_MS : DAY_MS;
  const first = Math.floor(from.getTime() / size) * size;
  const cut = Math.floor(to.getTime() / size) * size; // the start of the bucket `to` falls in
  // Raw rows with epoch milliseconds: thousands of rows, and mapping each timestamp costs more than the query.
  const [whole, partial] = await Promise.all([
    cut > first
      ? db.execute<{ node_id: number; start: number; at: number; cursor: Record<string, string> }>(sql`
          select r.node_id, extract(epoch from r.bucket_start)::float8 * 1000 as start,
                 extract(epoch from r.at)::float8 * 1000 as at, r.cursor
          from ${nodeCursorRollups} r
          join ${nodes} n on n.network = r.network and n.node_id = r.node_id and n.in_registry
          where r.network = ${network} and r.granularity = ${bucket}
            and r.bucket_start >= ${new Date(first).toISOString()}::timestamptz
            and r.bucket_start < ${new Date(cut).toISOString()}::timestamptz`)
      : { rows: [] },
    to.getTime() > cut && cut >= first ? lastCursorsBetween(db, network, new Date(cut), to) : [],
  ]);
  const rows: CursorRow[] = [
    ...whole.rows.map((row) => ({
      nodeId: Number(row.node_id),
      start: Number(row.start),
      at: new Date(Number(row.at)),
      cursor: row.cursor,
    })),
    ...partial.map((row) => ({ ...row, start: cut })),
  ];
  return rows.sort((a, b) => a.start - b.start || a.nodeId - b.nodeId);
}

/** Each registry node's last snapshot in [from, to), by index. */
async function lastCursorsBetween(db: Db, network: string, from: Date, to: Date) {
  const result = await db.execute<{ node_id: number; at: Date | string; cursor: Record<string, string> }>(sql`
    select n.node_id, s.at, s.cursor
    from ${nodes} n
    cross join lateral (
      select at, cursor from ${nodeCursorSnapshots} s
      where s.network = n.network and s.node_id = n.node_id
        and s.at >= ${from.toISOString()}::timestamptz and s.at < ${to.toISOString()}::timestamptz
      order by s.at desc
      limit 1
    ) s
    where n.network = ${network} and n.in_registry`);
  return result.rows.map((row) => ({
    nodeId: Number(row.node_id),
    at: new Date(row.at),
    cursor: row.cursor,
  }));
}
