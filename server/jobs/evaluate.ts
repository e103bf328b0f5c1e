import type { Db } from "@/db/client";
import { storeEvaluation } from "@/db/mutations/evaluations";
import { withJobRun } from "@/db/mutations/job-runs";
import { criterionSpecs } from "@/db/queries/criteria";
import { loadCriterionInput } from "@/db/queries/criteria-inputs";
import { safeErrorMessage } from "@/lib/errors";
import type { JobTrigger } from "@/lib/job-runs";
import { type CriterionSpec, criterionWindow, evidencePath } from "@/lib/roadmap/criteria";
import { evaluateCriterion } from "@/lib/roadmap/evaluate";

/**
 * Evaluates every criterion now (or those `only` picks) and stores what changed. One criterion failing to load never
 * stops the others; the run records how many failed.
 */
export async function evaluateAll(
  db: Db,
  {
    now = new Date(),
    log = () => {},
    only,
  }: { now?: Date; log?: (line: string) => void; only?: (spec: CriterionSpec) => boolean } = {},
) {
  const specs = (await criterionSpecs(db)).filter((spec) => only?.(spec) ?? true);
  const summary = { criteria: specs.length, pass: 0, fail: 0, insufficient_data: 0, stored: 0, errors: 0 };
  for (const spec of specs) {
    try {
      const window = criterionWindow(spec, now);
      const input = await loadCriterionInput(db, spec, window, now);
      const evaluation = evaluateCriterion(spec, input, now, window);
      evaluation.evidence = { ...evaluation.evidence, url: evidencePath(spec.key, window) };
      summary[evaluation.status] += 1;
      if (
        await storeEvaluation(db, {
          criterionKey: spec.key,
          network: spec.network,
          version: spec.version,
          evaluation,
          at: now,
        })
      )
        summary.stored += 1;
      log(
        `${spec.key}: ${evaluation.status}${evaluation.measured === null ? "" : ` (${evaluation.measured} ${evaluation.unit})`}`,
      );
    } catch (error) {
      summary.errors += 1;
      log(`${spec.key}: could not be evaluated: ${safeErrorMessage(error)}`);
    }
  }
  return summary;
}

export function runEvaluationJob(
  db: Db,
  { trigger, now, log }: { trigger: JobTrigger; now?: Date; log?: (line: string) => void },
) {
  return withJobRun(db, { job: "evaluate", trigger }, () => evaluateAll(db, { now, log }));
}
