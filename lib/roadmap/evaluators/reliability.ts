import type { TimeWindow } from "@/lib/time";
import { type CriterionSpec, type Evaluation, inWindow, verdict } from "../criteria";

export type NodeAvailabilityInput = {
  nodeId: number;
  up: number;
  degraded: number;
  down: number;
  maintenance: number;
  windowMinutes: number;
};

/**
 * Every canonical node's availability over the window must meet the target with enough coverage.
 * The measured value is the worst node's. A node that lacks coverage makes the result insufficient,
 * unless its measured down minutes alone already exceed the whole window's allowance: then it fails.
 */
export function evaluateNodeReliability(
  spec: CriterionSpec,
  nodes: readonly NodeAvailabilityInput[],
  window: TimeWindow,
): Evaluation {
  const minCoverage = Number(spec.params.minCoverage ?? 0.95);
  const perNode = nodes.map((node) => {
    const measured = node.up + node.degraded + node.down;
    const known = measured + node.maintenance;
    const availability = measured > 0 ? ((node.up + node.degraded) / measured) * 100 : null;
    const coverage = node.windowMinutes > 0 ? known / node.windowMinutes : 0;
    const allowedDown = ((100 - spec.target) / 100) * node.windowMinutes;
    return {
      nodeId: node.nodeId,
      // Unrounded: 99.98999…% must not round up to a passing 99.99%. Pages round for display.
      availabilityPct: availability,
      coverage: Math.round(coverage * 10_000) / 10_000,
      upMinutes: node.up + node.degraded,
      downMinutes: node.down,
      maintenanceMinutes: node.maintenance,
      windowMinutes: node.windowMinutes,
      enough: coverage >= minCoverage && availability !== null,
      beyondAllowance: node.down > allowedDown,
    };
  });
  const judged = perNode.filter((node) => node.availabilityPct !== null);
  const worst = judged.reduce<(typeof judged)[number] | undefined>(
    (low, node) => (!low || (node.availabilityPct as number) < (low.availabilityPct as number) ? node : low),
    undefined,
  );
  const failsAnyway = perNode.some((node) => node.beyondAllowance);
  const enough = perNode.every((node) => node.enough) || failsAnyway; // no nodes: no figure to judge
  return verdict(spec, window, {
    measured: worst?.availabilityPct ?? null,
    samples: perNode.reduce((sum, node) => sum + node.upMinutes + node.downMinutes, 0),
    enough,
    evidence: {
      minCoverage,
      worstNodeId: worst?.nodeId ?? null,
      nodes: perNode.map(({ enough: _e, beyondAllowance: _b, ...node }) => node),
    },
  });
}

export type ForkCheckInput = { runId: string; startedAt: Date; groupsChecked: number; forkedGroups: number };

/** Forked over checked groups in the window, as a percentage; must be 0 over at least the minimum groups. */
export function evaluateForkRate(
  spec: CriterionSpec,
  runs: readonly ForkCheckInput[],
  window: TimeWindow,
): Evaluation {
  const inside = runs.filter((run) => inWindow(run.startedAt, window));
  const checked = inside.reduce((sum, run) => sum + run.groupsChecked, 0);
  const forked = inside.reduce((sum, run) => sum + run.forkedGroups, 0);
  return verdict(spec, window, {
    measured: (forked / checked) * 100, // with nothing checked, 0 / 0 is NaN, which the verdict refuses
    samples: checked,
    // A fork is a failure however few groups were checked.
    enough: checked >= spec.minSamples || forked > 0,
    evidence: { runs: inside.length, groupsChecked: checked, forkedGroups: forked },
  });
}

export type IntegrationRunInput = {
  runId: string;
  sdk: string;
  suite: string;
  startedAt: Date;
  passed: number;
  failed: number;
};

/**
 * The last `params.lastRuns` (5) runs of each SDK suite must all pass entirely. With `params.sdks`,
 * only those SDKs are judged and each must have that many runs; without a list, every SDK seen counts. Measured: the
 * lowest pass rate (%) over those runs.
 */
export function evaluateIntegrationPass(
  spec: CriterionSpec,
  runs: readonly IntegrationRunInput[],
  window: TimeWindow,
): Evaluation {
  const lastRuns = Number(spec.params.lastRuns ?? 5);
  const required = Array.isArray(spec.params.sdks) ? (spec.params.sdks as string[]) : [];
  const inside = runs.filter(
    (run) => inWindow(run.startedAt, window) && (required.length === 0 || required.includes(run.sdk)),
  );
  const groups = new Map<string, IntegrationRunInput[]>();
  for (const run of [...inside].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())) {
    const key = `${run.sdk} · ${run.suite}`;
    const list = groups.get(key) ?? [];
    if (list.length < lastRuns) list.push(run);
    groups.set(key, list);
  }
  const suites = [...groups.entries()].map(([key, list]) => {
    const passed = list.reduce((sum, run) => sum + run.passed, 0);
    const failed = list.reduce((sum, run) => sum + run.failed, 0);
    return {
      suite: key,
      sdk: list[0]?.sdk ?? "",
      runs: list.length,
      runIds: list.map((run) => run.runId),
      passRatePct: passed + failed === 0 ? null : (passed / (passed + failed)) * 100,
      failingRuns: list.filter((run) => run.failed > 0).length,
    };
  });
  const missing = required.filter(
    (sdk) => !suites.some((suite) => suite.sdk === sdk && suite.runs >= lastRuns),
  );
  const rates = suites.map((suite) => suite.passRatePct).filter((rate): rate is number => rate !== null);
  const anyFailure = suites.some((suite) => suite.failingRuns > 0);
  const complete = missing.length === 0 && suites.every((suite) => suite.runs >= lastRuns); // none: no figure
  return verdict(spec, window, {
    measured: rates.length ? Math.min(...rates) : null,
    samples: suites.reduce((sum, suite) => sum + suite.runs, 0),
    enough: complete || anyFailure,
    evidence: { lastRuns, suites, missingSdks: missing },
  });
}
