import { describe, expect, it } from "vitest";
import { networkReadiness, networkSummary } from "@/lib/roadmap/network-readiness";
import { type EvaluationPoint, timeline } from "@/lib/roadmap/readiness";
import type { StageMilestone, StageRow } from "@/lib/roadmap/rows";
import {
  type CriterionWithTimeline,
  currentStage,
  type RoadmapState,
  stageStates,
} from "@/lib/roadmap/stage-state";
import type { CriterionStatus, StageStatus } from "@/lib/roadmap/vocabulary";
import type { NetworkHealth } from "@/lib/uptime/current-state";

const DAY = 86_400_000;
const NOW = new Date("2026-03-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const stage = (number: number, overrides: Partial<StageRow> = {}): StageRow => ({
  number,
  key: `stage-${number}`,
  title: `Stage ${number}`,
  summary: "",
  targetDate: null,
  network: "testnet",
  networkName: "Testnet",
  note: null,
  declaredStatus: "planned",
  countdownStartedAt: null,
  countdownDays: null,
  milestonesDone: 0,
  milestonesTotal: 0,
  criteriaTotal: 0,
  ...overrides,
});

/** A criterion whose latest status is its history's last point (null: never evaluated). */
const criterion = (
  key: string,
  stageNumber: number,
  history: readonly EvaluationPoint[] = [],
  overrides: Partial<CriterionWithTimeline> = {},
): CriterionWithTimeline => {
  const last = [...history].sort((a, b) => a.evaluatedAt.getTime() - b.evaluatedAt.getTime()).at(-1);
  return {
    key,
    stageNumber,
    category: "latency",
    kind: "latency_p95",
    title: `Criterion ${key}`,
    comparator: "lte",
    target: 500,
    unit: "ms",
    baseline: null,
    baselineLabel: null,
    windowDays: 7,
    minSamples: 100,
    version: 1,
    network: "testnet",
    status: last?.status ?? null,
    measured: last?.measured ?? null,
    samples: last ? 1000 : null,
    evaluatedAt: last?.evaluatedAt ?? null,
    ...timeline(history),
    ...overrides,
  };
};
const point = (days: number, status: CriterionStatus, measured: number | null = 100): EvaluationPoint => ({
  evaluatedAt: daysAgo(days),
  status,
  measured,
});
/** A criterion evaluated once, a day ago, with this status. */
const judged = (key: string, stageNumber: number, status: CriterionStatus | null, network = "testnet") =>
  criterion(key, stageNumber, status ? [point(1, status)] : [], { network });
const milestone = (key: string, stageNumber: number, status: "open" | "done" = "open"): StageMilestone => ({
  key,
  stageNumber,
  title: `Milestone ${key}`,
  status,
});

function states({
  stages,
  criteria = [],
  milestones = [],
}: {
  stages: StageRow[];
  criteria?: CriterionWithTimeline[];
  milestones?: StageMilestone[];
}) {
  const histories = new Map<string, EvaluationPoint[]>();
  return stageStates({ stages, criteria, milestones, histories, now: NOW });
}

describe("a stage's computed status", () => {
  it("is ready when every one of its criteria passes", () => {
    const [one] = states({ stages: [stage(1)], criteria: [judged("a", 1, "pass"), judged("b", 1, "pass")] });
    expect(one?.computedStatus).toBe("ready");
    expect(one?.readiness).toMatchObject({ total: 2, passed: 2, ready: true });
  });

  it("is not ready when one fails, lacks data or has not been evaluated while others have", () => {
    for (const status of ["fail", "insufficient_data", null] as const) {
      const [one] = states({
        stages: [stage(1)],
        criteria: [judged("a", 1, "pass"), judged("b", 1, status)],
      });
      expect(one?.computedStatus, String(status)).toBe("not_ready");
    }
  });

  it("is not evaluated before any of its criteria is, or with no criteria at all", () => {
    const [one, two] = states({
      stages: [stage(1), stage(2)],
      criteria: [judged("a", 1, null), judged("b", 1, null), judged("c", 3, "fail")],
    });
    expect(one?.computedStatus).toBe("not_evaluated");
    expect(two?.computedStatus).toBe("not_evaluated");
    expect(two?.readiness.total).toBe(0);
  });

  it("counts only its own stage's criteria", () => {
    const [one, two] = states({
      stages: [stage(1), stage(2)],
      criteria: [judged("a", 1, "pass"), judged("b", 2, "fail"), judged("c", 2, "pass")],
    });
    expect(one?.computedStatus).toBe("ready");
    expect(two?.readiness).toMatchObject({ total: 2, passed: 1, failed: 1, ready: false });
  });

  it("keeps the team's declared status, milestone counts and stage fields beside the computed one", () => {
    const [one] = states({
      stages: [
        stage(1, {
          declaredStatus: "complete",
          network: "mainnet",
          targetDate: "2026-06-30",
          milestonesDone: 2,
          milestonesTotal: 5,
        }),
      ],
      criteria: [judged("a", 1, "fail")],
    });
    expect(one).toMatchObject({
      number: 1,
      key: "stage-1",
      title: "Stage 1",
      network: "mainnet",
      targetDate: "2026-06-30",
      declaredStatus: "complete",
      computedStatus: "not_ready",
      milestones: { done: 2, total: 5 },
      countdown: null,
    });
  });
});

