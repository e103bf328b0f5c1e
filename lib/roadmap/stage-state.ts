import { countdown, type EvaluationPoint, stageReadiness, statusAt, type timeline } from "./readiness";
import type { CriterionRow, StageMilestone, StageRow } from "./rows";
import type { CriterionStatus } from "./vocabulary";

/** A criterion's latest evaluation with its timeline (first passed, passing since, last changed). */
export type CriterionWithTimeline = CriterionRow & ReturnType<typeof timeline>;

export type MissingItem =
  | { type: "criterion"; key: string; title: string; status: CriterionStatus | "not_evaluated" }
  | { type: "milestone"; key: string; title: string };

/**
 * Each stage: the team's declared status beside the computed one (every criterion passes → ready),
 * what is still missing (failing, insufficient or unevaluated criteria, open milestones) and, for a
 * stage with a countdown, how long is left and whether the previous stage's targets were all met
 * when it started (from each criterion's change points in `histories`).
 */
export function stageStates({
  stages,
  criteria,
  milestones,
  histories,
  now,
}: {
  stages: readonly StageRow[];
  criteria: readonly CriterionWithTimeline[];
  milestones: readonly StageMilestone[];
  histories: ReadonlyMap<string, readonly EvaluationPoint[]>;
  now: Date;
}) {
  return stages.map((stage) => {
    const own = criteria.filter((row) => row.stageNumber === stage.number);
    const readiness = stageReadiness(own.map((row) => row.status));
    const missing: MissingItem[] = [
      ...own
        .filter((row) => row.status !== "pass")
        .map((row) => ({
          type: "criterion" as const,
          key: row.key,
          title: row.title,
          status: row.status ?? ("not_evaluated" as const),
        })),
      ...milestones
        .filter((row) => row.stageNumber === stage.number && row.status === "open")
        .map((row) => ({ type: "milestone" as const, key: row.key, title: row.title })),
    ];
    const clock = countdown(stage.countdownStartedAt, stage.countdownDays, now);
    const previous = criteria.filter((row) => row.stageNumber === stage.number - 1);
    const previousMetAtStart = clock
      ? previous.length > 0 &&
        previous.every((row) => statusAt(histories.get(row.key) ?? [], clock.startedAt) === "pass")
      : null;
    return {
      number: stage.number,
      key: stage.key,
      title: stage.title,
      network: stage.network,
      targetDate: stage.targetDate,
      declaredStatus: stage.declaredStatus,
      computedStatus:
        readiness.ready === null
          ? ("not_evaluated" as const)
          : readiness.ready
            ? ("ready" as const)
            : ("not_ready" as const),
      readiness,
      milestones: { done: stage.milestonesDone, total: stage.milestonesTotal },
      missing,
      countdown: clock ? { ...clock, previousStageMetAtStart: previousMetAtStart } : null,
    };
  });
}

export type StageState = ReturnType<typeof stageStates>[number];

/** Criteria with their timelines and every stage's state: what readiness and summaries read. */
export type RoadmapState = { criterionRows: CriterionWithTimeline[]; stages: StageState[] };

/** The stage under way: the first one the team has not declared complete. */
export function currentStage<T extends { declaredStatus: string; number: number }>(
  stages: T[],
): T | undefined {
  return stages.find((stage) => stage.declaredStatus !== "complete") ?? stages[stages.length - 1];
}
