import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { CriterionSpec } from "@/lib/roadmap/criteria";
import {
  networkReadiness as readinessOf,
  networkSummary as summaryOf,
} from "@/lib/roadmap/network-readiness";
import { type EvaluationPoint, timeline } from "@/lib/roadmap/readiness";
import {
  type CriterionWithTimeline,
  currentStage,
  type RoadmapState,
  stageStates,
} from "@/lib/roadmap/stage-state";
import type { Db } from "../client";
import { criteria, criterionEvaluations, criterionVersions, milestones } from "../schema";
import { getCriteria, getStages } from "./roadmap";
import { networkHealthSummary } from "./uptime";

/** Every criterion's rule as the evaluator reads it, with the version of that rule. */
export async function criterionSpecs(db: Db, key?: string): Promise<(CriterionSpec & { version: number })[]> {
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
    version: row.version,
  }));
}

/** Each version of a criterion's rule, oldest first. */
export async function criterionRules(db: Db, key: string) {
  return db
    .select({
      version: criterionVersions.version,
      comparator: criterionVersions.comparator,
      target: criterionVersions.target,
      windowDays: criterionVersions.windowDays,
      minSamples: criterionVersions.minSamples,
      validFrom: criterionVersions.validFrom,
      setBy: criterionVersions.setBy,
    })
    .from(criterionVersions)
    .where(eq(criterionVersions.criterionKey, key))
    .orderBy(asc(criterionVersions.version));
}

/** The evidence of each given criterion's latest evaluation: what a page reads to say what is missing. */
export async function latestEvidence(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([criterionEvaluations.criterionKey], {
      key: criterionEvaluations.criterionKey,
      evidence: criterionEvaluations.evidence,
    })
    .from(criterionEvaluations)
    .where(inArray(criterionEvaluations.criterionKey, [...keys]))
    .orderBy(
      criterionEvaluations.criterionKey,
      desc(criterionEvaluations.evaluatedAt),
      desc(criterionEvaluations.id),
    );
  return new Map(rows.map((row) => [row.key, (row.evidence ?? {}) as Record<string, unknown>]));
}

/** A criterion's last evaluation of each UTC hour or day starting in [from, to), oldest first. */
export async function criterionBuckets(
  db: Db,
  key: string,
  { from, to, bucket }: { from: Date; to: Date; bucket: "hour" | "day" },
) {
  // A literal, not a parameter: DISTINCT ON and ORDER BY must be the same expression.
  const unit = sql.raw(bucket === "hour" ? "'hour'" : "'day'");
  const start = sql<string>`date_trunc(${unit}, ${criterionEvaluations.evaluatedAt} at time zone 'UTC')`;
  const rows = await db
    .selectDistinctOn([start], {
      start,
      evaluatedAt: criterionEvaluations.evaluatedAt,
      status: criterionEvaluations.status,
      measured: criterionEvaluations.measured,
      samples: criterionEvaluations.samples,
    })
    .from(criterionEvaluations)
    .where(
      and(
        eq(criterionEvaluations.criterionKey, key),
        gte(criterionEvaluations.evaluatedAt, from),
        lt(criterionEvaluations.evaluatedAt, to),
      ),
    )
    .orderBy(start, desc(criterionEvaluations.evaluatedAt), desc(criterionEvaluations.id));
  return rows.map(({ start: _start, ...row }) => row);
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
export async function criteriaWithTimeline(
  db: Db,
  histories?: Map<string, EvaluationPoint[]>,
): Promise<CriterionWithTimeline[]> {
  const [rows, byKey] = await Promise.all([getCriteria(db), histories ?? historiesByKey(db)]);
  return rows.map((row) => ({ ...row, ...timeline(byKey.get(row.key) ?? []) }));
}

/** Each stage's declared and computed status, what is missing and its countdown (`stageStates`). */
export async function stageReadinessDetails(db: Db, { now }: { now: Date }) {
  return (await roadmapState(db, now)).stages;
}

/** Criteria with their timelines and every stage's state, from one read of the history. */
async function roadmapState(db: Db, now: Date): Promise<RoadmapState> {
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
  const stages = stageStates({
    stages: stageRows,
    criteria: criterionRows,
    milestones: milestoneRows,
    histories,
    now,
  });
  return { criterionRows, stages };
}

/** Every target judged on a network and what is still open (`networkReadiness` in lib/roadmap). */
export async function networkReadiness(db: Db, { network, now }: { network: string; now: Date }) {
  return readinessOf(network, now, await roadmapState(db, now));
}

/** The one-glance summary of a network for the read API. */
export async function networkSummary(db: Db, { network, now }: { network: string; now: Date }) {
  const [state, health] = await Promise.all([
    roadmapState(db, now),
    networkHealthSummary(db, network, { now }),
  ]);
  return summaryOf(network, now, state, health);
}

/** What a partner's readiness needs of the roadmap: each network's readiness and the migration countdown, if it runs. */
export async function migrationContext(db: Db, { networks, now }: { networks: string[]; now: Date }) {
  const state = await roadmapState(db, now);
  const stage = state.stages.find((candidate) => candidate.countdown !== null);
  return {
    readiness: new Map(networks.map((network) => [network, readinessOf(network, now, state)])),
    /** Each network's stage under way: the first judged there that the team has not declared complete. */
    stageUnderWay: new Map(
      networks.map((network) => {
        const under = currentStage(state.stages.filter((candidate) => candidate.network === network));
        return [
          network,
          under ? { number: under.number, title: under.title, milestones: under.milestones.total } : null,
        ];
      }),
    ),
    countdown: stage?.countdown ? { stage: stage.number, title: stage.title, ...stage.countdown } : null,
  };
}
