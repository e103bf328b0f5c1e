import { describe, expect, it } from "vitest";
import type { CriterionSpec } from "@/lib/roadmap/criteria";
import {
  evaluateForkRate,
  evaluateIntegrationPass,
  evaluateNodeReliability,
  type IntegrationRunInput,
  type NodeAvailabilityInput,
} from "@/lib/roadmap/evaluators/reliability";
import { ago, criterionSpec, NOW } from "../support/criteria";

const WINDOW = { from: ago(30), to: NOW };

const spec = (overrides: Partial<CriterionSpec> = {}) =>
  criterionSpec({
    ...{ kind: "node_reliability", metric: "availability", comparator: "gte", target: 99.99, unit: "%" },
    ...overrides,
  });

describe("node reliability: every canonical node against the target", () => {
  const reliability = spec({});
  const node = (overrides: Partial<NodeAvailabilityInput>): NodeAvailabilityInput => ({
    nodeId: 100,
    up: 10_000,
    degraded: 0,
    down: 0,
    maintenance: 0,
    windowMinutes: 10_000,
    ...overrides,
  });

  it("counts degraded minutes as up, and reports each node's minutes and coverage in the evidence", () => {
    const evaluation = evaluateNodeReliability(
      reliability,
      [node({ up: 6000, degraded: 3998, down: 1, maintenance: 1 })],
      WINDOW,
    );
    expect(evaluation.status).toBe("fail");
    expect(evaluation.measured).toBeCloseTo((9998 / 9999) * 100, 9);
    expect(evaluation.samples).toBe(9999);
    expect(evaluation.evidence).toEqual({
      minCoverage: 0.95,
      worstNodeId: 100,
      nodes: [
        {
          nodeId: 100,
          availabilityPct: (9998 / 9999) * 100,
          coverage: 1,
          upMinutes: 9998,
          downMinutes: 1,
          maintenanceMinutes: 1,
          windowMinutes: 10_000,
        },
      ],
    });
  });

  it("requires 95% coverage by default: 95% exactly is enough, just under is not", () => {
    const at = evaluateNodeReliability(reliability, [node({ up: 9500 })], WINDOW);
    expect(at).toMatchObject({ status: "pass", measured: 100 });
    expect((at.evidence.nodes as { coverage: number }[])[0]?.coverage).toBe(0.95);
    const under = evaluateNodeReliability(reliability, [node({ up: 9499 })], WINDOW);
    expect(under.status).toBe("insufficient_data");
    expect((under.evidence.nodes as { coverage: number }[])[0]?.coverage).toBe(0.9499);
  });

  it("takes the coverage it needs from the criterion's parameters", () => {
    const loose = spec({ params: { minCoverage: 0.5 } });
    const evaluation = evaluateNodeReliability(loose, [node({ up: 6000 })], WINDOW);
    expect(evaluation).toMatchObject({ status: "pass", evidence: { minCoverage: 0.5 } });
  });

  it("rounds the coverage it reports to four decimals", () => {
    const evaluation = evaluateNodeReliability(reliability, [node({ up: 2, windowMinutes: 3 })], WINDOW);
    expect((evaluation.evidence.nodes as { coverage: number }[])[0]?.coverage).toBe(0.6667);
  });

  it("fails a thinly covered node whose down minutes exceed the whole window's allowance, not one at it", () => {
    // A 99% target over 1,000 minutes allows 10 down minutes.
    const lenient = spec({ target: 99 });
    const atAllowance = node({ up: 90, down: 10, windowMinutes: 1000 });
    expect(evaluateNodeReliability(lenient, [atAllowance], WINDOW).status).toBe("insufficient_data");
    const beyond = node({ up: 90, down: 11, windowMinutes: 1000 });
    expect(evaluateNodeReliability(lenient, [beyond], WINDOW)).toMatchObject({ status: "fail" });
  });

  it("does not fail a thin node whose few down minutes are within a 99.99% allowance", () => {
    // 0.01% of 43,200 minutes is 4.32 minutes.
    const thin = node({ up: 20_000, down: 4, windowMinutes: 43_200 });
    expect(evaluateNodeReliability(reliability, [thin], WINDOW).status).toBe("insufficient_data");
  });

  it("reports a node with no measured minutes without an availability, and judges the others", () => {
    const silent = node({ nodeId: 100, up: 0, maintenance: 0, windowMinutes: 10_000 });
    const failing = node({ nodeId: 200, up: 9000, down: 1000 });
    const evaluation = evaluateNodeReliability(reliability, [silent, failing], WINDOW);
    expect(evaluation).toMatchObject({ status: "fail", measured: 90, evidence: { worstNodeId: 200 } });
    const nodes = evaluation.evidence.nodes as { availabilityPct: number | null; coverage: number }[];
    expect(nodes[0]).toMatchObject({ availabilityPct: null, coverage: 0 });
  });

  it("is insufficient for a node with only maintenance minutes, however covered", () => {
    const maintained = node({ up: 0, maintenance: 10_000 });
    const evaluation = evaluateNodeReliability(reliability, [maintained], WINDOW);
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: null });
    expect(
      (evaluation.evidence.nodes as { availabilityPct: number | null }[])[0]?.availabilityPct,
    ).toBeNull();
  });

  it("is insufficient while one node has only maintenance minutes, even when the others pass", () => {
    const maintained = node({ nodeId: 100, up: 0, maintenance: 10_000 });
    const evaluation = evaluateNodeReliability(reliability, [maintained, node({ nodeId: 200 })], WINDOW);
    expect(evaluation).toMatchObject({
      status: "insufficient_data",
      measured: 100,
      evidence: { worstNodeId: 200 },
    });
  });

  it("gives a node with an empty window no coverage", () => {
    const empty = node({ up: 0, windowMinutes: 0 });
    const evaluation = evaluateNodeReliability(reliability, [empty], WINDOW);
    expect((evaluation.evidence.nodes as { coverage: number }[])[0]?.coverage).toBe(0);
  });

  it("names the first of equally worst nodes, and adds up every node's measured minutes", () => {
    const evaluation = evaluateNodeReliability(
      reliability,
      [
        node({ nodeId: 100, up: 9999, down: 1 }),
        node({ nodeId: 200, up: 9999, down: 1 }),
        node({ nodeId: 300, up: 10_000 }),
      ],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "pass", measured: 99.99, samples: 30_000 });
    expect(evaluation.evidence.worstNodeId).toBe(100);
  });

  it("has no worst node when there are no nodes", () => {
    expect(evaluateNodeReliability(reliability, [], WINDOW)).toMatchObject({
      status: "insufficient_data",
      measured: null,
      samples: 0,
      evidence: { worstNodeId: null, nodes: [] },
    });
  });
});

