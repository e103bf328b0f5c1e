import { and, asc, eq, gte, isNotNull, isNull, lt, ne } from "drizzle-orm";
import type { Bucket } from "@/lib/charts/range";
import type { LatencyBuckets } from "@/lib/latency/series";
import { type Histogram, mergeHistograms } from "@/lib/metrics/histogram";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import type { Db } from "../client";
import { benchmarkRollups } from "../schema";

type Filter = { network: string; from: Date; to: Date; bucket: Bucket; region?: string; sdk?: string };

/**
 * A network's mapped benchmark results in the buckets of [from, to), of one region or SDK or of all:
 * one rollup per metric and UTC bucket (whole hours or days, epoch-aligned).
 */
export async function getLatencyBuckets(
  db: Db,
  { network, from, to, bucket, region, sdk }: Filter,
): Promise<LatencyBuckets> {
  const size = bucket === "hour" ? HOUR_MS : DAY_MS;
  const t = benchmarkRollups;
  const rows = await db
    .select({
      metricKey: t.metricKey,
      bucketStart: t.bucketStart,
      histogram: t.histogram,
      summaryResults: t.summaryResults,
    })
    .from(t)
    .where(
      and(
        eq(t.network, network),
        eq(t.granularity, bucket),
        gte(t.bucketStart, new Date(Math.floor(from.getTime() / size) * size)),
        lt(t.bucketStart, to),
        region === undefined ? isNull(t.region) : eq(t.region, region),
        sdk === undefined ? isNull(t.sdk) : eq(t.sdk, sdk),
      ),
    );
  const merged = new Map<string, { metricKey: string; start: number; parts: Histogram[] }>();
  const summaryResults = new Map<string, number>();
  for (const row of rows) {
    const start = row.bucketStart.getTime();
    const key = `${row.metricKey}|${start}`;
    const entry = merged.get(key) ?? { metricKey: row.metricKey, start, parts: [] };
    entry.parts.push(row.histogram);
    merged.set(key, entry);
    summaryResults.set(row.metricKey, (summaryResults.get(row.metricKey) ?? 0) + row.summaryResults);
  }
  return {
    buckets: [...merged.values()].map(({ parts, ...entry }) => ({
      ...entry,
      histogram: mergeHistograms(parts),
    })),
    summaryResults,
  };
}

/** The regions and SDKs a network's benchmark results name, for the filters. */
export async function getLatencyFilterValues(db: Db, { network }: { network: string }) {
  const t = benchmarkRollups;
  const [regions, sdks] = await Promise.all(
    (["region", "sdk"] as const).map((column) =>
      db
        .selectDistinct({ value: t[column] })
        .from(t)
        .where(and(eq(t.network, network), eq(t.granularity, "day"), isNotNull(t[column]), ne(t[column], "")))
        .orderBy(asc(t[column])),
    ),
  );
  const values = (rows: { value: string | null }[] = []) => rows.map((row) => row.value as string);
  return { regions: values(regions), sdks: values(sdks) };
}
