import { type Histogram, histogramCount, mergeHistograms, quantile } from "@/lib/metrics/histogram";
import type { TimeWindow } from "@/lib/time";
import { type CriterionSpec, type Evaluation, inWindow, verdict } from "../criteria";

/** One benchmark result of the criterion's operation: a histogram of raw durations, or a summary only. */
export type LatencyResult = {
  runId: string;
  startedAt: Date;
  histogram: Histogram | null;
  p95Ms: number | null;
};

/**
 * p95 over the window from the merged histograms of every benchmark result of the operation (never an
 * average of percentiles). Results sent only as summaries cannot be merged: they are counted in the
 * evidence, not in the figure. Fewer samples than the criterion's minimum is insufficient data.
 */
export function evaluateLatency(
  spec: CriterionSpec,
  results: readonly LatencyResult[],
  window: TimeWindow,
): Evaluation {
  const inside = results.filter((result) => inWindow(result.startedAt, window));
  const merged = mergeHistograms(inside.flatMap((result) => (result.histogram ? [result.histogram] : [])));
  const samples = histogramCount(merged);
  const p95 = quantile(merged, 0.95);
  return verdict(spec, window, {
    measured: p95 === null ? null : Math.round(p95 * 100) / 100,
    samples,
    enough: samples >= spec.minSamples,
    evidence: {
      operation: spec.metric,
      runs: new Set(inside.map((result) => result.runId)).size,
      summaryOnlyResults: inside.filter((result) => !result.histogram).length,
      p50Ms: quantile(merged, 0.5),
      p99Ms: quantile(merged, 0.99),
    },
  });
}
