"use client";

import dynamic from "next/dynamic";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartLoading } from "@/components/charts/chart-loading";
import { TableDetails } from "@/components/charts/table-details";
import { formatTarget, formatValue } from "@/lib/format";
import type { CriterionHistoryView } from "@/lib/roadmap/history-view";

const HistoryChart = dynamic(() => import("@/components/charts/history-chart").then((m) => m.HistoryChart), {
  ssr: false,
  loading: () => <ChartLoading height="h-64" />,
});

const WORDS = { pass: "met", fail: "not met", insufficient_data: "not enough data" } as const;

/** A target's measured value over the range against its target, with the day it first passed. */
export function HistoryFigure({ view, search }: { view: CriterionHistoryView; search: string }) {
  const size = view.range.bucket === "hour" ? 3_600_000 : 86_400_000;
  const firstPassedBucket =
    view.firstPassedAt && view.firstPassedAt >= view.range.from
      ? new Date(Math.floor(Date.parse(view.firstPassedAt) / size) * size).toISOString()
      : null;
  const evaluated = view.points.filter((point) => point.status !== null);
  const target = `target ${formatTarget(view.comparator, view.target, view.unit)}`;
  return (
    <ChartFigure
      id="criterion-history"
      title={`${view.title}: the verdict over time`}
      verdict={{ status: view.status }}
      summary={
        <>
          The measured value at the last evaluation of each UTC {view.range.bucket} (
          {view.windowDays === 1 ? "measured now" : `each over its ${view.windowDays}-day window`}) on{" "}
          {view.judgedOn}, against {target.slice(7)}.{" "}
          {view.firstPassedAt
            ? `First passed ${view.firstPassedAt.slice(0, 10)}${view.passingSince ? `; passing since ${view.passingSince.slice(0, 10)}` : "; not passing now"}.`
            : "It has not passed yet."}
        </>
      }
      empty={evaluated.length === 0 ? "No evaluation stored in this range: nothing to draw." : null}
      chart={
        <HistoryChart
          points={view.points}
          bucket={view.range.bucket}
          unit={view.unit}
          target={view.target}
          targetLabel={target}
          baseline={view.baseline}
          baselineLabel={view.baselineLabel}
          firstPassed={firstPassedBucket}
        />
      }
      table={
        <TableDetails label={`Per ${view.range.bucket}`} count={evaluated.length} open={false}>
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">The verdict at the end of each UTC {view.range.bucket}</caption>
            <thead>
              <tr className="text-ink-muted">
                <th scope="col" className="py-1 pr-3 font-medium">
                  UTC {view.range.bucket}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Measured
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  n
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Verdict
                </th>
              </tr>
            </thead>
            <tbody>
              {[...evaluated].reverse().map((point) => (
                <tr key={point.start} className="border-line border-t">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {view.range.bucket === "hour"
                      ? point.start.slice(0, 16).replace("T", " ")
                      : point.start.slice(0, 10)}
                  </th>
                  <td className="py-1 pr-3 text-right">
                    {point.measured === null ? "—" : formatValue(point.measured, view.unit)}
                  </td>
                  <td className="py-1 pr-3 text-right">{point.samples ?? "—"}</td>
                  <td className="py-1 pr-3">{point.status ? WORDS[point.status] : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableDetails>
      }
      csvHref={`/api/v1/criteria/${encodeURIComponent(view.key)}/history?${search}${search ? "&" : ""}format=csv`}
    />
  );
}
