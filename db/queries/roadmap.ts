import { asc, desc, eq, sql } from "drizzle-orm";
import { stageReadiness } from "@/lib/roadmap/readiness";
import type { CriterionRow, Milestone, StageRow } from "@/lib/roadmap/rows";
import type { Db } from "../client";
import { criteria, criterionEvaluations, milestones, networks, stages } from "../schema";

export async function getStages(db: Db): Promise<StageRow[]> {
  const rows = await db
    .select({
      number: stages.number,
      key: stages.key,
      title: stages.title,
      summary: stages.summary,
      targetDate: stages.targetDate,
      network: stages.network,
      networkName: networks.name,
      declaredStatus: stages.declaredStatus,
      note: stages.note,
      countdownStartedAt: stages.countdownStartedAt,
      countdownDays: stages.countdownDays,
      milestonesDone: sql<number>`(select count(*) from ${milestones} m where m.stage_number = ${stages.number} and m.status = 'done')::int`,
      milestonesTotal: sql<number>`(select count(*) from ${milestones} m where m.stage_number = ${stages.number})::int`,
      criteriaTotal: sql<number>`(select count(*) from ${criteria} c where c.stage_number = ${stages.number})::int`,
    })
    .from(stages)
    .innerJoin(networks, eq(networks.key, stages.network))
    .orderBy(asc(stages.number));
  return rows;
}

/** Criteria with their latest evaluation (null until the evaluator has run). */
export async function getCriteria(
  db: Db,
  { stageNumber }: { stageNumber?: number } = {},
): Promise<CriterionRow[]> {
  // Per criterion, its newest evaluation through the (key, evaluated_at) index: no scan of the history.
  const latest = db
    .select({
      status: criterionEvaluations.status,
      measured: criterionEvaluations.measured,
      samples: criterionEvaluations.samples,
      evaluatedAt: criterionEvaluations.evaluatedAt,
    })
    .from(criterionEvaluations)
    .where(eq(criterionEvaluations.criterionKey, criteria.key))
    .orderBy(desc(criterionEvaluations.evaluatedAt), desc(criterionEvaluations.id))
    .limit(1)
    .as("latest");
  return db
    .select({
      key: criteria.key,
      stageNumber: criteria.stageNumber,
      category: criteria.category,
      kind: criteria.kind,
      title: criteria.title,
      comparator: criteria.comparator,
      target: criteria.target,
      unit: criteria.unit,
      baseline: criteria.baseline,
      baselineLabel: criteria.baselineLabel,
      windowDays: criteria.windowDays,
      minSamples: criteria.minSamples,
      version: criteria.version,
      network: criteria.network,
      status: latest.status,
      measured: latest.measured,
      samples: latest.samples,
      evaluatedAt: latest.evaluatedAt,
    })
    .from(criteria)
    .leftJoinLateral(latest, sql`true`)
    .where(stageNumber === undefined ? undefined : eq(criteria.stageNumber, stageNumber))
    .orderBy(asc(criteria.stageNumber), asc(criteria.position));
}

/** What a page or an evaluator says of a milestone. */
export const milestoneColumns = {
  key: milestones.key,
  title: milestones.title,
  status: milestones.status,
  evidenceUrl: milestones.evidenceUrl,
  note: milestones.note,
  doneAt: milestones.doneAt,
};

export async function getMilestones(db: Db, { stageNumber }: { stageNumber: number }): Promise<Milestone[]> {
  return db
    .select(milestoneColumns)
    .from(milestones)
    .where(eq(milestones.stageNumber, stageNumber))
    .orderBy(asc(milestones.position));
}

/** Stages with their computed readiness, and every criterion: what the overview shows. */
export async function getRoadmapOverview(db: Db) {
  const [stageRows, criterionRows] = await Promise.all([getStages(db), getCriteria(db)]);
  const stagesWithReadiness = stageRows.map((stage) => ({
    ...stage,
    readiness: stageReadiness(
      criterionRows.filter((c) => c.stageNumber === stage.number).map((c) => c.status),
    ),
  }));
  return { stages: stagesWithReadiness, criteria: criterionRows };
}

/** Every milestone of every stage, in stage order: what the team console edits. */
export async function getAllMilestones(db: Db): Promise<(Milestone & { stageNumber: number })[]> {
  return db
    .select({ ...milestoneColumns, stageNumber: milestones.stageNumber })
    .from(milestones)
    .orderBy(asc(milestones.stageNumber), asc(milestones.position));
}
