"use client";

import dynamic from "next/dynamic";
import { AnnotationList } from "@/components/charts/annotation-list";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LiveProvider, UpdatedAgo, useLiveData } from "@/components/charts/live";
import { type AnnotationSpan, annotationSpans } from "@/lib/charts/annotations";
import { formatTarget, formatValue } from "@/lib/format";
import { bucketLabel, type LatencyOperation, type LatencyView } from "@/lib/latency/view";
import { DAY_MS, HOUR_MS } from "@/lib/time";

// recharts loads after the page: the captions, verdicts and tables are there first, and the chart
// library stays out of the first-load JavaScript (it measures with the browser, so no server render).
const LatencyChart = dynamic(() => import("@/components/charts/latency-chart").then((m) => m.LatencyChart), {
  ssr: false,
  loading: () => <div className="h-56 w-full animate-pulse rounded bg-surface-muted" aria-hidden="true" />,
});

const ms = (value: number | null) => (value === null ? "—" : value.toFixed(1));

function OperationFigure({
  op,
  view,
  search,
  annotations,
}: {
  op: LatencyOperation;
  view: LatencyView;
  search: string;
  annotations: AnnotationSpan[];
}) {
  const targetLabel = `target ${formatTarget(op.comparator, op.target, "ms")}`;
  const baselineLabel =
    op.baseline !== null ? (op.baselineLabel ?? `V3 ~${formatValue(op.baseline, "ms")}`) : null;
  const { overall } = op;
  const csv = `/api/v1/latency?${search}${search ? "&" : ""}operation=${op.key}&format=csv`;
  const judgedHere = op.judgedOn === view.network;
  const where = `${view.region ? ` from ${view.region}` : ""}${view.sdk ? ` with ${view.sdk}` : ""}`;
  return (
    <ChartFigure
      id={`latency-${op.key}`}
      title={op.title}
      verdict={judgedHere ? { status: op.status } : { judgedOn: op.judgedOn }}
      summary={
        <>
          p95 {targetLabel}
          {baselineLabel ? ` · ${baselineLabel}` : ""}. Over the range:{" "}
          {overall.samples === 0 ? (
            "no samples"
          ) : (
            <>
              p50 {ms(overall.p50Ms)} ms · p95 {ms(overall.p95Ms)} ms · p99 {ms(overall.p99Ms)} ms · n ={" "}
              {overall.samples.toLocaleString("en-US")}
            </>
          )}
          {op.summaryResults > 0 ? ` (${op.summaryResults} results sent as summaries only, not merged)` : ""}
          {judgedHere && op.measured !== null
            ? `. The verdict uses the last ${op.windowDays} days: p95 ${formatValue(op.measured, "ms")}.`
            : "."}
        </>
      }
      empty={
        overall.samples === 0
          ? `No benchmark results for this operation in this range${where}: nothing to draw.`
          : null
      }
      chart={
        <LatencyChart
          points={op.points}
          bucket={view.range.bucket}
          target={op.target}
          targetLabel={targetLabel}
          baseline={op.baseline}
          baselineLabel={baselineLabel}
          annotations={annotations}
        />
      }
      table={
        <details className="text-sm">
          <summary className="cursor-pointer text-accent">Table of this chart</summary>
          <div className="mt-2">
            <table className="w-full text-left text-xs tabular-nums">
              <caption className="sr-only">
                {op.title}: percentiles per UTC {view.range.bucket}, in ms
              </caption>
              <thead>
                <tr className="text-ink-muted">
                  <th scope="col" className="py-1 pr-3 font-medium">
                    UTC {view.range.bucket}
                  </th>
                  {["Samples", "p50 ms", "p95 ms", "p99 ms"].map((name) => (
                    <th key={name} scope="col" className="py-1 pr-3 text-right font-medium">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {op.points.map((point) => (
                  <tr key={point.start} className="border-line border-t">
                    <th scope="row" className="py-1 pr-3 font-normal">
                      {bucketLabel(point.start, view.range.bucket)}
                    </th>
                    <td className="py-1 pr-3 text-right">{point.samples}</td>
                    <td className="py-1 pr-3 text-right">{ms(point.p50Ms)}</td>
                    <td className="py-1 pr-3 text-right">{ms(point.p95Ms)}</td>
                    <td className="py-1 pr-3 text-right">{ms(point.p99Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      }
      csvHref={csv}
    />
  );
}

function Operations({ initial, search }: { initial: LatencyView; search: string }) {
  const { data, updatedAt, failed } = useLiveData(`/api/v1/latency?${search}`, initial, initial.asOf);
  // Every operation's points are the range's buckets: one set of spans serves all the charts.
  const spans = annotationSpans(
    data.annotations,
    (data.operations[0]?.points ?? []).map((point) => ({ key: point.start, start: Date.parse(point.start) })),
    data.range.bucket === "hour" ? HOUR_MS : DAY_MS,
    Date.parse(data.asOf),
  );
  return (
    <div className="flex flex-col gap-4">
      <UpdatedAgo updatedAt={updatedAt} failed={failed} />
      <AnnotationList annotations={data.annotations} label="Marked on every chart" />
      <div className="grid gap-4 lg:grid-cols-2">
        {data.operations.map((op) => (
          <OperationFigure key={op.key} op={op} view={data} search={search} annotations={spans} />
        ))}
      </div>
    </div>
  );
}

/** The seven latency charts, drawn from the server's data and refreshed live. */
export function LatencyLive({ initial, search }: { initial: LatencyView; search: string }) {
  return (
    <LiveProvider>
      <Operations initial={initial} search={search} />
    </LiveProvider>
  );
}
