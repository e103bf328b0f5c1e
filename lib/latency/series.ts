import { bucketStarts, type TimeRange } from "@/lib/charts/range";
import { type Histogram, histogramCount, mergeHistograms, quantile } from "@/lib/metrics/histogram";

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

/** A range's results, merged per metric and bucket (`start` in ms, aligned to the bucket size). */
export type LatencyBuckets = {
  buckets: { metricKey: string; start: number; histogram: Histogram }[];
  summaryResults: Map<string, number>;
};

// Hundredths of a millisecond, as the verdicts show them: a histogram's estimate is no finer.
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

const percentiles = (histogram: Histogram): Omit<LatencyPoint, "start"> => ({
  samples: histogramCount(histogram),
  p50Ms: round(quantile(histogram, 0.5)),
  p95Ms: round(quantile(histogram, 0.95)),
  p99Ms: round(quantile(histogram, 0.99)),
});

/**
 * Each operation's p50 / p95 / p99 per UTC bucket over the range. Every bucket is present, an empty
 * one with 0 samples and null percentiles: a gap on a chart, never a zero.
 */
export function latencySeries(
  { buckets, summaryResults }: LatencyBuckets,
  range: Pick<TimeRange, "from" | "to" | "bucket">,
  metricKeys: readonly string[],
): LatencySeries[] {
  const starts = bucketStarts(range);
  return metricKeys.map((metricKey) => {
    const byStart = new Map(
      buckets
        .filter((bucket) => bucket.metricKey === metricKey)
        .map((bucket) => [bucket.start, bucket.histogram]),
    );
    const points = starts.map((start) => ({
      start: new Date(start).toISOString(),
      ...percentiles(byStart.get(start) ?? {}),
    }));
    return {
      metricKey,
      points,
      overall: percentiles(mergeHistograms(byStart.values())),
      summaryResults: summaryResults.get(metricKey) ?? 0,
    };
  });
}
