import { describe, expect, it } from "vitest";
import { histogramOf, quantile } from "@/lib/metrics/histogram";
import { latencyPercentiles } from "@/lib/uptime/latency";

// Values 10% apart, so neighbours fall in different buckets (the buckets are 4% wide): picking the
// rank below or above is a different answer, not rounding noise.
const valueOfRank = (rank: number) => 10 * 1.1 ** (rank - 1);
const spaced = (count: number) => Array.from({ length: count }, (_, i) => valueOfRank(i + 1));
const close = (estimate: number | null, truth: number) =>
  Math.abs((estimate as number) - truth) <= truth * 0.02;

describe("nearest rank when q·n is not whole", () => {
  it.each([
    // count, q, the rank ceil(q·n) (1-based)
    [21, 0.95, 20], // 19.95 → 20th
    [7, 0.5, 4], // 3.5 → 4th
    [150, 0.99, 149], // 148.5 → 149th
    [30, 0.9, 27], // 27 exactly: the whole case, for contrast
    [41, 0.95, 39], // 38.95 → 39th
  ])("of %i values, the %f quantile is the value of rank %i", (count, q, rank) => {
    const estimate = quantile(histogramOf(spaced(count)), q);
    expect(close(estimate, valueOfRank(rank)), `${estimate} vs ${valueOfRank(rank)}`).toBe(true);
    if (rank > 1) expect(close(estimate, valueOfRank(rank - 1))).toBe(false);
  });

  it("gives the single value for any q of one sample, and the top value at q = 1", () => {
    for (const q of [0.01, 0.5, 0.95, 1]) expect(close(quantile(histogramOf([70]), q), 70)).toBe(true);
    expect(close(quantile(histogramOf(spaced(21)), 1), valueOfRank(21))).toBe(true);
  });

  it("carries the same rank into the node latency percentiles", () => {
    const [overall] = latencyPercentiles(
      [{ nodeId: 1, region: "us-east", latencyHistogram: histogramOf(spaced(21)) }],
      1,
    );
    expect(close(overall?.p95 ?? null, valueOfRank(20))).toBe(true);
    expect(close(overall?.p50 ?? null, valueOfRank(11))).toBe(true); // 10.5 → 11th
    expect(close(overall?.p90 ?? null, valueOfRank(19))).toBe(true); // 18.9 → 19th
    expect(close(overall?.p99 ?? null, valueOfRank(21))).toBe(true); // 20.79 → 21st
  });
});
