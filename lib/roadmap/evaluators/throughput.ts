import type { TimeWindow } from "@/lib/time";
import { type CriterionSpec, type Evaluation, inWindow, verdict } from "../criteria";

export type ThroughputRunInput = {
  runId: string;
  kind: string;
  startedAt: Date;
  nodes: number | null;
  durationS: number | null;
  messages: number;
  peakRps: number | null;
};

/** A burst's rate: the load tester's peak step rate when it gave one, else messages over duration. */
export function burstRate(run: ThroughputRunInput): number | null {
  return run.peakRps ?? (run.durationS ? run.messages / run.durationS : null);
}

/** The best burst run of the criterion's kind (off-chain or on-chain) in the window. */
export function evaluateBurst(
  spec: CriterionSpec,
  runs: readonly ThroughputRunInput[],
  window: TimeWindow,
): Evaluation {
  const inside = runs.filter((run) => run.kind === spec.metric && inWindow(run.startedAt, window));
  const rated = inside
    .map((run) => ({ run, rate: burstRate(run) }))
    .filter((entry): entry is { run: ThroughputRunInput; rate: number } => entry.rate !== null)
    .sort((a, b) => b.rate - a.rate);
  const best = rated[0];
  return verdict(spec, window, {
    measured: best ? Math.round(best.rate * 100) / 100 : null,
    samples: rated.length,
    enough: rated.length >= Math.max(1, spec.minSamples),
    evidence: { kind: spec.metric, runs: inside.length, bestRunId: best?.run.runId ?? null },
  });
}

/**
 * Sustained daily throughput: messages a day of the best qualifying run in the window. A run
 * qualifies when it ran on at least `params.minNodes` nodes (3) for at least `params.minDurationS`
 * (a day): a short burst scaled up to a day is not "sustained".
 */
export function evaluateSustained(
  spec: CriterionSpec,
  runs: readonly ThroughputRunInput[],
  window: TimeWindow,
): Evaluation {
  const minNodes = Number(spec.params.minNodes ?? 3);
  const minDurationS = Number(spec.params.minDurationS ?? 86_400);
  const inside = runs.filter((run) => run.kind === "sustained_daily" && inWindow(run.startedAt, window));
  const reasons: Record<string, string> = {};
  const qualifying = inside.filter((run) => {
    if (run.nodes === null || run.nodes < minNodes)
      reasons[run.runId] = `ran on ${run.nodes ?? "an unstated number of"} nodes, needs ${minNodes}`;
    else if (!run.durationS || run.durationS < minDurationS)
      reasons[run.runId] = `ran ${run.durationS ?? 0} s, needs ${minDurationS} s`;
    return !reasons[run.runId];
  });
  const rated = qualifying
    .map((run) => ({ run, perDay: (run.messages / (run.durationS as number)) * 86_400 }))
    .sort((a, b) => b.perDay - a.perDay);
  const best = rated[0];
  return verdict(spec, window, {
    measured: best ? Math.round(best.perDay) : null,
    samples: qualifying.length,
    enough: qualifying.length >= Math.max(1, spec.minSamples),
    evidence: {
      runs: inside.length,
      qualifying: qualifying.length,
      bestRunId: best?.run.runId ?? null,
      bestNodes: best?.run.nodes ?? null,
      minNodes,
      minDurationS,
      disqualified: reasons,
    },
  });
}
