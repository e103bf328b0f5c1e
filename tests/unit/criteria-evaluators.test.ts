import { describe, expect, it } from "vitest";
import { histogramOf } from "@/lib/metrics/histogram";
import { type CriterionSpec, criterionWindow } from "@/lib/roadmap/criteria";
import { type CriterionInput, evaluateCriterion } from "@/lib/roadmap/evaluate";
import { countdown, statusAt, timeline } from "@/lib/roadmap/readiness";
import { ago, criterionSpec, DAY, NOW } from "../support/criteria";

const spec = (overrides: Partial<CriterionSpec> = {}) =>
  criterionSpec({ ...{ windowDays: 7, minSamples: 100 }, ...overrides });

const judge = (criterion: CriterionSpec, input: CriterionInput, now = NOW) =>
  evaluateCriterion(criterion, input, now);

describe("latency_p95", () => {
  const sync = spec({});
  const result = (days: number, durations: number[], runId = `r${days}`) => ({
    runId,
    startedAt: ago(days),
    histogram: histogramOf(durations),
    p95Ms: null,
  });
  const fast = Array.from({ length: 120 }, (_, i) => 40 + (i % 50));

  it("merges 200,000 results in a window without overflowing the stack", () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({
      runId: `r${i % 200}`,
      startedAt: ago(1),
      histogram: histogramOf([100]),
      p95Ms: null,
    }));
    const evaluation = judge(sync, { kind: "latency_p95", results: many });
    expect(evaluation.samples).toBe(200_000);
    expect(evaluation.measured).toBeCloseTo(100, -1);
  });

  it("passes when the p95 of merged results is under the target, and says how many samples", () => {
    const evaluation = judge(sync, {
      kind: "latency_p95",
      results: [result(1, fast.slice(0, 60)), result(2, fast.slice(60))],
    });
    expect(evaluation).toMatchObject({ status: "pass", samples: 120, target: 100, unit: "ms" });
    expect(evaluation.measured).toBeGreaterThan(80);
    expect(evaluation.measured).toBeLessThan(100);
  });

  it("fails when the p95 reaches the target (the comparator is strict)", () => {
    const slow = [...fast.slice(0, 100), ...Array(20).fill(150)];
    expect(judge(sync, { kind: "latency_p95", results: [result(1, slow)] }).status).toBe("fail");
  });

  it("is insufficient data below the minimum samples, however good the number", () => {
    const evaluation = judge(sync, { kind: "latency_p95", results: [result(1, fast.slice(0, 99))] });
    expect(evaluation).toMatchObject({ status: "insufficient_data", samples: 99 });
  });

  it("counts a result started exactly at the window's start and not one just before it", () => {
    const window = criterionWindow(sync, NOW);
    const atStart = { ...result(0, fast), startedAt: window.from };
    const before = { ...result(0, Array(500).fill(900)), startedAt: new Date(window.from.getTime() - 1) };
    expect(judge(sync, { kind: "latency_p95", results: [atStart, before] })).toMatchObject({
      status: "pass",
      samples: 120,
    });
    const atEnd = { ...result(0, Array(500).fill(900)), startedAt: NOW };
    expect(judge(sync, { kind: "latency_p95", results: [atStart, atEnd] }).samples).toBe(120);
  });

  it("follows the clock: the same results age out of the window", () => {
    const input: CriterionInput = { kind: "latency_p95", results: [result(6, fast)] };
    expect(judge(sync, input).status).toBe("pass");
    expect(judge(sync, input, new Date(NOW.getTime() + 2 * DAY)).status).toBe("insufficient_data");
  });
});

