import { describe, expect, it } from "vitest";
import { bucketOf, histogramOf } from "@/lib/metrics/histogram";
import { evaluateIndependentOperators, evaluateMilestone } from "@/lib/roadmap/evaluators/decentralization";
import { evaluateLatency, type LatencyResult } from "@/lib/roadmap/evaluators/latency";
import {
  burstRate,
  evaluateBurst,
  evaluateSustained,
  type ThroughputRunInput,
} from "@/lib/roadmap/evaluators/throughput";
import { ago, criterionSpec, NOW } from "../support/criteria";

const WINDOW = { from: ago(30), to: NOW };

const spec = criterionSpec;

describe("independent operators", () => {
  const operators = spec({
    kind: "independent_operators",
    metric: "canonical_operators",
    comparator: "gte",
    target: 3,
    unit: "nodes",
  });
  const judge = (nodes: { nodeId: number; owner: string; operatorName: string | null }[]) =>
    evaluateIndependentOperators(operators, { nodes, registryRead: true }, WINDOW);

  it("lists each operator's nodes, owners and names in the evidence", () => {
    const evaluation = judge([
      { nodeId: 100, owner: "0xAA", operatorName: "XMTP Labs" },
      { nodeId: 200, owner: "0xbb", operatorName: "Artifact" },
      { nodeId: 300, owner: "0xaa", operatorName: null },
      { nodeId: 400, owner: "0xcc", operatorName: " artifact" },
    ]);
    expect(evaluation).toMatchObject({ status: "fail", measured: 2, samples: 4 });
    expect(evaluation.evidence).toEqual({
      canonicalNodes: 4,
      operators: [
        { nodeIds: [100, 300], owners: ["0xAA", "0xaa"], operatorNames: ["XMTP Labs"] },
        { nodeIds: [200, 400], owners: ["0xbb", "0xcc"], operatorNames: ["Artifact", " artifact"] },
      ],
    });
  });

  it("joins nodes linked only through a chain of shared owners and names", () => {
    const evaluation = judge([
      { nodeId: 100, owner: "0x1", operatorName: "One" },
      { nodeId: 200, owner: "0x2", operatorName: "Two" },
      { nodeId: 300, owner: "0x2", operatorName: "one" },
      { nodeId: 400, owner: "0x4", operatorName: "Four" },
    ]);
    expect(evaluation.measured).toBe(2);
    expect((evaluation.evidence.operators as { nodeIds: number[] }[]).map((op) => op.nodeIds)).toEqual([
      [100, 200, 300],
      [400],
    ]);
  });

  it("does not join nodes on blank operator names", () => {
    expect(
      judge([
        { nodeId: 100, owner: "0x1", operatorName: "  " },
        { nodeId: 200, owner: "0x2", operatorName: " " },
        { nodeId: 300, owner: "0x3", operatorName: "" },
      ]).measured,
    ).toBe(3);
  });

  it("ignores only case and surrounding spaces in names: other letters keep operators apart", () => {
    expect(
      judge([
        { nodeId: 100, owner: "0x1", operatorName: "Straße Nodes" },
        { nodeId: 200, owner: "0x2", operatorName: "STRASSE NODES" },
      ]).measured,
    ).toBe(2);
  });
});

describe("a milestone", () => {
  const milestone = spec({ kind: "milestone", metric: "milestone", comparator: "eq", target: 1, unit: "" });

  it("states the item, its status and its evidence link", () => {
    const doneAt = ago(2);
    const evaluation = evaluateMilestone(
      milestone,
      { key: "s2-load", title: "Load testing", status: "done", evidenceUrl: "https://x.example/r", doneAt },
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "pass", measured: 1, samples: 1 });
    expect(evaluation.evidence).toEqual({
      milestone: "s2-load",
      title: "Load testing",
      status: "done",
      evidenceUrl: "https://x.example/r",
      doneAt,
    });
  });

  it("measures 0 while open", () => {
    const evaluation = evaluateMilestone(
      milestone,
      { key: "s2-load", title: "Load testing", status: "open", evidenceUrl: null, doneAt: null },
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "fail", measured: 0, samples: 1 });
  });

  it("names the milestone it expected when the item is missing", () => {
    const named = spec({ ...milestone, params: { milestone: "s2-load" } });
    expect(evaluateMilestone(named, null, WINDOW)).toMatchObject({
      status: "insufficient_data",
      measured: null,
      samples: 0,
      evidence: { milestone: "s2-load", missing: true },
    });
    expect(evaluateMilestone(milestone, null, WINDOW).evidence).toEqual({ milestone: null, missing: true });
  });
});

