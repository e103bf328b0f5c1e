"use client";

import dynamic from "next/dynamic";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartLoading } from "@/components/charts/chart-loading";
import { formatCount, formatTarget, plural } from "@/lib/format";
import type { ReliabilityView } from "@/lib/reliability/view";
import { csvHref, TableDetails, td, tdRight, th, thRight, verdictOf } from "./shared";

const ForkChart = dynamic(() => import("@/components/charts/fork-chart").then((m) => m.ForkChart), {
  ssr: false,
  loading: () => <ChartLoading height="h-48" />,
});

export function ForkFigure({ view, search }: { view: ReliabilityView; search: string }) {
  const { criterion, days } = view.forks;
  const checkedDays = days.filter((day) => day.forkRatePct !== null);
  const checked = checkedDays.reduce((sum, day) => sum + day.groupsChecked, 0);
  const forked = checkedDays.reduce((sum, day) => sum + day.forkedGroups, 0);
  const target = `target ${formatTarget(criterion?.comparator ?? "eq", criterion?.target ?? 0, "%")}`;
  return (
    <ChartFigure
      id="reliability-forks"
      title={criterion?.title ?? "Group fork rate"}
      verdict={verdictOf(criterion, view.network)}
      summary={
        <>
          Forked groups over groups checked by the QA fork suite, per UTC day, against {target.slice(7)}
          {criterion ? ` over the last ${criterion.windowDays} days` : ""}. In the range:{" "}
          {checked > 0
            ? `${formatCount(forked)} forked of ${formatCount(checked)} groups (${Math.round((forked / checked) * 1e6) / 1e4}%) on ${plural(checkedDays.length, "day")} with checks.`
            : "no fork checks."}
        </>
      }
      empty={checkedDays.length === 0 ? "No fork checks pushed in this range: nothing to draw." : null}
      chart={<ForkChart days={days} targetLabel={target} />}
      table={
        <TableDetails label="Days with checks" count={checkedDays.length} open={false}>
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">Fork checks per UTC day</caption>
            <thead>
              <tr className="text-ink-muted">
                <th scope="col" className={th}>
                  Day (UTC)
                </th>
                <th scope="col" className={thRight}>
                  Runs
                </th>
                <th scope="col" className={thRight}>
                  Groups checked
                </th>
                <th scope="col" className={thRight}>
                  Forked
                </th>
                <th scope="col" className={thRight}>
                  Fork rate
                </th>
              </tr>
            </thead>
            <tbody>
              {checkedDays.map((day) => (
                <tr key={day.day} className="border-line border-t">
                  <th scope="row" className={`${td} font-normal`}>
                    {day.day}
                  </th>
                  <td className={tdRight}>{day.runs}</td>
                  <td className={tdRight}>{formatCount(day.groupsChecked)}</td>
                  <td
                    className={`${tdRight} ${day.forkedGroups > 0 ? "font-semibold text-status-down" : ""}`}
                  >
                    {formatCount(day.forkedGroups)}
                  </td>
                  <td className={tdRight}>{day.forkRatePct}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableDetails>
      }
      csvHref={csvHref(search, "forks")}
    />
  );
}