describe("throughput", () => {
  const burst = spec({
    kind: "throughput_burst",
    metric: "offchain_burst",
    comparator: "gte",
    target: 1000,
    unit: "msg/s",
    windowDays: 30,
    minSamples: 1,
  });
  const sustained = spec({
    kind: "throughput_sustained_daily",
    metric: "sustained_daily",
    comparator: "gte",
    target: 10_000_000,
    unit: "msg/day",
    windowDays: 30,
    minSamples: 1,
    params: { minNodes: 3 },
  });
  const run = (overrides: Record<string, unknown>) => ({
    runId: "t",
    kind: "offchain_burst",
    startedAt: ago(1),
    nodes: 3,
    durationS: 60,
    messages: 60_000,
    peakRps: null,
    ...overrides,
  });

  it("takes the best burst of its kind in the window, preferring the peak step rate", () => {
    const evaluation = judge(burst, {
      kind: "throughput_burst",
      runs: [
        run({ runId: "a", messages: 30_000 }),
        run({ runId: "b", peakRps: 1200 }),
        run({ runId: "c", kind: "onchain_burst", peakRps: 5000 }),
      ],
    });
    expect(evaluation).toMatchObject({
      status: "pass",
      measured: 1200,
      samples: 2,
      evidence: { bestRunId: "b" },
    });
  });

  it("fails below the target, and is insufficient with no run, or only runs outside the window", () => {
    expect(judge(burst, { kind: "throughput_burst", runs: [run({ messages: 30_000 })] })).toMatchObject({
      status: "fail",
      measured: 500,
    });
    expect(judge(burst, { kind: "throughput_burst", runs: [] }).status).toBe("insufficient_data");
    expect(
      judge(burst, { kind: "throughput_burst", runs: [run({ startedAt: ago(31), peakRps: 5000 })] }).status,
    ).toBe("insufficient_data");
  });

  it("counts only sustained runs on at least 3 nodes for at least a day", () => {
    const day = 86_400;
    const runs = [
      run({ runId: "two-nodes", kind: "sustained_daily", nodes: 2, durationS: day, messages: 20_000_000 }),
      run({ runId: "one-hour", kind: "sustained_daily", nodes: 3, durationS: 3600, messages: 1_000_000 }),
      run({ runId: "ok", kind: "sustained_daily", nodes: 3, durationS: 2 * day, messages: 24_000_000 }),
    ];
    const evaluation = judge(sustained, { kind: "throughput_sustained_daily", runs });
    expect(evaluation).toMatchObject({
      status: "pass",
      measured: 12_000_000,
      samples: 1,
      evidence: { bestRunId: "ok", qualifying: 1 },
    });
    expect(Object.keys(evaluation.evidence.disqualified as object)).toEqual(["two-nodes", "one-hour"]);
    expect(judge(sustained, { kind: "throughput_sustained_daily", runs: runs.slice(0, 2) }).status).toBe(
      "insufficient_data",
    );
  });
});

describe("node_reliability", () => {
  const reliability = spec({
    kind: "node_reliability",
    metric: "availability",
    comparator: "gte",
    target: 99.99,
    unit: "%",
    windowDays: 30,
    minSamples: 1,
    params: { minCoverage: 0.95 },
  });
  const month = 30 * 1440;
  const node = (nodeId: number, down: number, known = month) => ({
    nodeId,
    up: known - down,
    degraded: 0,
    down,
    maintenance: 0,
    windowMinutes: month,
  });

  it("passes when every canonical node is at or above 99.99% with coverage, measuring the worst", () => {
    const evaluation = judge(reliability, {
      kind: "node_reliability",
      nodes: [node(100, 0), node(200, 4), node(300, 1)],
    });
    expect(evaluation.status).toBe("pass");
    expect(evaluation.measured).toBeCloseTo(((month - 4) / month) * 100, 3);
    expect(evaluation.evidence).toMatchObject({ worstNodeId: 200 });
    expect((evaluation.evidence.nodes as unknown[]).length).toBe(3);
  });

  it("fails on one node below the target", () => {
    expect(
      judge(reliability, { kind: "node_reliability", nodes: [node(100, 0), node(200, 5)] }),
    ).toMatchObject({ status: "fail" });
  });

  it("is insufficient when a node lacks coverage, unless its down minutes already exceed the window's allowance", () => {
    const thin = node(300, 0, Math.floor(month * 0.9));
    expect(judge(reliability, { kind: "node_reliability", nodes: [node(100, 0), thin] }).status).toBe(
      "insufficient_data",
    );
    const thinAndDown = node(300, 60, Math.floor(month * 0.5));
    expect(judge(reliability, { kind: "node_reliability", nodes: [node(100, 0), thinAndDown] }).status).toBe(
      "fail",
    );
    expect(judge(reliability, { kind: "node_reliability", nodes: [] }).status).toBe("insufficient_data");
  });

  it("judges the unrounded availability: 99.98999…% fails a 99.99% target", () => {
    const justBelow = {
      nodeId: 100,
      up: 49_985,
      degraded: 0,
      down: 5,
      maintenance: 0,
      windowMinutes: 50_000,
    };
    const evaluation = judge(reliability, { kind: "node_reliability", nodes: [justBelow] });
    expect(evaluation.status).toBe("fail");
    expect(evaluation.measured).toBeCloseTo((49_985 / 49_990) * 100, 9);
  });

  it("leaves maintenance out of availability but counts it as known for coverage", () => {
    const maintained = {
      nodeId: 100,
      up: month - 120,
      degraded: 0,
      down: 0,
      maintenance: 120,
      windowMinutes: month,
    };
    expect(judge(reliability, { kind: "node_reliability", nodes: [maintained] })).toMatchObject({
      status: "pass",
      measured: 100,
    });
  });
});

