import { describe, expect, it } from "vitest";
import { histogramOf, quantile } from "@/lib/metrics/histogram";
import { type CriterionSpec, criterionWindow, meets, verdict } from "@/lib/roadmap/criteria";
import { evaluateCriterion } from "@/lib/roadmap/evaluate";
import { criterionSpec, NOW } from "../support/criteria";

const spec = (overrides: Partial<CriterionSpec> = {}) =>
  criterionSpec({ ...{ key: "sync_p95", windowDays: 7 }, ...overrides });

describe("a measured value exactly at its target", () => {
  it.each([
    // comparator, below, at, above
    ["lt", true, false, false],
    ["lte", true, true, false],
    ["gt", false, false, true],
    ["gte", false, true, true],
    ["eq", false, true, false],
  ] as const)("%s: below %s, at %s, above %s", (comparator, below, at, above) => {
    expect(meets(99.99, comparator, 100)).toBe(below);
    expect(meets(100, comparator, 100)).toBe(at);
    expect(meets(100.01, comparator, 100)).toBe(above);
  });

  it("fails a strict latency target: a p95 of exactly 100 ms is not < 100 ms", () => {
    const window = criterionWindow(spec({}), NOW);
    const judged = verdict(spec({}), window, { measured: 100, samples: 500, enough: true, evidence: {} });
    expect(judged).toMatchObject({ status: "fail", measured: 100, target: 100 });
  });

  it("fails when the merged p95 equals the target, and passes the same data against ≤", () => {
    const durations = Array(200).fill(100);
    const p95 = Math.round((quantile(histogramOf(durations), 0.95) as number) * 100) / 100;
    const input = {
      kind: "latency_p95" as const,
      results: [
        {
          runId: "r",
          startedAt: new Date(NOW.getTime() - 3_600_000),
          histogram: histogramOf(durations),
          p95Ms: null,
        },
      ],
    };
    expect(evaluateCriterion(spec({ target: p95 }), input, NOW)).toMatchObject({
      status: "fail",
      measured: p95,
    });
    expect(evaluateCriterion(spec({ target: p95, comparator: "lte" }), input, NOW).status).toBe("pass");
  });

  it("passes an inclusive throughput target met exactly: 60,000 messages in 60 s is ≥ 1,000 msg/s", () => {
    const burst = spec({
      kind: "throughput_burst",
      metric: "offchain_burst",
      comparator: "gte",
      target: 1000,
      unit: "msg/s",
    });
    const run = {
      runId: "b",
      kind: "offchain_burst",
      startedAt: new Date(NOW.getTime() - 3_600_000),
      nodes: 3,
      durationS: 60,
      messages: 60_000,
      peakRps: null,
    };
    expect(evaluateCriterion(burst, { kind: "throughput_burst", runs: [run] }, NOW)).toMatchObject({
      status: "pass",
      measured: 1000,
    });
    const short = { ...run, messages: 59_999 };
    expect(evaluateCriterion(burst, { kind: "throughput_burst", runs: [short] }, NOW).status).toBe("fail");
  });
});
