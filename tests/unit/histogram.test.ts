import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  histogramCount,
  histogramOf,
  mergeHistograms,
  quantile,
  RELATIVE_ERROR,
} from "@/lib/metrics/histogram";

/** Nearest-rank quantile of raw values: the exact answer the histogram approximates. */
function exact(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

const latencies = fc.array(fc.double({ min: 0, max: 600_000, noNaN: true }), {
  minLength: 1,
  maxLength: 300,
});
const q = fc.constantFrom(0.5, 0.9, 0.95, 0.99, 1);

describe("the latency histogram", () => {
  it("answers every quantile within 2% of the exact value", () => {
    fc.assert(
      fc.property(latencies, q, (values, quant) => {
        const estimate = quantile(histogramOf(values), quant) as number;
        const truth = exact(values, quant);
        expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(RELATIVE_ERROR * truth + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it("merges exactly: the histogram of two runs is the merge of their histograms", () => {
    fc.assert(
      fc.property(latencies, latencies, (a, b) => {
        expect(mergeHistograms([histogramOf(a), histogramOf(b)])).toEqual(histogramOf([...a, ...b]));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps zero apart, counts every sample, and has no quantile when empty", () => {
    const histogram = histogramOf([0, 0, 5]);
    expect(histogramCount(histogram)).toBe(3);
    expect(quantile(histogram, 0.5)).toBe(0);
    expect(quantile({}, 0.95)).toBeNull();
  });

  it("refuses negative, infinite and NaN durations", () => {
    expect(() => histogramOf([-1])).toThrow(/finite and ≥ 0/);
    expect(() => histogramOf([Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => histogramOf([Number.NaN])).toThrow(RangeError);
  });
});

describe("the latency histogram on heavy-tailed samples", () => {
  /** A small seeded generator (mulberry32), so a failure can be replayed. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (next: () => number) =>
    Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const distributions: Record<string, (next: () => number) => number> = {
    "Pareto (α = 1.1, from 20 ms)": (next) => 20 / (1 - next()) ** (1 / 1.1),
    "log-normal (median 80 ms, σ = 1.5)": (next) => Math.exp(Math.log(80) + 1.5 * normal(next)),
    "a mixture with 2% timeouts near 5 s": (next) =>
      next() < 0.02 ? 4000 + 1000 * next() : 30 + 200 * next() ** 3,
  };

  it.each(Object.entries(distributions))(
    "%s: p50, p90, p95, p99 and p99.9 within 2 percent on 100,000 samples",
    (_, sample) => {
      for (const seed of [1, 2, 3]) {
        const next = random(seed);
        const values = Array.from({ length: 100_000 }, () => sample(next));
        const histogram = histogramOf(values);
        for (const quant of [0.5, 0.9, 0.95, 0.99, 0.999]) {
          const truth = exact(values, quant);
          const estimate = quantile(histogram, quant) as number;
          expect(Math.abs(estimate - truth) / truth).toBeLessThanOrEqual(RELATIVE_ERROR);
        }
      }
    },
  );
});
