import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramOf, RELATIVE_ERROR } from "@/lib/metrics/histogram";
import { latencyPercentiles } from "@/lib/uptime/latency";

/** Nearest-rank quantile of raw values: what the histogram approximates. */
function exact(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}
const within = (estimate: number | null, truth: number) => {
  expect(estimate).not.toBeNull();
  expect(Math.abs((estimate as number) - truth)).toBeLessThanOrEqual(RELATIVE_ERROR * truth + 1e-9);
};
const row = (nodeId: number, region: string, latencies: number[]) => ({
  nodeId,
  region,
  latencyHistogram: histogramOf(latencies),
});
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("latency percentiles", () => {
  it("gives one overall row and one per region for each node, by node then region, overall first", () => {
    const rows = latencyPercentiles(
      [
        row(200, "us-east", [10]),
        row(100, "us-east", [10]),
        row(100, "ap-south", [10]),
        row(200, "eu-west", [10]),
        row(100, "eu-west", [10]),
      ],
      1,
    );
    expect(rows.map((r) => [r.nodeId, r.region])).toEqual([
      [100, null],
      [100, "ap-south"],
      [100, "eu-west"],
      [100, "us-east"],
      [200, null],
      [200, "eu-west"],
      [200, "us-east"],
    ]);
  });

  it("merges every hour of a region, and every region into the node's overall row", () => {
    const usEast = [range(40, 30), range(70, 30)];
    const euWest = [range(100, 40)];
    const rows = latencyPercentiles(
      [
        row(1, "us-east", usEast[0] as number[]),
        row(1, "eu-west", euWest[0] as number[]),
        row(1, "us-east", usEast[1] as number[]),
      ],
      10,
    );
    const [overall, eu, us] = rows;
    const all = [...usEast.flat(), ...euWest.flat()];
    expect(overall).toMatchObject({ nodeId: 1, region: null, samples: 100 });
    expect(eu).toMatchObject({ region: "eu-west", samples: 40 });
    expect(us).toMatchObject({ region: "us-east", samples: 60 });
    within(overall?.p50 ?? null, exact(all, 0.5));
    within(overall?.p99 ?? null, exact(all, 0.99));
    within(us?.p50 ?? null, exact(usEast.flat(), 0.5)); // 69, from both hours
    within(eu?.p90 ?? null, exact(euWest.flat(), 0.9));
  });

  it("says insufficient data (null percentiles) below minSamples, but still counts the samples", () => {
    const rows = latencyPercentiles([row(1, "us-east", range(10, 60)), row(1, "eu-west", range(10, 40))], 50);
    expect(rows).toEqual([
      expect.objectContaining({ region: null, samples: 100 }),
      { nodeId: 1, region: "eu-west", samples: 40, p50: null, p90: null, p95: null, p99: null },
      expect.objectContaining({ region: "us-east", samples: 60 }),
    ]);
    expect(rows[0]?.p95).not.toBeNull();
    expect(rows[2]?.p50).not.toBeNull();
  });

  it("answers exactly at minSamples", () => {
    const [overall] = latencyPercentiles([row(1, "r", range(1, 100))], 100);
    expect(overall?.samples).toBe(100);
    within(overall?.p95 ?? null, 95);
  });

  it("gives nothing for no rows", () => {
    expect(latencyPercentiles([], 1)).toEqual([]);
  });

  it("keeps p50 ≤ p90 ≤ p95 ≤ p99, each within 2% of the true quantile of the merged latencies", () => {
    const latencies = fc.array(fc.double({ min: 0.5, max: 60_000, noNaN: true }), {
      minLength: 1,
      maxLength: 80,
    });
    const regionRows = fc.array(fc.tuple(fc.constantFrom("us-east", "eu-west", "ap-south"), latencies), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(regionRows, (input) => {
        const result = latencyPercentiles(
          input.map(([region, values]) => row(7, region, values)),
          1,
        );
        for (const r of result) {
          const values = input
            .filter(([region]) => r.region === null || region === r.region)
            .flatMap(([, values]) => values);
          expect(r.samples).toBe(values.length);
          const { p50, p90, p95, p99 } = r as Record<"p50" | "p90" | "p95" | "p99", number>;
          expect(p50).toBeLessThanOrEqual(p90);
          expect(p90).toBeLessThanOrEqual(p95);
          expect(p95).toBeLessThanOrEqual(p99);
          within(p50, exact(values, 0.5));
          within(p90, exact(values, 0.9));
          within(p95, exact(values, 0.95));
          within(p99, exact(values, 0.99));
        }
        expect(result.filter((r) => r.region === null)).toHaveLength(1);
        expect(result).toHaveLength(1 + new Set(input.map(([region]) => region)).size);
      }),
      { numRuns: 200 },
    );
  });
});
