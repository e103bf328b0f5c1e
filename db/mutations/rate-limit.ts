import { and, eq, lt, sql } from "drizzle-orm";
import { RATE_WINDOW_MS, type WindowCounts, windowStartOf } from "@/lib/rate-limit";
import type { Db } from "../client";
import { rateLimitCounters } from "../schema";

/**
 * This window's and the previous window's request counts for a key (shared by every app instance),
 * counting this request first unless `record` is false.
 */
export async function windowCounts(
  db: Db,
  key: string,
  now: Date,
  { record = true }: { record?: boolean } = {},
): Promise<WindowCounts> {
  const windowStart = windowStartOf(now);
  const start = new Date(windowStart);
  const previousStart = new Date(windowStart - RATE_WINDOW_MS);
  if (record)
    await db
      .insert(rateLimitCounters)
      .values({ key, windowStart: start, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimitCounters.key, rateLimitCounters.windowStart],
        set: { count: sql`${rateLimitCounters.count} + 1` },
      });
  const rows = await db
    .select({ windowStart: rateLimitCounters.windowStart, count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      and(
        eq(rateLimitCounters.key, key),
        sql`${rateLimitCounters.windowStart} in (${start}, ${previousStart})`,
      ),
    );
  const countAt = (at: Date) => rows.find((row) => row.windowStart.getTime() === at.getTime())?.count ?? 0;
  return { current: countAt(start), previous: countAt(previousStart), windowStart };
}

/** Takes back a request `windowCounts` counted: one refused counts for nothing. */
export async function uncount(db: Db, key: string, windowStart: number) {
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, new Date(windowStart))));
}

/** Counters older than the previous window no longer count for anything. */
export async function pruneRateLimits(db: Db, { now }: { now: Date }) {
  const cutoff = new Date(windowStartOf(now) - RATE_WINDOW_MS);
  const removed = await db.execute<{ n: number }>(
    sql`with gone as (delete from ${rateLimitCounters} where ${lt(rateLimitCounters.windowStart, cutoff)} returning 1)
        select count(*)::int as n from gone`,
  );
  return Number(removed.rows[0]?.n ?? 0);
}
