export type CriterionStatus = "pass" | "fail" | "insufficient_data";

export type StageReadiness = {
  total: number;
  passed: number;
  failed: number;
  insufficient: number;
  unevaluated: number;
  /** true when every criterion passes; false when one fails or lacks data; null before any evaluation or with no criteria. */
  ready: boolean | null;
};

/** Computed readiness of a stage from the latest status of each of its criteria (null: never evaluated). */
export function stageReadiness(statuses: (CriterionStatus | null)[]): StageReadiness {
  const count = (status: CriterionStatus | null) => statuses.filter((s) => s === status).length;
  const summary = {
    total: statuses.length,
    passed: count("pass"),
    failed: count("fail"),
    insufficient: count("insufficient_data"),
    unevaluated: count(null),
  };
  // A stage with nothing measurable (only milestones) is not "ready" on its criteria alone.
  const ready = summary.unevaluated === summary.total ? null : summary.passed === summary.total;
  return { ...summary, ready };
}
