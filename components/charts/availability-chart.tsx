"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { AnnotationSpan } from "@/lib/charts/annotations";
import type { NodeAvailabilitySeries } from "@/lib/reliability/view";
import { annotationMarks } from "./annotation-marks";
import { LineLabel } from "./line-label";
import { TooltipTime } from "./tooltip-time";

type Row = { day: string } & Record<string, number | string | null>;

const pct = (value: number) => `${value.toFixed(2)}%`;

function TooltipBody({
  active,
  payload,
  nodes,
  dayMinutes,
}: {
  active?: boolean;
  payload?: { payload: Row }[];
  nodes: NodeAvailabilitySeries[];
  dayMinutes: Map<string, number>;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const measured = nodes
    .map((node) => ({ node, value: row[`n${node.nodeId}`] as number | null }))
    .filter((entry) => entry.value !== null)
    .sort((a, b) => (a.value as number) - (b.value as number));
  return (
    <div className="max-w-72 rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={`${row.day}T00:00:00Z`} utc={row.day} />
      {(dayMinutes.get(row.day) ?? 1440) < 1440 ? (
        <p className="text-ink-muted">today: the hours so far</p>
      ) : null}
      {measured.length === 0 ? <p>no node measured</p> : null}
      {measured.slice(0, 5).map(({ node, value }) => (
        <p key={node.nodeId}>
          node {node.nodeId}
          {node.worst ? " (worst)" : ""}: {Math.floor((value as number) * 100) / 100}%
        </p>
      ))}
      {measured.length > 5 ? <p className="text-ink-muted">and {measured.length - 5} more, higher</p> : null}
    </div>
  );
}

/**
 * Each canonical node's availability per UTC day against the target (dashed, labelled); the worst
 * node over the range drawn thick in the failing colour and named in the legend, the others thin.
 * A day a node was not measured is a gap in its line.
 */
export function AvailabilityChart({
  days,
  nodes,
  target,
  targetLabel,
  dayMinutes,
  annotations = [],
}: {
  days: string[];
  /** The minutes each day has had (fewer today). */
  dayMinutes: number[];
  nodes: NodeAvailabilitySeries[];
  target: number;
  targetLabel: string;
  /** Incidents and maintenance windows, by the days they touch. */
  annotations?: readonly AnnotationSpan[];
}) {
  const rows: Row[] = days.map((day, index) => ({
    day,
    ...Object.fromEntries(
      nodes.map((node) => [`n${node.nodeId}`, node.daily.availabilityPct[index] ?? null]),
    ),
  }));
  const values = nodes.flatMap((node) => node.daily.availabilityPct.flatMap((value) => value ?? []));
  const lowest = Math.min(target, ...values);
  // Close to 100% is where the target lives: the axis starts just below the lowest day.
  const floor = lowest >= 99 ? Math.floor(lowest * 10) / 10 : Math.max(0, Math.floor(lowest - 1));
  const worst = nodes.find((node) => node.worst);
  return (
    <div className="w-full" data-testid="availability-chart">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 16, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => day.slice(5)}
              stroke="var(--ink-muted)"
              fontSize={11}
              minTickGap={24}
              height={36}
              label={{
                value: "UTC day",
                position: "insideBottomRight",
                offset: -2,
                fontSize: 11,
                fill: "var(--ink-muted)",
              }}
            />
            <YAxis
              domain={[floor, 100]}
              allowDataOverflow
              tickFormatter={pct}
              stroke="var(--ink-muted)"
              fontSize={11}
              width={64}
              label={{
                value: "available",
                angle: -90,
                position: "insideLeft",
                fontSize: 11,
                fill: "var(--ink-muted)",
              }}
            />
            <Tooltip
              content={
                <TooltipBody
                  nodes={nodes}
                  dayMinutes={new Map(days.map((day, i) => [day, dayMinutes[i] ?? 0]))}
                />
              }
            />
            {annotationMarks(annotations)}
            <ReferenceLine
              y={target}
              stroke="var(--status-down)"
              strokeDasharray="6 4"
              label={<LineLabel value={targetLabel} color="var(--status-down)" side="left" />}
            />
            {nodes
              .filter((node) => !node.worst)
              .map((node) => (
                <Line
                  key={node.nodeId}
                  dataKey={`n${node.nodeId}`}
                  name={`node ${node.nodeId}`}
                  stroke="var(--ink-muted)"
                  strokeOpacity={0.6}
                  strokeWidth={1.25}
                  dot={node.daily.availabilityPct.filter((value) => value !== null).length < 3}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            {worst ? (
              <Line
                dataKey={`n${worst.nodeId}`}
                name={`node ${worst.nodeId} (worst)`}
                stroke="var(--status-down)"
                strokeWidth={2.5}
                dot={worst.daily.availabilityPct.filter((value) => value !== null).length < 3}
                connectNulls={false}
                isAnimationActive={false}
                label={false}
              />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-ink-muted text-xs" data-testid="availability-legend">
        {worst ? (
          <span className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-status-down" />
            node {worst.nodeId}
            {worst.name ? ` (${worst.name})` : ""}: the worst over the range
          </span>
        ) : null}
        {nodes.length > 1 ? (
          <span className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-px w-4 bg-ink-muted" />
            {nodes.length - 1} other canonical {nodes.length === 2 ? "node" : "nodes"}
          </span>
        ) : null}
      </p>
    </div>
  );
}
