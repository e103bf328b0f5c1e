import { type Histogram, histogramCount, mergeHistograms, quantile } from "../metrics/histogram";

export type LatencyPercentiles = {
  nodeId: number;
  region: string | null;
  samples: number;
  /** Null when there are fewer samples than `minSamples`: "insufficient data", not a number. */
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
};

function percentiles(histogram: Histogram, minSamples: number) {
  const samples = histogramCount(histogram);
  const at = (q: number) => (samples >= minSamples ? quantile(histogram, q) : null);
  return { samples, p50: at(0.5), p90: at(0.9), p95: at(0.95), p99: at(0.99) };
}

const regionKey = (row: { region: string | null }) => row.region ?? ""; // the overall row first

/**
 * Percentiles per node, overall (region null) and per probing region, from rollup histograms
 * merged over a window; ordered by node, then region with the overall row first.
 */
export function latencyPercentiles(
  rows: readonly { nodeId: number; region: string; latencyHistogram: Histogram }[],
  minSamples: number,
): LatencyPercentiles[] {
  const groups = new Map<string, { nodeId: number; region: string | null; histogram: Histogram }>();
  const add = (nodeId: number, region: string | null, histogram: Histogram) => {
    const key = JSON.stringify([nodeId, region]);
    const group = groups.get(key) ?? { nodeId, region, histogram: {} };
    group.histogram = mergeHistograms([group.histogram, histogram]);
    groups.set(key, group);
  };
  for (const row of rows) {
    add(row.nodeId, null, row.latencyHistogram);
    add(row.nodeId, row.region, row.latencyHistogram);
  }
  return [...groups.values()]
    .sort((a, b) => a.nodeId - b.nodeId || regionKey(a).localeCompare(regionKey(b)))
    .map(({ nodeId, region, histogram }) => ({ nodeId, region, ...percentiles(histogram, minSamples) }));
}
