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
        expect(mergeHistograms(histogramOf(a), histogramOf(b))).toEqual(histogramOf([...a, ...b]));
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
