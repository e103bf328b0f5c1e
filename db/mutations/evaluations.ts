import { desc, eq } from "drizzle-orm";
import type { Evaluation } from "@/lib/roadmap/criteria";
import type { Db } from "../client";
import { criterionEvaluations } from "../schema";

const HEARTBEAT_MS = 3_600_000;

/** Two measured values are the same when they agree to 6 significant digits (floating noise aside). */
export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= Math.abs(a) * 1e-6;
}

/**
 * Stores an evaluation only when its status or measured value changed since the last stored one,
 * or an hour has passed: history stays small and still shows when each criterion first passed and
 * last changed. Returns whether a row was written.
 */
export async function storeEvaluation(
  db: Db,
  {
    criterionKey,
    network,
    evaluation,
    at,
  }: { criterionKey: string; network: string; evaluation: Evaluation; at: Date },
): Promise<boolean> {
  const [last] = await db
    .select({
      status: criterionEvaluations.status,
      measured: criterionEvaluations.measured,
      evaluatedAt: criterionEvaluations.evaluatedAt,
    })
    .from(criterionEvaluations)
    .where(eq(criterionEvaluations.criterionKey, criterionKey))
    .orderBy(desc(criterionEvaluations.evaluatedAt), desc(criterionEvaluations.id))
    .limit(1);
  const same = !!last && last.status === evaluation.status && sameValue(last.measured, evaluation.measured);
  if (same && at.getTime() - last.evaluatedAt.getTime() < HEARTBEAT_MS) return false;
  await db.insert(criterionEvaluations).values({
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
    changed: !same,
  });
  return true;
}