describe("latency p95 from merged histograms", () => {
  const result = (runId: string, durations: number[] | null, days = 1, p95Ms: number | null = null) => ({
    runId,
    startedAt: ago(days),
    histogram: durations ? histogramOf(durations) : null,
    p95Ms,
  });
  const durations = (count: number, ms: number) => Array.from({ length: count }, () => ms);

  it("passes with exactly the minimum samples", () => {
    const evaluation = evaluateLatency(spec({ minSamples: 20 }), [result("a", durations(20, 50))], WINDOW);
    expect(evaluation).toMatchObject({ status: "pass", samples: 20 });
  });

  it("counts summary-only results in the evidence but not in the figure", () => {
    const results: LatencyResult[] = [
      result("a", [...durations(19, 50), 90]),
      result("a", durations(20, 50)),
      result("b", null, 1, 500),
      result("old", durations(20, 900), 31),
    ];
    const evaluation = evaluateLatency(spec({ minSamples: 40 }), results, WINDOW);
    expect(evaluation.status).toBe("pass");
    expect(evaluation.samples).toBe(40);
    expect(evaluation.measured).toBeCloseTo(50, -1);
    expect(evaluation.evidence).toMatchObject({ operation: "sync_group", runs: 2, summaryOnlyResults: 1 });
    expect(evaluation.evidence.p50Ms).toBeCloseTo(50, -1);
    expect(evaluation.evidence.p99Ms).toBeCloseTo(90, -1);
  });

  it("rounds the p95 to hundredths of a millisecond", () => {
    const evaluation = evaluateLatency(spec({}), [result("a", [77])], WINDOW);
    const measured = evaluation.measured as number;
    expect(Math.round(measured * 100) / 100).toBe(measured);
    expect(Math.abs(measured - 77) / 77).toBeLessThanOrEqual(0.02);
  });

  it("has no figure when only summaries were sent", () => {
    const evaluation = evaluateLatency(spec({ minSamples: 0 }), [result("b", null, 1, 50)], WINDOW);
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: null, samples: 0 });
    expect(evaluation.evidence).toEqual({
      operation: "sync_group",
      runs: 1,
      summaryOnlyResults: 1,
      p50Ms: null,
      p99Ms: null,
    });
  });
});

describe("the histogram's zero bucket", () => {
  it("keeps zero-millisecond samples in their own bucket", () => {
    expect(bucketOf(0)).toBe("z");
    expect(histogramOf([0, 0, 1])).toEqual({ z: 2, [bucketOf(1)]: 1 });
  });
});