describe("fork rate", () => {
  const forks = spec({
    kind: "fork_rate",
    metric: "forked_groups_share",
    comparator: "eq",
    target: 0,
    minSamples: 100,
  });
  const run = (runId: string, days: number, groupsChecked: number, forkedGroups: number) => ({
    runId,
    startedAt: ago(days),
    groupsChecked,
    forkedGroups,
  });

  it("states the runs and groups it counted in the window", () => {
    const evaluation = evaluateForkRate(
      forks,
      [run("a", 1, 150, 0), run("b", 2, 50, 1), run("old", 40, 1000, 9)],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "fail", measured: 0.5, samples: 200 });
    expect(evaluation.evidence).toEqual({ runs: 2, groupsChecked: 200, forkedGroups: 1 });
  });

  it("has no figure when no group was checked", () => {
    expect(evaluateForkRate(forks, [], WINDOW)).toMatchObject({
      status: "insufficient_data",
      measured: null,
      evidence: { runs: 0, groupsChecked: 0, forkedGroups: 0 },
    });
  });
});

describe("integration pass rate", () => {
  const integration = spec({
    kind: "integration_pass",
    metric: "pass_rate",
    comparator: "eq",
    target: 100,
    minSamples: 5,
  });
  const runs = (sdk: string, results: [number, number][], suite = "functional") =>
    results.map(
      ([passed, failed], i): IntegrationRunInput => ({
        runId: `${sdk}-${suite}-${i}`,
        sdk,
        suite,
        startedAt: ago(1 + i),
        passed,
        failed,
      }),
    );
  const clean = (sdk: string, count = 5, suite = "functional") =>
    runs(sdk, Array(count).fill([40, 0]), suite);

  it("judges the last 5 runs by default, newest first, whatever order they arrive in", () => {
    const six = runs("node", [
      [40, 0],
      [40, 0],
      [40, 0],
      [40, 0],
      [40, 0],
      [0, 40],
    ]);
    const shuffled = [six[5], six[2], six[0], six[4], six[1], six[3]] as IntegrationRunInput[];
    const evaluation = evaluateIntegrationPass(integration, shuffled, WINDOW);
    expect(evaluation).toMatchObject({ status: "pass", measured: 100, samples: 5 });
    expect(evaluation.evidence).toEqual({
      lastRuns: 5,
      missingSdks: [],
      suites: [
        {
          suite: "node · functional",
          sdk: "node",
          runs: 5,
          runIds: [
            "node-functional-0",
            "node-functional-1",
            "node-functional-2",
            "node-functional-3",
            "node-functional-4",
          ],
          passRatePct: 100,
          failingRuns: 0,
        },
      ],
    });
  });

  it("measures the lowest pass rate over the judged runs of any suite", () => {
    const evaluation = evaluateIntegrationPass(
      integration,
      [
        ...clean("browser"),
        ...runs("node", [
          [40, 0],
          [39, 1],
          [38, 2],
          [40, 0],
          [40, 0],
        ]),
      ],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "fail", measured: 98.5, samples: 10 });
    const node = (
      evaluation.evidence.suites as { sdk: string; failingRuns: number; passRatePct: number }[]
    ).find((suite) => suite.sdk === "node");
    expect(node).toMatchObject({ failingRuns: 2, passRatePct: 98.5 });
  });

  it("fails on a failure even before a suite has its 5 runs", () => {
    const evaluation = evaluateIntegrationPass(
      integration,
      [
        ...clean("browser"),
        ...runs("node", [
          [40, 0],
          [30, 10],
        ]),
      ],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "fail", measured: 87.5 });
  });

  it("is insufficient while any suite lacks its runs, even if another has them all", () => {
    const evaluation = evaluateIntegrationPass(
      integration,
      [...clean("browser"), ...clean("node", 3)],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: 100 });
  });

  it("takes the number of runs from the criterion's parameters", () => {
    const three = spec({ ...integration, params: { lastRuns: 3 } });
    expect(evaluateIntegrationPass(three, clean("node", 3), WINDOW)).toMatchObject({
      status: "pass",
      evidence: { lastRuns: 3 },
    });
  });

  it("counts each suite of an SDK separately", () => {
    const evaluation = evaluateIntegrationPass(
      integration,
      [...clean("node", 5, "functional"), ...clean("node", 5, "streams")],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "pass", samples: 10 });
    expect((evaluation.evidence.suites as { suite: string }[]).map((suite) => suite.suite)).toEqual([
      "node · functional",
      "node · streams",
    ]);
  });

  it("passes with every listed SDK complete, and names one that has too few runs", () => {
    const listed = spec({ ...integration, params: { sdks: ["node", "browser"] } });
    expect(evaluateIntegrationPass(listed, [...clean("node"), ...clean("browser")], WINDOW)).toMatchObject({
      status: "pass",
      evidence: { missingSdks: [] },
    });
    expect(evaluateIntegrationPass(listed, [...clean("node"), ...clean("browser", 4)], WINDOW)).toMatchObject(
      {
        status: "insufficient_data",
        evidence: { missingSdks: ["browser"] },
      },
    );
  });

  it("gives a run with no test cases no pass rate, and judges the rates there are", () => {
    const evaluation = evaluateIntegrationPass(
      integration,
      [...clean("node"), ...runs("empty", Array(5).fill([0, 0]))],
      WINDOW,
    );
    expect(evaluation).toMatchObject({ status: "pass", measured: 100 });
    const empty = (evaluation.evidence.suites as { sdk: string; passRatePct: number | null }[]).find(
      (suite) => suite.sdk === "empty",
    );
    expect(empty?.passRatePct).toBeNull();
  });

  it("measures a suite that passed as many cases as it failed at 50%", () => {
    expect(evaluateIntegrationPass(integration, runs("node", Array(5).fill([20, 20])), WINDOW)).toMatchObject(
      {
        status: "fail",
        measured: 50,
      },
    );
  });

  it("leaves runs outside the window out", () => {
    const old = runs("node", Array(5).fill([40, 0])).map((run) => ({ ...run, startedAt: ago(31) }));
    expect(evaluateIntegrationPass(integration, old, WINDOW)).toMatchObject({
      status: "insufficient_data",
      measured: null,
      samples: 0,
    });
  });

  it("judges nothing, without failing, when the criterion asks for no runs", () => {
    const none = spec({ ...integration, params: { lastRuns: 0 } });
    const evaluation = evaluateIntegrationPass(none, clean("node"), WINDOW);
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: null, samples: 0 });
    expect(evaluation.evidence.suites).toEqual([
      { suite: "node · functional", sdk: "", runs: 0, runIds: [], passRatePct: null, failingRuns: 0 },
    ]);
  });
});