describe("fork_rate", () => {
  const forks = spec({
    kind: "fork_rate",
    metric: "forked_groups_share",
    comparator: "eq",
    target: 0,
    unit: "%",
    windowDays: 30,
    minSamples: 100,
  });
  const check = (days: number, groupsChecked: number, forkedGroups = 0) => ({
    runId: `f${days}`,
    startedAt: ago(days),
    groupsChecked,
    forkedGroups,
  });

  it("passes at 0 forks over at least the minimum groups, fails on any fork, else insufficient", () => {
    expect(judge(forks, { kind: "fork_rate", runs: [check(1, 60), check(2, 40)] })).toMatchObject({
      status: "pass",
      measured: 0,
      samples: 100,
    });
    expect(judge(forks, { kind: "fork_rate", runs: [check(1, 500, 1)] })).toMatchObject({
      status: "fail",
      measured: 0.2,
    });
    expect(judge(forks, { kind: "fork_rate", runs: [check(1, 10, 1)] }).status).toBe("fail");
    expect(judge(forks, { kind: "fork_rate", runs: [check(1, 99)] }).status).toBe("insufficient_data");
    expect(judge(forks, { kind: "fork_rate", runs: [check(31, 1000, 5)] }).status).toBe("insufficient_data");
  });
});

describe("integration_pass", () => {
  const integration = spec({
    kind: "integration_pass",
    metric: "pass_rate",
    comparator: "eq",
    target: 100,
    unit: "%",
    windowDays: 30,
    minSamples: 5,
    params: { lastRuns: 5 },
  });
  const runs = (sdk: string, results: [number, number][], startDay = 1) =>
    results.map(([passed, failed], i) => ({
      runId: `${sdk}-${i}`,
      sdk,
      suite: "functional",
      startedAt: ago(startDay + i),
      passed,
      failed,
    }));

  it("passes when the last 5 runs of every SDK suite all passed entirely", () => {
    const input: CriterionInput = {
      kind: "integration_pass",
      runs: [...runs("node", Array(5).fill([40, 0])), ...runs("browser", Array(6).fill([30, 0]))],
    };
    expect(judge(integration, input)).toMatchObject({ status: "pass", measured: 100, samples: 10 });
  });

  it("fails when one of the last 5 runs had a failure, but not for an older sixth run", () => {
    const recentFailure = runs("node", [
      [40, 0],
      [39, 1],
      [40, 0],
      [40, 0],
      [40, 0],
    ]);
    expect(judge(integration, { kind: "integration_pass", runs: recentFailure })).toMatchObject({
      status: "fail",
    });
    const oldFailure = runs("node", [
      [40, 0],
      [40, 0],
      [40, 0],
      [40, 0],
      [40, 0],
      [0, 40],
    ]);
    expect(judge(integration, { kind: "integration_pass", runs: oldFailure }).status).toBe("pass");
  });

  it("is insufficient with fewer than 5 runs or a required SDK missing", () => {
    expect(
      judge(integration, { kind: "integration_pass", runs: runs("node", Array(4).fill([40, 0])) }).status,
    ).toBe("insufficient_data");
    const required = { ...integration, params: { lastRuns: 5, sdks: ["node", "react-native"] } };
    const evaluation = judge(required, {
      kind: "integration_pass",
      runs: runs("node", Array(5).fill([40, 0])),
    });
    expect(evaluation).toMatchObject({
      status: "insufficient_data",
      evidence: { missingSdks: ["react-native"] },
    });
  });

  it("judges only the listed SDKs when the criterion names them", () => {
    const listed = { ...integration, params: { lastRuns: 5, sdks: ["node"] } };
    const evaluation = judge(listed, {
      kind: "integration_pass",
      runs: [...runs("node", Array(5).fill([40, 0])), ...runs("experimental", Array(5).fill([0, 40]))],
    });
    expect(evaluation).toMatchObject({ status: "pass", measured: 100, samples: 5 });
  });
});