describe("throughput", () => {
  const run = (overrides: Partial<ThroughputRunInput>): ThroughputRunInput => ({
    runId: "t",
    kind: "offchain_burst",
    startedAt: ago(1),
    nodes: 3,
    durationS: 60,
    messages: 60_000,
    peakRps: null,
    ...overrides,
  });

  describe("a burst", () => {
    const burst = spec({
      kind: "throughput_burst",
      metric: "offchain_burst",
      comparator: "gte",
      target: 1000,
      unit: "msg/s",
    });

    it("is rated by its peak step rate, else messages over duration, else not at all", () => {
      expect(burstRate(run({ peakRps: 1500 }))).toBe(1500);
      expect(burstRate(run({ messages: 90_000 }))).toBe(1500);
      expect(burstRate(run({ durationS: null }))).toBeNull();
      expect(burstRate(run({ durationS: 0 }))).toBeNull();
    });

    it("counts only rated runs as samples, and names the best", () => {
      const evaluation = evaluateBurst(
        burst,
        [run({ runId: "slow", messages: 61_200 }), run({ runId: "unrated", durationS: null })],
        WINDOW,
      );
      expect(evaluation).toMatchObject({
        status: "pass",
        measured: 1020,
        samples: 1,
        evidence: { kind: "offchain_burst", runs: 2, bestRunId: "slow" },
      });
    });

    it("rounds the best rate to hundredths", () => {
      expect(evaluateBurst(burst, [run({ messages: 100_000, durationS: 3 })], WINDOW).measured).toBe(
        33_333.33,
      );
    });

    it("needs as many rated runs as the criterion's minimum", () => {
      const twice = spec({ ...burst, minSamples: 2 });
      expect(evaluateBurst(twice, [run({ peakRps: 5000 })], WINDOW).status).toBe("insufficient_data");
      expect(
        evaluateBurst(twice, [run({ peakRps: 5000 }), run({ runId: "u", peakRps: 1200 })], WINDOW),
      ).toMatchObject({ status: "pass", measured: 5000, samples: 2 });
    });

    it("names no best run when none could be rated", () => {
      expect(evaluateBurst(burst, [run({ durationS: null })], WINDOW)).toMatchObject({
        status: "insufficient_data",
        measured: null,
        samples: 0,
        evidence: { runs: 1, bestRunId: null },
      });
    });
  });

  describe("a sustained day", () => {
    const sustained = spec({
      kind: "throughput_sustained_daily",
      metric: "sustained_daily",
      comparator: "gte",
      target: 10_000_000,
      unit: "msg/day",
    });
    const day = 86_400;
    const daily = (overrides: Partial<ThroughputRunInput>) =>
      run({ kind: "sustained_daily", durationS: day, messages: 12_000_000, ...overrides });

    it("needs 3 nodes and a whole day by default, and says why a run did not qualify", () => {
      const evaluation = evaluateSustained(
        sustained,
        [
          daily({ runId: "exact" }),
          daily({ runId: "two", nodes: 2 }),
          daily({ runId: "unstated", nodes: null }),
          daily({ runId: "short", durationS: day - 1 }),
          daily({ runId: "no-duration", durationS: null }),
        ],
        WINDOW,
      );
      expect(evaluation).toMatchObject({ status: "pass", measured: 12_000_000, samples: 1 });
      expect(evaluation.evidence).toEqual({
        runs: 5,
        qualifying: 1,
        bestRunId: "exact",
        bestNodes: 3,
        minNodes: 3,
        minDurationS: day,
        disqualified: {
          two: "ran on 2 nodes, needs 3",
          unstated: "ran on an unstated number of nodes, needs 3",
          short: "ran 86399 s, needs 86400 s",
          "no-duration": "ran 0 s, needs 86400 s",
        },
      });
    });

    it("never counts a run that does not state its nodes, even when any number would do", () => {
      const anyNodes = spec({ ...sustained, params: { minNodes: 0 } });
      expect(evaluateSustained(anyNodes, [daily({ nodes: null })], WINDOW)).toMatchObject({
        status: "insufficient_data",
        samples: 0,
      });
    });

    it("takes its node count and duration from the criterion's parameters", () => {
      const relaxed = spec({ ...sustained, params: { minNodes: 1, minDurationS: 3600 } });
      const evaluation = evaluateSustained(
        relaxed,
        [daily({ runId: "hour", nodes: 1, durationS: 3600, messages: 500_000 })],
        WINDOW,
      );
      expect(evaluation).toMatchObject({
        status: "pass",
        measured: 12_000_000,
        evidence: { bestNodes: 1, minNodes: 1, minDurationS: 3600 },
      });
    });

    it("takes the best qualifying run, whatever the order", () => {
      const evaluation = evaluateSustained(
        sustained,
        [
          daily({ runId: "low", messages: 9_000_000 }),
          daily({ runId: "high", nodes: 4, messages: 20_000_000 }),
          daily({ runId: "mid", messages: 11_000_000 }),
        ],
        WINDOW,
      );
      expect(evaluation).toMatchObject({
        measured: 20_000_000,
        samples: 3,
        evidence: { bestRunId: "high", bestNodes: 4 },
      });
    });

    it("ignores bursts and runs outside the window", () => {
      const evaluation = evaluateSustained(
        sustained,
        [run({ runId: "burst", durationS: day, messages: 99_000_000 }), daily({ startedAt: ago(31) })],
        WINDOW,
      );
      expect(evaluation).toMatchObject({
        status: "insufficient_data",
        measured: null,
        evidence: { runs: 0, bestRunId: null, bestNodes: null },
      });
    });

    it("needs as many qualifying runs as the criterion's minimum", () => {
      const twice = spec({ ...sustained, minSamples: 2 });
      expect(evaluateSustained(twice, [daily({})], WINDOW).status).toBe("insufficient_data");
      expect(evaluateSustained(twice, [daily({}), daily({ runId: "u" })], WINDOW).status).toBe("pass");
    });
  });
});
