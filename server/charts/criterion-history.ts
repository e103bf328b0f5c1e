import type { Db } from "@/db/client";
import { criteriaWithTimeline, criterionBuckets, criterionRules } from "@/db/queries/criteria";
import type { TimeRange } from "@/lib/charts/range";
import { criterionWindow, evidencePath } from "@/lib/roadmap/criteria";
import { type CriterionHistoryView, historyPoints } from "@/lib/roadmap/history-view";

/** One target's verdicts over a range from the stored evaluations, with when it first passed. Null: no such target. */
export async function criterionHistoryView(
  db: Db,
  { key, range, now }: { key: string; range: TimeRange; now: Date },
): Promise<CriterionHistoryView | null> {
  const [rows, buckets, rules] = await Promise.all([
    criteriaWithTimeline(db),
    criterionBuckets(db, key, { from: range.from, to: range.to, bucket: range.bucket }),
    criterionRules(db, key),
  ]);
  const row = rows.find((one) => one.key === key);
  if (!row) return null;
  return {
    key: row.key,
    stageNumber: row.stageNumber,
    title: row.title,
    comparator: row.comparator,
    target: row.target,
    unit: row.unit,
    baseline: row.baseline,
    baselineLabel: row.baselineLabel,
    judgedOn: row.network,
    windowDays: row.windowDays,
    status: row.status,
    measured: row.measured,
    firstPassedAt: row.firstPassedAt?.toISOString() ?? null,
    passingSince: row.passingSince?.toISOString() ?? null,
    evidenceUrl: evidencePath(row.key, criterionWindow(row, row.evaluatedAt ?? now)),
    asOf: now.toISOString(),
    range: {
      preset: range.preset,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bucket: range.bucket,
    },
    points: historyPoints(buckets, range),
    rules: rules.map((rule) => ({ ...rule, validFrom: rule.validFrom.toISOString() })),
  };
}
