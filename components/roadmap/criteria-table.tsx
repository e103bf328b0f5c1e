import Link from "next/link";
import { formatTarget, formatValue } from "@/lib/format";
import { criterionWindow, evidencePath } from "@/lib/roadmap/criteria";
import type { CriterionRow } from "@/lib/roadmap/rows";
import { CriterionStatusBadge } from "./criterion-status";

// Fixed order, whatever order the criteria arrive in.
const CATEGORY_TITLES = {
  latency: "Latency (p95 of single operations)",
  throughput: "Throughput",
  reliability: "Reliability",
  decentralization: "Decentralization",
} as const;

const HEAD = "py-2 pr-3 font-medium";

/**
 * Criteria grouped by category: target, V3 baseline, latest measurement and status. A table from
 * 640 px up; below that each row folds into a two-line block so nothing scrolls sideways.
 */
export function CriteriaTable({
  criteria,
  caption,
  notes = {},
}: {
  criteria: CriterionRow[];
  caption: string;
  /** What keeps each open target from passing, in words ("43 of 100 samples in the last 7 days"). */
  notes?: Record<string, string>;
}) {
  const present = new Set(criteria.map((criterion) => criterion.category));
  const categories = (Object.keys(CATEGORY_TITLES) as (keyof typeof CATEGORY_TITLES)[]).filter((c) =>
    present.has(c),
  );
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden sm:table-header-group">
        <tr className="border-line border-b text-left text-ink-muted text-xs uppercase tracking-wide">
          <th scope="col" className={HEAD}>
            Criterion
          </th>
          <th scope="col" className={HEAD}>
            Target
          </th>
          <th scope="col" className={HEAD}>
            V3 today
          </th>
          <th scope="col" className={HEAD}>
            Measured
          </th>
          <th scope="col" className="py-2 font-medium">
            Status
          </th>
        </tr>
      </thead>
      {categories.map((category) => (
        <tbody key={category} className="block sm:table-row-group">
          <tr className="block sm:table-row">
            <th
              scope="rowgroup"
              colSpan={5}
              className="block pt-4 pb-1 text-left font-semibold text-xs sm:table-cell"
            >
              {CATEGORY_TITLES[category]}
            </th>
          </tr>
          {criteria
            .filter((criterion) => criterion.category === category)
            .map((criterion) => (
              <tr
                key={criterion.key}
                data-testid={`criterion-${criterion.key}`}
                className="grid grid-cols-[1fr_auto] gap-x-3 border-line border-t py-2 sm:table-row sm:py-0"
              >
                <th scope="row" className="col-span-2 text-left font-normal sm:py-2 sm:pr-3">
                  <Link
                    href={`/targets/${encodeURIComponent(criterion.key)}`}
                    className="underline decoration-line underline-offset-2 hover:text-accent"
                    title="Its verdict over time"
                  >
                    {criterion.title}
                  </Link>
                  <span className="block text-ink-muted text-xs">
                    {criterion.network} ·{" "}
                    {criterion.windowDays === 1 ? "now" : `${criterion.windowDays}-day window`}
                  </span>
                </th>
                <td className="pt-1 font-mono text-xs sm:whitespace-nowrap sm:py-2 sm:pr-3">
                  <span className="font-sans text-ink-muted sm:hidden">Target </span>
                  {formatTarget(criterion.comparator, criterion.target, criterion.unit)}
                  {criterion.baseline === null ? null : (
                    <span className="whitespace-nowrap font-sans text-ink-muted sm:hidden">
                      {" "}
                      · V3 ~{formatValue(criterion.baseline, criterion.unit)}
                    </span>
                  )}
                </td>
                <td className="hidden whitespace-nowrap py-2 pr-3 text-ink-muted text-xs sm:table-cell">
                  {criterion.baseline === null ? "—" : `~${formatValue(criterion.baseline, criterion.unit)}`}
                </td>
                <td className="col-start-1 font-mono text-xs sm:whitespace-nowrap sm:py-2 sm:pr-3">
                  <span className="font-sans text-ink-muted sm:hidden">Measured </span>
                  {criterion.measured === null ? (
                    <span className="text-ink-muted">—</span>
                  ) : (
                    <a
                      href={evidencePath(
                        criterion.key,
                        criterionWindow(criterion, criterion.evaluatedAt ?? new Date()),
                      )}
                      className="underline decoration-dotted underline-offset-2 hover:text-accent"
                      title="The data behind this figure, to recompute it"
                    >
                      {formatValue(criterion.measured, criterion.unit)}
                      <span className="text-ink-muted"> · n = {criterion.samples}</span>
                    </a>
                  )}
                </td>
                <td className="col-start-2 row-span-2 row-start-2 self-center sm:py-2">
                  <CriterionStatusBadge status={criterion.status} />
                  {notes[criterion.key] && criterion.status !== null ? (
                    <span className="mt-1 block max-w-48 text-ink-muted text-xs" data-testid="missing-note">
                      {notes[criterion.key]}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
        </tbody>
      ))}
    </table>
  );
}
