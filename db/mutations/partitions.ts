import { sql } from "drizzle-orm";
import { DAY_MS } from "@/lib/time";
import type { Db } from "../client";

/** Daily partitions of raw probes from yesterday to `daysAhead` days ahead (UTC); returns how many were created. */
export async function ensureProbePartitions(
  db: Db,
  { now = new Date(), daysAhead = 2 } = {},
): Promise<number> {
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const result = await db.execute<{ created: number }>(
    sql`select ensure_probe_partitions(${yesterday}::date, ${daysAhead + 2}) as created`,
  );
  return Number(result.rows[0]?.created ?? 0);
}