describe("what a stage is missing", () => {
  it("lists its non-passing criteria with their status, then its open milestones only", () => {
    const [, two] = states({
      stages: [stage(1), stage(2)],
      criteria: [
        judged("passes", 2, "pass"),
        judged("fails", 2, "fail"),
        judged("unmeasured", 2, null),
        judged("thin", 2, "insufficient_data"),
        judged("other-stage", 1, "fail"),
      ],
      milestones: [
        milestone("m-open", 2),
        milestone("m-done", 2, "done"),
        milestone("m-stage-1", 1),
        milestone("m-open-2", 2),
      ],
    });
    expect(two?.missing).toEqual([
      { type: "criterion", key: "fails", title: "Criterion fails", status: "fail" },
      { type: "criterion", key: "unmeasured", title: "Criterion unmeasured", status: "not_evaluated" },
      { type: "criterion", key: "thin", title: "Criterion thin", status: "insufficient_data" },
      { type: "milestone", key: "m-open", title: "Milestone m-open" },
      { type: "milestone", key: "m-open-2", title: "Milestone m-open-2" },
    ]);
  });

  it("is nothing when every criterion passes and every milestone is done", () => {
    const [one] = states({
      stages: [stage(1)],
      criteria: [judged("a", 1, "pass")],
      milestones: [milestone("m", 1, "done")],
    });
    expect(one?.missing).toEqual([]);
  });
});

describe("a stage's countdown", () => {
  const countdownStage = (startedDaysAgo: number, days: number | null = 30) =>
    stage(3, { countdownStartedAt: daysAgo(startedDaysAgo), countdownDays: days });

  it("is absent without a start or a length", () => {
    const result = states({
      stages: [stage(2), stage(3, { countdownDays: 30 }), countdownStage(5, null)],
      criteria: [judged("a", 2, "pass")],
    });
    expect(result.map((s) => s.countdown)).toEqual([null, null, null]);
  });

  it("ends its length after the start, counting whole days left", () => {
    const [, three] = states({
      stages: [stage(2), countdownStage(10.5)],
      criteria: [judged("a", 2, "pass")],
    });
    expect(three?.countdown).toMatchObject({
      startedAt: daysAgo(10.5),
      days: 30,
      endsAt: new Date(daysAgo(10.5).getTime() + 30 * DAY),
      daysLeft: 20, // 19.5 days left, rounded up
      finished: false,
    });
    const [, over] = states({ stages: [stage(2), countdownStage(31)], criteria: [judged("a", 2, "pass")] });
    expect(over?.countdown).toMatchObject({ daysLeft: 0, finished: true });
  });

  /** Stage 3 counting down from 10 days ago, with stage 2's criteria and their histories. */
  const metAtStart = (criteria: CriterionWithTimeline[], histories: Record<string, EvaluationPoint[]>) =>
    stageStates({
      stages: [stage(2), countdownStage(10)],
      criteria,
      milestones: [],
      histories: new Map(Object.entries(histories)),
      now: NOW,
    })[1]?.countdown?.previousStageMetAtStart;

  it("says the previous stage was met at the start when each of its criteria passed then, whatever came after", () => {
    const a = [point(20, "fail"), point(12, "pass"), point(3, "fail")];
    const b = [point(15, "pass")];
    expect(metAtStart([criterion("a", 2, a), criterion("b", 2, b)], { a, b })).toBe(true);
  });

  it("counts an evaluation at the very moment the countdown started", () => {
    const a = [point(20, "fail"), point(10, "pass")];
    expect(metAtStart([criterion("a", 2, a)], { a })).toBe(true);
  });

  it("says it was not met when one criterion was failing then, even if it passes now", () => {
    const a = [point(15, "pass")];
    const b = [point(15, "pass"), point(11, "insufficient_data"), point(5, "pass")];
    const criteria = [criterion("a", 2, a), criterion("b", 2, b)];
    expect(criteria.map((c) => c.status)).toEqual(["pass", "pass"]);
    expect(metAtStart(criteria, { a, b })).toBe(false);
  });

  it("says it was not met when a criterion had not been evaluated yet at the start", () => {
    const a = [point(15, "pass")];
    const b = [point(5, "pass")];
    expect(metAtStart([criterion("a", 2, a), criterion("b", 2, b)], { a, b })).toBe(false);
    // A criterion with no history at all is not met either.
    expect(metAtStart([criterion("a", 2, a), criterion("b", 2, [])], { a })).toBe(false);
  });

  it("says it was not met when the previous stage has no criteria", () => {
    expect(metAtStart([criterion("other", 3, [point(15, "pass")])], { other: [point(15, "pass")] })).toBe(
      false,
    );
  });
});

