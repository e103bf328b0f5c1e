import { and, desc, eq, sql } from "drizzle-orm";
import { type Evaluation, sameValue } from "@/lib/roadmap/criteria";
import type { Db } from "../client";
import { criterionEvaluations } from "../schema";

const HEARTBEAT_MS = 3_600_000;

/**
 * Stores an evaluation only when its status or measured value changed since the last change stored,
 * or the rule it was judged by (its version) changed, or an hour has passed since the last row (a heartbeat, flagged `changed: false`): history stays
 * small and still shows when each criterion first passed and last changed. Runs of the evaluator
 * that overlap (the worker and `npm run evaluate`) take turns per criterion, and an evaluation older
 * than one already stored is dropped, so the change points stay in time order. Returns whether a
 * row was written.
 */
export async function storeEvaluation(
  db: Db,
  {
    criterionKey,
    network,
    version,
    evaluation,
    at,
  }: { criterionKey: string; network: string; version: number; evaluation: Evaluation; at: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evaluation:${criterionKey}`}))`);
    const newest = (changedOnly: boolean) =>
      tx
        .select({
          status: criterionEvaluations.status,
          measured: criterionEvaluations.measured,
          version: criterionEvaluations.criterionVersion,
          evaluatedAt: criterionEvaluations.evaluatedAt,
        })
        .from(criterionEvaluations)
        .where(
          and(
            eq(criterionEvaluations.criterionKey, criterionKey),
            changedOnly ? eq(criterionEvaluations.changed, true) : undefined,
          ),
        )
        .orderBy(desc(criterionEvaluations.evaluatedAt), desc(criterionEvaluations.id))
        .limit(1);
    const [[last], [lastChange]] = await Promise.all([newest(false), newest(true)]);
    if (last && last.evaluatedAt.getTime() > at.getTime()) return false;
    const same =
      !!lastChange &&
      lastChange.status === evaluation.status &&
      lastChange.version === version &&
      sameValue(lastChange.measured, evaluation.measured);
    if (same && last && at.getTime() - last.evaluatedAt.getTime() < HEARTBEAT_MS) return false;
    await tx.insert(criterionEvaluations).values({
      criterionKey,
      network,
      evaluatedAt: at,
      status: evaluation.status,
      measured: evaluation.measured,
      target: evaluation.target,
      baseline: evaluation.baseline,
      unit: evaluation.unit,
      windowStart: evaluation.window.from,
      windowEnd: evaluation.window.to,
      samples: evaluation.samples,
      evidence: evaluation.evidence,
      criterionVersion: version,
      changed: !same,
    });
    return true;
  });
}
