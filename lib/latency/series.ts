import { type Histogram, histogramCount, mergeHistograms, quantile } from "@/lib/metrics/histogram";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import { bucketStarts, type TimeRange } from "./range";

/** One bucket of an operation's latency: percentiles of the merged histograms, null without samples. */
export type LatencyPoint = {
  start: string; // ISO time, UTC
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

export type LatencySeries = {
  metricKey: string;
  points: LatencyPoint[];
  /** The whole range at once (merged, never an average of the buckets). */
  overall: Omit<LatencyPoint, "start">;
  /** Results sent as summaries only: counted, but they cannot be merged into percentiles. */
  summaryResults: number;
};

export type LatencyResult = { metricKey: string; startedAt: Date; histogram: Histogram | null };

// Hundredths of a millisecond, as the verdicts show them: a histogram's estimate is no finer.
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

const percentiles = (histogram: Histogram): Omit<LatencyPoint, "start"> => ({
  samples: histogramCount(histogram),
  p50Ms: round(quantile(histogram, 0.5)),
  p95Ms: round(quantile(histogram, 0.95)),
  p99Ms: round(quantile(histogram, 0.99)),
});

/**
 * Each operation's p50 / p95 / p99 per UTC bucket over the range, from the merged histograms of its
 * results. Every bucket is present, an empty one with 0 samples and null percentiles: a gap on a
 * chart, never a zero.
 */
export function latencySeries(
  results: readonly LatencyResult[],
  range: Pick<TimeRange, "from" | "to" | "bucket">,
  metricKeys: readonly string[],
): LatencySeries[] {
  const size = range.bucket === "hour" ? HOUR_MS : DAY_MS;
  const starts = bucketStarts(range);
  return metricKeys.map((metricKey) => {
    const byBucket = new Map<number, Histogram[]>();
    const all: Histogram[] = [];
    let summaryResults = 0;
    for (const result of results) {
      const at = result.startedAt.getTime();
      if (result.metricKey !== metricKey || at < range.from.getTime() || at >= range.to.getTime()) continue;
      if (!result.histogram) {
        summaryResults += 1;
        continue;
      }
      const start = Math.floor(at / size) * size;
      byBucket.set(start, [...(byBucket.get(start) ?? []), result.histogram]);
      all.push(result.histogram);
    }
    return {
      metricKey,
      points: starts.map((start) => ({
        start: new Date(start).toISOString(),
        ...percentiles(mergeHistograms(byBucket.get(start) ?? [])),
      })),
      overall: percentiles(mergeHistograms(all)),
      summaryResults,
    };
  });
}
