import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimitCounters } from "../schema";

/** Counts one request in the current one-minute window (shared by every app instance); returns the count. */
export async function countRequest(
  db: Db,
  key: string,
  now: Date,
): Promise<{ count: number; windowEndsAt: Date }> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return { count: row?.count ?? 1, windowEndsAt: new Date(windowStart.getTime() + 60_000) };
}
