/**
 * Mergeable log-scale latency histogram (the DDSketch idea): bucket i holds values in
 * (γ^(i-1), γ^i]; reporting 2γ^i/(γ+1) for a bucket keeps every quantile within α = (γ-1)/(γ+1)
 * relative error. With α = 2%, γ = 1.02/0.98. Merging is adding counts, so rollups and benchmark
 * runs combine exactly; zero is kept in its own bucket.
 */
export const RELATIVE_ERROR = 0.02;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
const ZERO = "z";

/** Bucket key → count; a plain object so it stores as JSON. */
export type Histogram = Record<string, number>;

export function bucketOf(valueMs: number): string {
  if (!Number.isFinite(valueMs) || valueMs < 0)
    throw new RangeError(`latency must be finite and ≥ 0, got ${valueMs}`);
  if (valueMs === 0) return ZERO;
  return String(Math.ceil(Math.log(valueMs) / LOG_GAMMA));
}

function representative(key: string): number {
  if (key === ZERO) return 0;
  return (2 * GAMMA ** Number(key)) / (GAMMA + 1);
}

const order = (key: string) => (key === ZERO ? Number.NEGATIVE_INFINITY : Number(key));

export function histogramOf(valuesMs: readonly number[]): Histogram {
  const histogram: Histogram = {};
  for (const value of valuesMs) {
    const key = bucketOf(value);
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  return histogram;
}

/** Adds counts per bucket; takes a list, never spread arguments (hundreds of thousands overflow the stack). */
export function mergeHistograms(histograms: Iterable<Histogram>): Histogram {
  const merged: Histogram = {};
  for (const histogram of histograms) {
    for (const [key, count] of Object.entries(histogram)) merged[key] = (merged[key] ?? 0) + count;
  }
  return merged;
}

export function histogramCount(histogram: Histogram): number {
  return Object.values(histogram).reduce((sum, count) => sum + count, 0);
}

/**
 * The q-quantile (0 < q ≤ 1) by the nearest-rank rule, within 2% of the exact value;
 * null for an empty histogram.
 */
export function quantile(histogram: Histogram, q: number): number | null {
  const total = histogramCount(histogram);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  // Bucket order is index order (zero first): no power per comparison, which dominated chart pages.
  const keys = Object.keys(histogram).sort((a, b) => order(a) - order(b));
  let seen = 0;
  for (const key of keys) {
    seen += histogram[key] ?? 0;
    if (seen >= rank) return representative(key);
  }
  return representative(keys[keys.length - 1] as string);
}
