import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramOf } from "@/lib/metrics/histogram";
import type { CriterionSpec } from "@/lib/roadmap/criteria";
import { type CriterionInput, evaluateCriterion } from "@/lib/roadmap/evaluate";
import { COMPARATORS } from "@/lib/roadmap/vocabulary";

const NOW = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;

// Any double at all, the hostile ones included: what a runner or an old row might hold.
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 1e308, 1e-300, -0, 0),
  fc.integer({ min: -10, max: 1_000_000 }),
);
const inWindow = fc.integer({ min: 0, max: 6 * DAY }).map((ago) => new Date(NOW.getTime() - ago));
const runId = fc.string({ minLength: 1, maxLength: 4 });

const inputs: fc.Arbitrary<CriterionInput> = fc.oneof(
  fc.record({
    kind: fc.constant("latency_p95" as const),
    results: fc.array(
      fc.record({
        runId,
        startedAt: inWindow,
        histogram: fc.option(
          fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 50 }).map(histogramOf),
        ),
        p95Ms: fc.option(anyNumber),
      }),
      { maxLength: 20 },
    ),
  }),
  fc.record({
    kind: fc.constantFrom("throughput_burst" as const, "throughput_sustained_daily" as const),
    runs: fc.array(
      fc.record({
        runId,
        kind: fc.constantFrom("offchain_burst", "onchain_burst", "sustained_daily"),
        startedAt: inWindow,
        nodes: fc.option(fc.integer({ min: 0, max: 20 })),
        durationS: fc.option(anyNumber),
        messages: anyNumber,
        peakRps: fc.option(anyNumber),
      }),
      { maxLength: 10 },
    ),
  }),
  fc.record({
    kind: fc.constant("node_reliability" as const),
    nodes: fc.array(
      fc.record({
        nodeId: fc.integer({ min: 1, max: 1000 }),
        up: anyNumber,
        degraded: anyNumber,
        down: anyNumber,
        maintenance: anyNumber,
        windowMinutes: anyNumber,
      }),
      { maxLength: 6 },
    ),
  }),
  fc.record({
    kind: fc.constant("fork_rate" as const),
    runs: fc.array(
      fc.record({ runId, startedAt: inWindow, groupsChecked: anyNumber, forkedGroups: anyNumber }),
      { maxLength: 10 },
    ),
  }),
  fc.record({
    kind: fc.constant("integration_pass" as const),
    runs: fc.array(
      fc.record({
        runId,
        sdk: fc.constantFrom("node", "ios"),
        suite: fc.constantFrom("a", "b"),
        startedAt: inWindow,
        passed: anyNumber,
        failed: anyNumber,
      }),
      { maxLength: 12 },
    ),
  }),
  fc.record({
    kind: fc.constant("independent_operators" as const),
    nodes: fc.array(
      fc.record({
        nodeId: fc.integer({ min: 1, max: 1000 }),
        owner: fc.constantFrom("0xa", "0xb", "0xc"),
        operatorName: fc.option(fc.constantFrom("A", "B")),
      }),
      { maxLength: 8 },
    ),
    registryRead: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("milestone" as const),
    milestone: fc.option(
      fc.record({
        key: fc.constant("m"),
        title: fc.constant("M"),
        status: fc.constantFrom("open" as const, "done" as const),
        evidenceUrl: fc.constant(null),
        doneAt: fc.constant(null),
      }),
    ),
  }),
);

const specFor = (input: CriterionInput) =>
  fc
    .record({
      comparator: fc.constantFrom(...COMPARATORS),
      target: anyNumber,
      minSamples: fc.integer({ min: 0, max: 200 }),
      metric: fc.constantFrom("offchain_burst", "sync_group", "sustained_daily"),
      params: fc.constantFrom({}, { minNodes: 3, minDurationS: 1 }, { lastRuns: 2, minCoverage: 0.5 }),
    })
    .map(
      (fields): CriterionSpec => ({
        key: "k",
        kind: input.kind,
        unit: "x",
        baseline: null,
        windowDays: 7,
        network: "testnet",
        ...fields,
      }),
    );

describe("every evaluator's verdict", () => {
  it("never passes or fails on a figure that is null, infinite or not a number", () => {
    fc.assert(
      fc.property(
        inputs.chain((input) => fc.tuple(fc.constant(input), specFor(input))),
        ([input, spec]) => {
          const evaluation = evaluateCriterion(spec, input, NOW);
          if (evaluation.status !== "insufficient_data") {
            expect(evaluation.measured).not.toBeNull();
            expect(Number.isFinite(evaluation.measured)).toBe(true);
          }
          if (evaluation.measured !== null) expect(Number.isFinite(evaluation.measured)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