describe("the current stage", () => {
  const declared = (...statuses: StageStatus[]) =>
    statuses.map((status, i) => stage(i + 1, { declaredStatus: status }));

  it("is the first stage the team has not declared complete", () => {
    expect(currentStage(declared("complete", "in_progress", "planned"))?.number).toBe(2);
    expect(currentStage(declared("complete", "planned", "in_progress"))?.number).toBe(2);
    expect(currentStage(declared("planned", "complete"))?.number).toBe(1);
  });

  it("is the last stage once all are complete, and none without stages", () => {
    expect(currentStage(declared("complete", "complete", "complete"))?.number).toBe(3);
    expect(currentStage([])).toBeUndefined();
  });
});

/** Stages 1–2 on testnet, stage 3 on mainnet, with criteria and milestones on each. */
function roadmap(): RoadmapState {
  const criterionRows = [
    criterion("t-pass", 1, [point(9, "fail"), point(4, "pass"), point(1, "pass")]),
    judged("t-fail", 2, "fail"),
    judged("t-new", 2, null),
    judged("m-pass", 3, "pass", "mainnet"),
  ];
  const stages = stageStates({
    stages: [
      stage(1, { declaredStatus: "complete" }),
      stage(2, { declaredStatus: "in_progress" }),
      stage(3, { network: "mainnet" }),
    ],
    criteria: criterionRows,
    milestones: [
      milestone("ms-1", 1, "done"),
      milestone("ms-2", 2),
      milestone("ms-3", 3),
      milestone("ms-2b", 2),
    ],
    histories: new Map(),
    now: NOW,
  });
  return { criterionRows, stages };
}

describe("a network's readiness", () => {
  it("judges only the criteria of that network, each met or not and since when", () => {
    const readiness = networkReadiness("testnet", NOW, roadmap());
    expect(readiness).toMatchObject({
      network: "testnet",
      asOf: NOW,
      ready: false,
      targetsMet: 1,
      targetsTotal: 3,
    });
    expect(readiness.targets).toEqual([
      {
        key: "t-pass",
        stage: 1,
        title: "Criterion t-pass",
        met: true,
        status: "pass",
        measured: 100,
        comparator: "lte",
        target: 500,
        unit: "ms",
        metSince: daysAgo(4), // passing without a break since 4 days ago
        evaluatedAt: daysAgo(1),
      },
      expect.objectContaining({ key: "t-fail", stage: 2, met: false, status: "fail", metSince: null }),
      expect.objectContaining({ key: "t-new", met: false, status: "not_evaluated", evaluatedAt: null }),
    ]);
  });

  it("lists what is still open: unmet targets, then open milestones of the stages on that network", () => {
    expect(networkReadiness("testnet", NOW, roadmap()).stillOpen).toEqual([
      { type: "criterion", key: "t-fail", title: "Criterion t-fail", status: "fail", stage: 2 },
      { type: "criterion", key: "t-new", title: "Criterion t-new", status: "not_evaluated", stage: 2 },
      { type: "milestone", key: "ms-2", title: "Milestone ms-2", stage: 2 },
      { type: "milestone", key: "ms-2b", title: "Milestone ms-2b", stage: 2 },
    ]);
    expect(networkReadiness("mainnet", NOW, roadmap()).stillOpen).toEqual([
      { type: "milestone", key: "ms-3", title: "Milestone ms-3", stage: 3 },
    ]);
  });

  it("is ready when every target on the network is met, even with milestones still open", () => {
    const readiness = networkReadiness("mainnet", NOW, roadmap());
    expect(readiness).toMatchObject({ ready: true, targetsMet: 1, targetsTotal: 1 });
  });

  it("is not ready with no targets to judge", () => {
    expect(networkReadiness("local", NOW, roadmap())).toMatchObject({
      ready: false,
      targetsMet: 0,
      targetsTotal: 0,
      targets: [],
      stillOpen: [],
    });
  });
});

describe("a network's summary", () => {
  const health: NetworkHealth = {
    network: "testnet",
    canonicalUp: 2,
    canonicalTotal: 3,
    canonicalUnknown: 1,
    status: "degraded",
    nodes: [],
  };

  it("gives the current stage, the readiness counts and the canonical nodes now", () => {
    expect(networkSummary("testnet", NOW, roadmap(), health)).toEqual({
      network: "testnet",
      asOf: NOW.toISOString(),
      currentStage: {
        number: 2,
        title: "Stage 2",
        network: "testnet",
        declaredStatus: "in_progress",
        computedStatus: "not_ready",
        missing: 4, // t-fail, t-new, ms-2, ms-2b
      },
      readiness: { ready: false, targetsMet: 1, targetsTotal: 3 },
      nodes: { up: 2, total: 3, unknown: 1, status: "degraded" },
      criteria: { passed: 1, total: 3 },
    });
  });

  it("has no current stage without stages", () => {
    const summary = networkSummary("testnet", NOW, { criterionRows: [], stages: [] }, health);
    expect(summary.currentStage).toBeNull();
    expect(summary.readiness).toEqual({ ready: false, targetsMet: 0, targetsTotal: 0 });
  });
});
