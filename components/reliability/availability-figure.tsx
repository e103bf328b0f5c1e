"use client";

import dynamic from "next/dynamic";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartLoading } from "@/components/charts/chart-loading";
import { annotationSpans } from "@/lib/charts/annotations";
import { formatMinutes, formatTarget, plural } from "@/lib/format";
import { dayRowsOf, type ReliabilityView } from "@/lib/reliability/view";
import { DAY_MS } from "@/lib/time";
import { csvHref, TableDetails, td, tdRight, th, thRight, verdictOf } from "./shared";

const AvailabilityChart = dynamic(
  () => import("@/components/charts/availability-chart").then((m) => m.AvailabilityChart),
  { ssr: false, loading: () => <ChartLoading height="h-64" /> },
);

/** Floored, so 99.995% never reads as a passing 100.00%. */
const pct = (value: number | null) =>
  value === null ? "no data" : `${(Math.floor(value * 100) / 100).toFixed(2)}%`;

export function AvailabilityFigure({ view, search }: { view: ReliabilityView; search: string }) {
  const { criterion, nodes } = view.availability;
  const target = criterion?.target ?? 99.99;
  const worst = nodes.find((node) => node.worst);
  const below = nodes.filter((node) =>
    node.daily.availabilityPct.some((value) => value !== null && value < target),
  );
  const measured = nodes.some((node) => node.availabilityPct !== null);
  return (
    <ChartFigure
      id="reliability-availability"
      title={criterion?.title ?? "Node availability"}
      verdict={verdictOf(criterion, view.network)}
      summary={
        <>
          {formatTarget(criterion?.comparator ?? "gte", target, "%")} for every canonical node, per UTC day
          {criterion ? `; the verdict reads the last ${criterion.windowDays} days` : ""}.{" "}
          {worst
            ? `Worst in the range: node ${worst.nodeId} at ${pct(worst.availabilityPct)} (${formatMinutes(worst.downMinutes)} down); ${plural(below.length, "node")} of ${nodes.length} below the target on at least one day.`
            : ""}
          {(view.availability.dayMinutes.at(-1) ?? 1440) < 1440
            ? ` ${view.days.at(-1)} is today: its figures are of the hours so far.`
            : ""}
        </>
      }
      annotations={view.annotations}
      empty={
        nodes.length === 0
          ? "No canonical nodes in the registry of this network: nothing to draw."
          : measured
            ? null
            : "No canonical node was measured in this range: nothing to draw."
      }
      chart={
        <AvailabilityChart
          days={view.days}
          dayMinutes={view.availability.dayMinutes}
          nodes={nodes}
          target={target}
          targetLabel={`target ${formatTarget(criterion?.comparator ?? "gte", target, "%")}`}
          annotations={annotationSpans(
            view.annotations,
            view.days.map((day) => ({ key: day, start: Date.parse(`${day}T00:00:00Z`) })),
            DAY_MS,
            Date.parse(view.asOf),
          )}
        />
      }
      table={
        <TableDetails
          label="Canonical nodes"
          count={nodes.length}
          open={nodes.length > 0 && nodes.length <= 6}
        >
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">Each canonical node's availability over the range</caption>
            <thead>
              <tr className="text-ink-muted">
                <th scope="col" className={th}>
                  Node
                </th>
                <th scope="col" className={thRight}>
                  Available
                </th>
                <th scope="col" className={thRight}>
                  Down
                </th>
                <th scope="col" className={thRight}>
                  Measured
                </th>
                <th scope="col" className={th}>
                  Lowest day
                </th>
                <th scope="col" className={thRight}>
                  Days below target
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((node) => {
                const days = dayRowsOf(node, view.days, view.availability.dayMinutes).filter(
                  (day) => day.availabilityPct !== null,
                );
                const lowest = days.reduce<(typeof days)[number] | null>(
                  (low, day) =>
                    low === null || (day.availabilityPct as number) < (low.availabilityPct as number)
                      ? day
                      : low,
                  null,
                );
                return (
                  <tr key={node.nodeId} className="border-line border-t">
                    <th scope="row" className="whitespace-nowrap py-1 pr-3 font-normal">
                      <a
                        href={`/nodes/${node.nodeId}?network=${view.network}`}
                        className="text-accent underline underline-offset-2"
                      >
                        {node.nodeId}
                        {node.name ? ` · ${node.name}` : ""}
                      </a>
                      {node.worst ? <strong className="ml-1 text-status-down">worst</strong> : null}
                    </th>
                    <td className={tdRight}>{pct(node.availabilityPct)}</td>
                    <td className={tdRight}>{formatMinutes(node.downMinutes)}</td>
                    <td className={tdRight} title="minutes measured of the minutes the range has had">
                      {node.coveragePct.toFixed(2)}%
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      {lowest ? `${lowest.day}: ${pct(lowest.availabilityPct)}` : "—"}
                    </td>
                    <td className={tdRight}>
                      {days.filter((day) => (day.availabilityPct as number) < target).length} of {days.length}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableDetails>
      }
      csvHref={csvHref(search, "availability")}
    />
  );
}
