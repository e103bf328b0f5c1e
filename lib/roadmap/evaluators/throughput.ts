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

export type SustainedRules = { minNodes: number; minDurationS: number };

/** A sustained target's rules: the fewest nodes (3) and the shortest run (a day) that count. */
export const sustainedRules = (spec: Pick<CriterionSpec, "params">): SustainedRules => ({
  minNodes: Number(spec.params.minNodes ?? 3),
  minDurationS: Number(spec.params.minDurationS ?? 86_400),
});

/** Why a sustained run does not count, or null when it does. */
export function sustainedDisqualification(
  run: Pick<ThroughputRunInput, "nodes" | "durationS">,
  { minNodes, minDurationS }: SustainedRules,
): string | null {
  if (run.nodes === null || run.nodes < minNodes)
    return `ran on ${run.nodes ?? "an unstated number of"} nodes, needs ${minNodes}`;
  if (!run.durationS || run.durationS < minDurationS)
    return `ran ${run.durationS ?? 0} s, needs ${minDurationS} s`;
  return null;
}

/** A sustained run's messages a day: its messages over its duration, scaled to a day. */
export const sustainedPerDay = (run: Pick<ThroughputRunInput, "messages" | "durationS">) =>
  run.durationS ? (run.messages / run.durationS) * 86_400 : null;

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
  const { minNodes, minDurationS } = sustainedRules(spec);
  const inside = runs.filter((run) => run.kind === "sustained_daily" && inWindow(run.startedAt, window));
  const reasons: Record<string, string> = {};
  const qualifying = inside.filter((run) => {
    const reason = sustainedDisqualification(run, { minNodes, minDurationS });
    if (reason) reasons[run.runId] = reason;
    return !reason;
  });
  const rated = qualifying
    .map((run) => ({ run, perDay: sustainedPerDay(run) as number }))
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
