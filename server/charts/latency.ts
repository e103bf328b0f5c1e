import type { Db } from "@/db/client";
import { criterionSpecs } from "@/db/queries/criteria";
import { getChartAnnotations } from "@/db/queries/incidents";
import { getLatencyBuckets, getLatencyFilterValues } from "@/db/queries/latency";
import { getCriteria } from "@/db/queries/roadmap";
import type { TimeRange } from "@/lib/charts/range";
import { latencySeries } from "@/lib/latency/series";
import type { LatencyView } from "@/lib/latency/view";

/** The seven latency targets, each with its percentiles over time on one network, region and SDK. */
export async function latencyView(
  db: Db,
  {
    network,
    range,
    region,
    sdk,
    now,
  }: { network: string; range: TimeRange; region?: string; sdk?: string; now: Date },
): Promise<LatencyView> {
  const [rows, specs, buckets, options, annotations] = await Promise.all([
    getCriteria(db),
    criterionSpecs(db),
    getLatencyBuckets(db, { network, from: range.from, to: range.to, bucket: range.bucket, region, sdk }),
    getLatencyFilterValues(db, { network }),
    getChartAnnotations(db, { network, from: range.from, to: range.to, wholeNetwork: true }),
  ]);
  const metricOf = new Map(specs.map((spec) => [spec.key, spec.metric]));
  const latency = rows.filter((row) => row.category === "latency");
  const series = latencySeries(
    buckets,
    range,
    latency.map((row) => metricOf.get(row.key) ?? row.key),
  );
  return {
    network,
    asOf: now.toISOString(),
    range: {
      preset: range.preset,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bucket: range.bucket,
    },
    region: region ?? null,
    sdk: sdk ?? null,
    options,
    annotations,
    operations: latency.map((row, index) => {
      const { points, overall, summaryResults } = series[index] as (typeof series)[number];
      return {
        key: row.key,
        title: row.title,
        comparator: row.comparator,
        target: row.target,
        baseline: row.baseline,
        baselineLabel: row.baselineLabel,
        judgedOn: row.network,
        status: row.status,
        measured: row.measured,
        windowDays: row.windowDays,
        points,
        overall,
        summaryResults,
      };
    }),
  };
}
