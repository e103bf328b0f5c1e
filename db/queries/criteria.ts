import { and, asc, desc, eq, gte } from "drizzle-orm";
import type { CriterionSpec } from "@/lib/roadmap/criteria";
import { countdown, type EvaluationPoint, stageReadiness, statusAt, timeline } from "@/lib/roadmap/readiness";
import type { CriterionStatus } from "@/lib/roadmap/vocabulary";
import type { Db } from "../client";
import { criteria, criterionEvaluations, milestones } from "../schema";
import { getCriteria, getStages } from "./roadmap";
import { networkHealthSummary } from "./uptime";

export async function criterionSpecs(db: Db, key?: string): Promise<CriterionSpec[]> {
  const rows = await db
    .select()
    .from(criteria)
    .where(key === undefined ? undefined : eq(criteria.key, key))
    .orderBy(asc(criteria.stageNumber), asc(criteria.position));
  return rows.map((row) => ({
    key: row.key,
    kind: row.kind,
    metric: row.metric,
    comparator: row.comparator,
    target: row.target,
    unit: row.unit,
    baseline: row.baseline,
    windowDays: row.windowDays,
    minSamples: row.minSamples,
    network: row.network,
    params: row.params,
  }));
}

/** A criterion's stored evaluations, newest first (each row is a change or an hourly heartbeat). */
export async function criterionHistory(
  db: Db,
  key: string,
  { since, limit = 500 }: { since?: Date; limit?: number } = {},
) {
  return db
    .select({
      evaluatedAt: criterionEvaluations.evaluatedAt,
      status: criterionEvaluations.status,
      measured: criterionEvaluations.measured,
      target: criterionEvaluations.target,
      unit: criterionEvaluations.unit,
      samples: criterionEvaluations.samples,
      windowStart: criterionEvaluations.windowStart,
      windowEnd: criterionEvaluations.windowEnd,
      evidence: criterionEvaluations.evidence,
    })
    .from(criterionEvaluations)
    .where(
      and(
        eq(criterionEvaluations.criterionKey, key),
        since ? gte(criterionEvaluations.evaluatedAt, since) : undefined,
      ),
    )
    .orderBy(desc(criterionEvaluations.evaluatedAt), desc(criterionEvaluations.id))
    .limit(limit);
}

/**
 * Each criterion's change points, oldest first: stored rows that changed its status or value (hourly
 * heartbeats left out through a partial index). A timeline, or the status at a moment, reads the same
 * from these as from the whole history.
 */
async function historiesByKey(db: Db): Promise<Map<string, EvaluationPoint[]>> {
  const rows = await db
    .select({
      key: criterionEvaluations.criterionKey,
      evaluatedAt: criterionEvaluations.evaluatedAt,
      status: criterionEvaluations.status,
      measured: criterionEvaluations.measured,
    })
    .from(criterionEvaluations)
    .where(eq(criterionEvaluations.changed, true))
    .orderBy(asc(criterionEvaluations.evaluatedAt), asc(criterionEvaluations.id));
  const map = new Map<string, EvaluationPoint[]>();
  for (const row of rows) {
    const history = map.get(row.key);
    if (history) history.push(row);
    else map.set(row.key, [row]);
  }
  return map;
}

/** Every criterion with its latest evaluation and its timeline (first passed, passing since, last changed). */
export async function criteriaWithTimeline(db: Db, histories?: Map<string, EvaluationPoint[]>) {
  const [rows, byKey] = await Promise.all([getCriteria(db), histories ?? historiesByKey(db)]);
  return rows.map((row) => ({ ...row, ...timeline(byKey.get(row.key) ?? []) }));
}

export type MissingItem =
  | { type: "criterion"; key: string; title: string; status: CriterionStatus | "not_evaluated" }
  | { type: "milestone"; key: string; title: string };

/**
 * Each stage: the team's declared status beside the computed one (every criterion passes → ready),
 * what is still missing (failing, insufficient or unevaluated criteria, open milestones) and, for a
 * stage with a countdown, how long is left and whether the previous stage's targets were all met
 * when it started.
 */
export async function stageReadinessDetails(db: Db, { now }: { now: Date }) {
  return (await roadmapState(db, now)).stages;
}

/** Criteria with their timelines and every stage's readiness, from one read of the history. */
async function roadmapState(db: Db, now: Date) {
  const histories = await historiesByKey(db);
  const [stageRows, criterionRows, milestoneRows] = await Promise.all([
    getStages(db),
    criteriaWithTimeline(db, histories),
    db
      .select({
        key: milestones.key,
        stageNumber: milestones.stageNumber,
        title: milestones.title,
        status: milestones.status,
      })
      .from(milestones)
      .orderBy(asc(milestones.stageNumber), asc(milestones.position)),
  ]);
  const stagesState = stageRows.map((stage) => {
    const own = criterionRows.filter((row) => row.stageNumber === stage.number);
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
      ...milestoneRows
        .filter((row) => row.stageNumber === stage.number && row.status === "open")
        .map((row) => ({ type: "milestone" as const, key: row.key, title: row.title })),
    ];
    const clock = countdown(stage.countdownStartedAt, stage.countdownDays, now);
    const previous = criterionRows.filter((row) => row.stageNumber === stage.number - 1);
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
  return { criterionRows, stages: stagesState };
}

/** The stage under way: the first one the team has not declared complete. */
export function currentStage<T extends { declaredStatus: string; number: number }>(
  stages: T[],
): T | undefined {
  return stages.find((stage) => stage.declaredStatus !== "complete") ?? stages[stages.length - 1];
}

/**
 * "Is the network ready for my migration?": every target judged on a network, met or not and
 * since when, and what is still open (targets and milestones of the stages judged there).
 */
export async function networkReadiness(db: Db, { network, now }: { network: string; now: Date }) {
  return readinessOf(network, now, await roadmapState(db, now));
}

function readinessOf(
  network: string,
  now: Date,
  { criterionRows, stages }: Awaited<ReturnType<typeof roadmapState>>,
) {
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

/** The one-glance summary of a network for the read API. */
export async function networkSummary(db: Db, { network, now }: { network: string; now: Date }) {
  const [state, health] = await Promise.all([
    roadmapState(db, now),
    networkHealthSummary(db, network, { now }),
  ]);
  const { stages } = state;
  const readiness = readinessOf(network, now, state);
  const stage = currentStage(stages);
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
