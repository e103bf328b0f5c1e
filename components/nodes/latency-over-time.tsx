"use client";

import dynamic from "next/dynamic";
import { AnnotationList } from "@/components/charts/annotation-list";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartLoading } from "@/components/charts/chart-loading";
import { TableDetails } from "@/components/charts/table-details";
import { Card } from "@/components/ui/card";
import { annotationSpans } from "@/lib/charts/annotations";
import type { NodeLatencyView } from "@/lib/latency/node-view";
import { bucketLabel } from "@/lib/latency/view";
import { DAY_MS, HOUR_MS } from "@/lib/time";

const LatencyChart = dynamic(() => import("@/components/charts/latency-chart").then((m) => m.LatencyChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

const ms = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} ms`);

/** Probe latency p50 / p95 / p99 over the window, one small chart per probing region. */
export function LatencyOverTime({ view }: { view: NodeLatencyView }) {
  const base = `/api/v1/nodes/${view.nodeId}/latency?network=${view.network}&window=${view.window}`;
  return (
    <Card title="Probe latency over time" id="node-latency-over-time">
      <p className="mb-3 text-ink-muted text-sm">
        Our probes' GetVersion round trips to this node from each region, per UTC {view.range.bucket}, over
        the last {view.window}. There is no roadmap target for a single node's probe latency: the operations'
        targets are on the Latency page.
      </p>
      {view.regions.length === 0 ? (
        <p role="status" className="rounded border border-line border-dashed p-4 text-ink-muted text-sm">
          No probe latency for this node in the last {view.window}: nothing to draw.
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {view.regions.map(({ region, points, overall }) => (
            <ChartFigure
              key={region}
              id={`node-latency-${region}`}
              title={`From ${region}`}
              verdict={{ note: `n = ${overall.samples.toLocaleString("en-US")}` }}
              summary={`p50 ${ms(overall.p50Ms)}, p95 ${ms(overall.p95Ms)}, p99 ${ms(overall.p99Ms)} over the window.`}
              empty={overall.samples === 0 ? `No probe latency from ${region} in the window.` : null}
              chart={
                <LatencyChart
                  points={points}
                  bucket={view.range.bucket}
                  target={null}
                  targetLabel=""
                  baseline={null}
                  baselineLabel={null}
                  annotations={annotationSpans(
                    view.annotations,
                    points.map((point) => ({ key: point.start, start: Date.parse(point.start) })),
                    view.range.bucket === "hour" ? HOUR_MS : DAY_MS,
                    Date.parse(view.asOf),
                  )}
                />
              }
              table={
                <TableDetails
                  label={`From ${region}, per ${view.range.bucket}`}
                  count={points.length}
                  open={false}
                >
                  <table className="w-full text-left text-xs tabular-nums">
                    <caption className="sr-only">
                      Probe latency from {region} per UTC {view.range.bucket}
                    </caption>
                    <thead>
                      <tr className="text-ink-muted">
                        <th scope="col" className="py-1 pr-3 font-medium">
                          UTC {view.range.bucket}
                        </th>
                        <th scope="col" className="py-1 pr-3 text-right font-medium">
                          n
                        </th>
                        <th scope="col" className="py-1 pr-3 text-right font-medium">
                          p50
                        </th>
                        <th scope="col" className="py-1 pr-3 text-right font-medium">
                          p95
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((point) => (
                        <tr key={point.start} className="border-line border-t">
                          <th scope="row" className="py-1 pr-3 font-normal">
                            {bucketLabel(point.start, view.range.bucket)}
                          </th>
                          <td className="py-1 pr-3 text-right">{point.samples}</td>
                          <td className="py-1 pr-3 text-right">{ms(point.p50Ms)}</td>
                          <td className="py-1 pr-3 text-right">{ms(point.p95Ms)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableDetails>
              }
              csvHref={`${base}&region=${encodeURIComponent(region)}&format=csv`}
            />
          ))}
        </div>
      )}
      <AnnotationList annotations={view.annotations} />
    </Card>
  );
}
