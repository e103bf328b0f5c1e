import type { ReactNode } from "react";
import { CriterionStatusBadge } from "@/components/roadmap/criterion-status";
import type { ChartAnnotation } from "@/lib/charts/annotations";
import type { CriterionStatus } from "@/lib/roadmap/vocabulary";
import { AnnotationList } from "./annotation-list";

/**
 * A target's chart: a `<figure>` whose caption names the target, its verdict (or the network it is
 * judged on) and what the range holds; the chart, or why there is none; a table alternative and a
 * link to exactly its data as CSV.
 */
export function ChartFigure({
  id,
  title,
  verdict,
  summary,
  empty,
  chart,
  table,
  csvHref,
  annotations = [],
}: {
  id: string;
  title: string;
  /** The latest verdict where the page's network is the one judged, else the network judged; a note where no target is set. */
  verdict: { status: CriterionStatus | null } | { judgedOn: string } | { note: string };
  summary: ReactNode;
  /** Why nothing is drawn, or null when there is data. */
  empty: string | null;
  chart: ReactNode;
  table: ReactNode;
  csvHref: string;
  /** The incidents and maintenance windows the chart marks, said in words under it. */
  annotations?: readonly ChartAnnotation[];
}) {
  return (
    <figure
      className="rounded-lg border border-line bg-surface p-4 sm:p-5"
      aria-labelledby={id}
      data-testid={id}
    >
      <figcaption className="mb-2 flex flex-col gap-1">
        <span className="flex flex-wrap items-baseline justify-between gap-2">
          <span id={id} className="font-semibold">
            {title}
          </span>
          {"status" in verdict ? (
            <CriterionStatusBadge status={verdict.status} />
          ) : (
            <span className="text-ink-muted text-xs">
              {"judgedOn" in verdict ? `judged on ${verdict.judgedOn}` : verdict.note}
            </span>
          )}
        </span>
        <span className="text-ink-muted text-sm">{summary}</span>
      </figcaption>
      {empty ? (
        <p role="status" className="rounded border border-line border-dashed p-4 text-ink-muted text-sm">
          {empty}
        </p>
      ) : (
        chart
      )}
      <AnnotationList annotations={annotations} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        {table}
        <a href={csvHref} className="text-accent underline underline-offset-2" download>
          Download CSV
        </a>
      </div>
    </figure>
  );
}
