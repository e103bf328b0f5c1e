import type { Db } from "@/db/client";
import { latestEvidence } from "@/db/queries/criteria";
import type { CriterionRow } from "@/lib/roadmap/rows";
import { missingDetail, missingText } from "@/lib/roadmap/status-words";

/**
 * For each target not met, what keeps it from passing: `text` in full ("not enough data: 43 of 100
 * samples in the last 7 days"), `detail`, for a target lacking data, to sit beside its status badge. Evidence is read only where needed.
 */
export async function criterionNotes(
  db: Db,
  criteria: readonly CriterionRow[],
): Promise<{ text: Record<string, string>; detail: Record<string, string> }> {
  const open = criteria.filter((criterion) => criterion.status !== "pass");
  const evidence = await latestEvidence(
    db,
    open.filter((criterion) => criterion.status === "insufficient_data").map((criterion) => criterion.key),
  );
  const text: Record<string, string> = {};
  const detail: Record<string, string> = {};
  for (const criterion of open) {
    text[criterion.key] = missingText(criterion, evidence.get(criterion.key));
    // Beside a badge, only what the table's own columns do not already say: why data is lacking.
    const words = missingDetail(criterion, evidence.get(criterion.key));
    if (words && criterion.status === "insufficient_data") detail[criterion.key] = words;
  }
  return { text, detail };
}
