import type { NetworkHealth } from "../uptime/current-state";
import { currentStage, type RoadmapState } from "./stage-state";

/**
 * "Is the network ready for my migration?": every target judged on a network, met or not and
 * since when, and what is still open (targets and milestones of the stages judged there).
 */
export function networkReadiness(network: string, now: Date, { criterionRows, stages }: RoadmapState) {
  const targets = criterionRows
    .filter((row) => row.network === network)
    .map((row) => ({
      key: row.key,
      stage: row.stageNumber,
      title: row.title,
      met: row.status === "pass",
      status: row.status ?? "not_evaluated",
      measured: row.measured,
      comparator: row.comparator,
      target: row.target,
      unit: row.unit,
      metSince: row.passingSince,
      evaluatedAt: row.evaluatedAt,
    }));
  const openMilestones = stages
    .filter((stage) => stage.network === network)
    .flatMap((stage) =>
      stage.missing
        .filter((item) => item.type === "milestone")
        .map((item) => ({ ...item, stage: stage.number })),
    );
  return {
    network,
    asOf: now,
    ready: targets.length > 0 && targets.every((target) => target.met),
    targetsMet: targets.filter((target) => target.met).length,
    targetsTotal: targets.length,
    targets,
    stillOpen: [
      ...targets
        .filter((target) => !target.met)
        .map((target) => ({
          type: "criterion" as const,
          key: target.key,
          title: target.title,
          status: target.status,
          stage: target.stage,
        })),
      ...openMilestones,
    ],
  };
}

/** The one-glance summary of a network for the read API: its stage, readiness and nodes now. */
export function networkSummary(network: string, now: Date, state: RoadmapState, health: NetworkHealth) {
  const readiness = networkReadiness(network, now, state);
  const stage = currentStage(state.stages);
  return {
    network,
    asOf: now.toISOString(),
    currentStage: stage
      ? {
          number: stage.number,
          title: stage.title,
          network: stage.network,
          declaredStatus: stage.declaredStatus,
          computedStatus: stage.computedStatus,
          missing: stage.missing.length,
        }
      : null,
    readiness: {
      ready: readiness.ready,
      targetsMet: readiness.targetsMet,
      targetsTotal: readiness.targetsTotal,
    },
    nodes: {
      up: health.canonicalUp,
      total: health.canonicalTotal,
      unknown: health.canonicalUnknown,
      status: health.status,
    },
    criteria: { passed: readiness.targetsMet, total: readiness.targetsTotal },
  };
}