describe("independent_operators", () => {
  const operators = spec({
    kind: "independent_operators",
    metric: "canonical_operators",
    comparator: "gte",
    target: 3,
    unit: "nodes",
    windowDays: 1,
    minSamples: 1,
  });

  it("counts nodes sharing an owner or an operator name as one operator", () => {
    const nodes = [
      { nodeId: 100, owner: "0xA", operatorName: "XMTP Labs" },
      { nodeId: 200, owner: "0xB", operatorName: "xmtp labs " },
      { nodeId: 300, owner: "0xa", operatorName: null },
      { nodeId: 400, owner: "0xC", operatorName: "Ephemera" },
      { nodeId: 500, owner: "0xD", operatorName: null },
    ];
    const evaluation = judge(operators, { kind: "independent_operators", nodes, registryRead: true });
    expect(evaluation).toMatchObject({ status: "pass", measured: 3, samples: 5 });
    expect(
      judge(operators, { kind: "independent_operators", nodes: nodes.slice(0, 4), registryRead: true }),
    ).toMatchObject({ status: "fail", measured: 2 });
  });

  it("is insufficient before the registry has been read", () => {
    expect(judge(operators, { kind: "independent_operators", nodes: [], registryRead: false }).status).toBe(
      "insufficient_data",
    );
    expect(judge(operators, { kind: "independent_operators", nodes: [], registryRead: true })).toMatchObject({
      status: "fail",
      measured: 0,
    });
  });
});

describe("milestone", () => {
  const milestone = spec({
    kind: "milestone",
    metric: "milestone",
    comparator: "eq",
    target: 1,
    unit: "",
    windowDays: 1,
    minSamples: 1,
    params: { milestone: "s2-load-testing" },
  });
  const item = (status: "open" | "done") => ({
    key: "s2-load-testing",
    title: "Load testing",
    status,
    evidenceUrl: status === "done" ? "https://example.org/report" : null,
    doneAt: status === "done" ? ago(2) : null,
  });

  it("passes when the team marked it done, with the evidence link; fails while open", () => {
    expect(judge(milestone, { kind: "milestone", milestone: item("done") })).toMatchObject({
      status: "pass",
      evidence: { evidenceUrl: "https://example.org/report" },
    });
    expect(judge(milestone, { kind: "milestone", milestone: item("open") }).status).toBe("fail");
    expect(judge(milestone, { kind: "milestone", milestone: null }).status).toBe("insufficient_data");
  });
});

describe("history and the clock", () => {
  const point = (
    hours: number,
    status: "pass" | "fail" | "insufficient_data",
    measured: number | null = 1,
  ) => ({
    evaluatedAt: new Date(NOW.getTime() + hours * 3_600_000),
    status,
    measured,
  });

  it("knows when a criterion first passed, since when it passes without a break, and when it last changed", () => {
    const history = [
      point(0, "insufficient_data", null),
      point(1, "pass"),
      point(2, "fail", 2),
      point(3, "pass"),
      point(4, "pass"),
    ];
    expect(timeline(history)).toEqual({
      firstPassedAt: history[1]?.evaluatedAt,
      passingSince: history[3]?.evaluatedAt,
      lastChangedAt: history[3]?.evaluatedAt,
    });
    expect(timeline([point(0, "fail")]).passingSince).toBeNull();
    expect(statusAt(history, new Date(NOW.getTime() + 2.5 * 3_600_000))).toBe("fail");
    expect(statusAt(history, ago(1))).toBeNull();
  });

  it("counts the 60-day migration countdown down from the day the team started it", () => {
    expect(countdown(null, 60, NOW)).toBeNull();
    expect(countdown(ago(10), 60, NOW)).toMatchObject({ daysLeft: 50, finished: false });
    expect(countdown(ago(61), 60, NOW)).toMatchObject({ daysLeft: 0, finished: true });
  });
});
