"use client";

import dynamic from "next/dynamic";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LiveProvider, UpdatedAgo, useLiveData } from "@/components/charts/live";
import { formatTarget, formatValue, plural } from "@/lib/format";
import type { ThroughputTarget, ThroughputView } from "@/lib/throughput/view";

// recharts loads after the page, as on /latency: captions, verdicts and tables come first.
const ThroughputChart = dynamic(
  () => import("@/components/charts/throughput-chart").then((m) => m.ThroughputChart),
  {
    ssr: false,
    loading: () => <div className="h-56 w-full animate-pulse rounded bg-surface-muted" aria-hidden="true" />,
  },
);

const count = (value: number) => value.toLocaleString("en-US");
const duration = (seconds: number | null) =>
  seconds === null ? "—" : seconds >= 3600 ? `${formatValue(seconds / 3600, "h")}` : `${count(seconds)} s`;

function TargetFigure({
  one,
  view,
  search,
}: {
  one: ThroughputTarget;
  view: ThroughputView;
  search: string;
}) {
  const targetLabel = `target ${formatTarget(one.comparator, one.target, one.unit)}`;
  const counted = one.runs.filter((run) => !run.excluded && run.value !== null);
  const best = counted.reduce<(typeof counted)[number] | null>(
    (top, run) => (top === null || (run.value as number) > (top.value as number) ? run : top),
    null,
  );
  const judgedHere = one.judgedOn === view.network;
  const csv = `/api/v1/throughput?${search}${search ? "&" : ""}target=${one.key}&format=csv`;
  return (
    <ChartFigure
      id={`throughput-${one.key}`}
      title={one.title}
      verdict={judgedHere ? { status: one.status } : { judgedOn: one.judgedOn }}
      summary={
        <>
          {formatTarget(one.comparator, one.target, one.unit)}
          {one.rules
            ? ` on at least ${one.rules.minNodes} nodes for at least ${duration(one.rules.minDurationS)}`
            : ""}
          . In the range: {plural(one.runs.length, "run")}
          {one.rules ? `, ${counted.length} counting` : ""}
          {best ? `; best ${formatValue(best.value as number, one.unit)} (${best.runId})` : ""}.
          {judgedHere && one.measured !== null
            ? ` The verdict uses the best run of the last ${one.windowDays} days: ${formatValue(one.measured, one.unit)}.`
            : ""}
        </>
      }
      empty={
        one.runs.length === 0
          ? `No ${one.title.toLowerCase()} runs pushed in this range: nothing to draw.`
          : null
      }
      chart={
        <ThroughputChart runs={one.runs} unit={one.unit} target={one.target} targetLabel={targetLabel} />
      }
      table={
        <details className="w-full text-sm sm:w-auto" open={one.runs.length > 0 && one.runs.length <= 5}>
          <summary className="cursor-pointer text-accent">Runs ({one.runs.length})</summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, by keyboard too */}
          <section className="mt-2 overflow-x-auto" aria-label={`${one.title}: runs`} tabIndex={0}>
            <table className="w-full text-left text-xs tabular-nums">
              <caption className="sr-only">{one.title}: every run in the range</caption>
              <thead>
                <tr className="text-ink-muted">
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Started (UTC)
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Run
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Nodes
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Duration
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Messages
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Errors
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    {one.unit}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Counts
                  </th>
                </tr>
              </thead>
              <tbody>
                {one.runs.map((run) => (
                  <tr key={run.runId} className="border-line border-t">
                    <td className="py-1 pr-3 whitespace-nowrap">
                      {run.startedAt.slice(0, 16).replace("T", " ")}
                    </td>
                    <th scope="row" className="whitespace-nowrap py-1 pr-3 font-normal">
                      {run.runId}
                    </th>
                    <td className="py-1 pr-3 text-right">{run.nodes ?? "—"}</td>
                    <td className="py-1 pr-3 text-right">{duration(run.durationS)}</td>
                    <td className="py-1 pr-3 text-right">{count(run.messages)}</td>
                    <td className="py-1 pr-3 text-right">{count(run.errors)}</td>
                    <td className="py-1 pr-3 text-right">{run.value === null ? "—" : count(run.value)}</td>
                    <td className="py-1">{run.excluded ? `no: ${run.excluded}` : "yes"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </details>
      }
      csvHref={csv}
    />
  );
}

function Targets({ initial, search }: { initial: ThroughputView; search: string }) {
  const { data, updatedAt, failed } = useLiveData(`/api/v1/throughput?${search}`, initial, initial.asOf);
  return (
    <div className="flex flex-col gap-4">
      <UpdatedAgo updatedAt={updatedAt} failed={failed} />
      {data.targets.map((one) => (
        <TargetFigure key={one.key} one={one} view={data} search={search} />
      ))}
    </div>
  );
}

/** The three throughput targets with their runs, drawn from the server's data and refreshed live. */
export function ThroughputLive({ initial, search }: { initial: ThroughputView; search: string }) {
  return (
    <LiveProvider>
      <Targets initial={initial} search={search} />
    </LiveProvider>
  );
}
