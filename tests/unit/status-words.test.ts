import { describe, expect, it } from "vitest";
import { stageReadiness } from "@/lib/roadmap/readiness";
import { declaredVsMeasured, missingDetail, missingText } from "@/lib/roadmap/status-words";

const row = {
  kind: "latency_p95" as const,
  status: "insufficient_data" as const,
  samples: 43,
  minSamples: 100,
  windowDays: 7,
  measured: 80,
  comparator: "lt" as const,
  target: 100,
  unit: "ms",
};

describe("what keeps a target from passing", () => {
  it("counts samples against the minimum over the window", () => {
    expect(missingText(row)).toBe("not enough data: 43 of 100 samples in the last 7 days");
    expect(missingDetail({ ...row, samples: 1234, minSamples: 5000 })).toBe(
      "1,234 of 5,000 samples in the last 7 days",
    );
  });

  it("names the node whose coverage is short of the minimum, the lowest first", () => {
    const evidence = {
      minCoverage: 0.95,
      nodes: [
        { nodeId: 100, coverage: 0.99 },
        { nodeId: 300, coverage: 0.71 },
        { nodeId: 400, coverage: 0.9 },
      ],
    };
    expect(missingText({ ...row, kind: "node_reliability" }, evidence)).toBe(
      "not enough data: coverage 71% of 95% (node 300 and 1 other)",
    );
  });

  it("names the suite with too few runs, or the SDK with none", () => {
    const kind = "integration_pass" as const;
    expect(
      missingDetail(
        { ...row, kind },
        { lastRuns: 5, suites: [{ suite: "js · e2e", runs: 3 }], missingSdks: [] },
      ),
    ).toBe("3 of 5 runs of js · e2e");
    expect(missingDetail({ ...row, kind }, { lastRuns: 5, suites: [], missingSdks: ["xmtp-ios"] })).toBe(
      "no runs of xmtp-ios",
    );
  });

  it("says a failing figure against its target, and nothing beside a met or unevaluated one", () => {
    expect(missingText({ ...row, status: "fail", measured: 120 })).toBe("not met: 120 ms against < 100 ms");
    expect(missingDetail({ ...row, status: "pass" })).toBeNull();
    expect(missingText({ ...row, status: null })).toBe("no data yet");
  });
});

describe("declared status against the measurements", () => {
  const stage = { declaredStatus: "complete" as const, milestonesDone: 1, milestonesTotal: 3 };

  it("says in words where a stage marked complete still has open milestones or targets", () => {
    expect(declaredVsMeasured(stage, stageReadiness(["pass", "pass"]))).toBe(
      "The team marked this stage complete; 2 milestones are open.",
    );
    expect(declaredVsMeasured(stage, stageReadiness(["pass", "fail", "insufficient_data"]))).toBe(
      "The team marked this stage complete; 2 milestones are open and 2 of 3 targets are not met.",
    );
    expect(declaredVsMeasured({ ...stage, milestonesDone: 3 }, stageReadiness(["pass"]))).toBeNull();
  });

  it("says where everything is done but the team has not marked it complete", () => {
    const done = { declaredStatus: "in_progress" as const, milestonesDone: 2, milestonesTotal: 2 };
    expect(declaredVsMeasured(done, stageReadiness(["pass"]))).toBe(
      "Every target is met and every milestone done; the team has it as in progress.",
    );
    expect(declaredVsMeasured({ ...done, milestonesDone: 1 }, stageReadiness(["pass"]))).toBeNull();
    expect(
      declaredVsMeasured({ ...done, milestonesTotal: 0, milestonesDone: 0 }, stageReadiness([])),
    ).toBeNull();
  });
});
