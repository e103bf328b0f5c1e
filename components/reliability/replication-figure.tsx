"use client";

import dynamic from "next/dynamic";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartLoading } from "@/components/charts/chart-loading";
import { formatCount } from "@/lib/format";
import type { ReliabilityView } from "@/lib/reliability/view";
import { csvHref, TableDetails, tdRight, th, thRight } from "./shared";

const LagChart = dynamic(() => import("@/components/charts/lag-chart").then((m) => m.LagChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

const bigger = (a: string, b: string) => (BigInt(a) >= BigInt(b) ? a : b);

export function ReplicationFigure({ view, search }: { view: ReliabilityView; search: string }) {
  const { nodeIds, points, bucket, keptDays } = view.replication;
  const perNode = nodeIds.map((nodeId, i) => {
    const lags = points.flatMap((point) => point.lags[i] ?? []);
    return { nodeId, latest: lags.at(-1) ?? null, max: lags.length ? lags.reduce(bigger) : null };
  });
  const furthest = perNode.reduce<(typeof perNode)[number] | null>(
    (top, node) =>
      node.max !== null && (top?.max == null || BigInt(node.max) > BigInt(top.max)) ? node : top,
    null,
  );
  const read = perNode.some((node) => node.latest !== null);
  return (
    <ChartFigure
      id="reliability-replication"
      title="Replication lag"
      verdict={{ note: "no roadmap target" }}
      summary={
        <>
          How far each registry node's sync cursor is behind the furthest node's, in sequence ids, from its
          last cursor of each UTC {bucket}. No roadmap target yet.{" "}
          {keptDays === null ? "" : `Hourly cursors are kept ${keptDays} days. `}
          {furthest?.max && furthest.max !== "0"
            ? `Furthest behind in the range: node ${furthest.nodeId}, ${formatCount(furthest.max)} behind.`
            : read
              ? "Every node was level in the range."
              : ""}
        </>
      }
      empty={
        read
          ? null
          : `No sync cursors read in this range${keptDays === null ? "" : ` (hourly ones are kept ${keptDays} days)`}: nothing to draw.`
      }
      chart={
        <LagChart
          points={points}
          nodeIds={nodeIds}
          bucket={bucket}
          highlight={furthest?.max && furthest.max !== "0" ? furthest.nodeId : null}
        />
      }
      table={
        <TableDetails label="Registry nodes" count={nodeIds.length} open={false}>
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">Each registry node's latest and largest lag in the range</caption>
            <thead>
              <tr className="text-ink-muted">
                <th scope="col" className={th}>
                  Node
                </th>
                <th scope="col" className={thRight}>
                  Latest lag
                </th>
                <th scope="col" className={thRight}>
                  Largest lag
                </th>
              </tr>
            </thead>
            <tbody>
              {perNode.map((node) => (
                <tr key={node.nodeId} className="border-line border-t">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {node.nodeId}
                  </th>
                  <td className={tdRight}>{node.latest === null ? "—" : formatCount(node.latest)}</td>
                  <td className={tdRight}>{node.max === null ? "—" : formatCount(node.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableDetails>
      }
      csvHref={csvHref(search, "replication")}
    />
  );
}
