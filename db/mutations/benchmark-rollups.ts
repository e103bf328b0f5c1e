import { sql } from "drizzle-orm";
import { type Histogram, mergeHistograms } from "@/lib/metrics/histogram";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import type { Db } from "../client";
import { benchmarkRollups } from "../schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Result = { metricKey: string | null; histogram: Histogram | null };
type Run = { network: string; startedAt: Date; region?: string | null; sdk?: string | null };

const SIZES = { hour: HOUR_MS, day: DAY_MS } as const;

/**
 * Adds a new run's mapped results to its hour's and day's rollups, in the run's transaction. The merge
 * happens in the upsert itself, so concurrent runs into the same bucket both count.
 */
export async function addToBenchmarkRollups(tx: Tx, run: Run, results: readonly Result[]) {
  const rows = new Map<string, typeof benchmarkRollups.$inferInsert & { parts: Histogram[] }>();
  const region = run.region ?? "";
  const sdk = run.sdk ?? "";
  // Each result counts in its region and SDK, in all SDKs of its region, all regions of its SDK, and all.
  const scopes = [
    [region, sdk],
    [region, null],
    [null, sdk],
    [null, null],
  ] as const;
  for (const result of results) {
    if (!result.metricKey) continue;
    for (const [granularity, size] of Object.entries(SIZES) as [keyof typeof SIZES, number][]) {
      const bucketStart = new Date(Math.floor(run.startedAt.getTime() / size) * size);
      for (const [scopeRegion, scopeSdk] of scopes) {
        const key = JSON.stringify([result.metricKey, granularity, scopeRegion, scopeSdk]);
        const row = rows.get(key) ?? {
          network: run.network,
          metricKey: result.metricKey,
          region: scopeRegion,
          sdk: scopeSdk,
          granularity,
          bucketStart,
          summaryResults: 0,
          parts: [],
        };
        if (result.histogram) row.parts.push(result.histogram);
        else row.summaryResults = (row.summaryResults ?? 0) + 1;
        rows.set(key, row);
      }
    }
  }
  if (rows.size === 0) return;
  const t = benchmarkRollups;
  // Rows in one order for every run: two runs upserting the same buckets then lock them in the same
  // order and wait for each other instead of deadlocking.
  const ordered = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  await tx
    .insert(t)
    .values(ordered.map(({ parts, ...row }) => ({ ...row, histogram: mergeHistograms(parts) })))
    .onConflictDoUpdate({
      target: [t.network, t.granularity, t.metricKey, t.bucketStart, t.region, t.sdk],
      set: {
        summaryResults: sql`${t.summaryResults} + excluded.summary_results`,
        histogram: sql`(
          select coalesce(jsonb_object_agg(key, n), '{}'::jsonb) from (
            select key, sum(value::bigint) as n
            from (select * from jsonb_each_text(${t.histogram}) union all select * from jsonb_each_text(excluded.histogram)) as parts
            group by key
          ) as merged)`,
      },
    });
}
