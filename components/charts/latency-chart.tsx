"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { AnnotationSpan } from "@/lib/charts/annotations";
import type { LatencyPoint } from "@/lib/latency/series";
import { bucketLabel } from "@/lib/latency/view";
import { annotationMarks } from "./annotation-marks";
import { LineLabel } from "./line-label";
import { TooltipTime } from "./tooltip-time";

const LINES = [
  { key: "p50Ms", name: "p50", stroke: "var(--ink-muted)", dash: undefined },
  { key: "p95Ms", name: "p95", stroke: "var(--accent)", dash: undefined },
  { key: "p99Ms", name: "p99", stroke: "var(--status-degraded)", dash: "4 2" },
] as const;

function TooltipBody({
  active,
  payload,
  bucket,
}: {
  active?: boolean;
  payload?: { payload: LatencyPoint }[];
  bucket: "hour" | "day";
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={point.start} utc={bucketLabel(point.start, bucket)} />
      {point.samples === 0 ? (
        <p>no samples</p>
      ) : (
        <p>
          p50 {point.p50Ms?.toFixed(1)} · p95 {point.p95Ms?.toFixed(1)} · p99 {point.p99Ms?.toFixed(1)} ms · n
          = {point.samples}
        </p>
      )}
    </div>
  );
}

/**
 * p50 / p95 / p99 over time with the target (dashed) and the V3 figure (dotted), both labelled in
 * words. A bucket without samples is a gap in the lines, never a zero.
 */
export function LatencyChart({
  points,
  bucket,
  target,
  targetLabel,
  baseline,
  baselineLabel,
  annotations = [],
}: {
  points: LatencyPoint[];
  bucket: "hour" | "day";
  /** The roadmap target, where there is one (a node's probe latency has none). */
  target: number | null;
  targetLabel: string;
  baseline: number | null;
  baselineLabel: string | null;
  /** Incidents and maintenance windows, by the buckets they touch. */
  annotations?: readonly AnnotationSpan[];
}) {
  return (
    <div className="h-56 w-full" data-testid="latency-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={(iso: string) => (bucket === "hour" ? iso.slice(11, 16) : iso.slice(5, 10))}
            stroke="var(--ink-muted)"
            fontSize={11}
            minTickGap={24}
            label={{
              value: bucket === "hour" ? "UTC hour" : "UTC day",
              position: "insideBottomRight",
              offset: -2,
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
            height={36}
          />
          <YAxis
            domain={[0, "auto"]}
            stroke="var(--ink-muted)"
            fontSize={11}
            width={48}
            label={{
              value: "ms",
              angle: -90,
              position: "insideLeft",
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <Tooltip content={<TooltipBody bucket={bucket} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {annotationMarks(annotations)}
          {target !== null ? (
            <ReferenceLine
              y={target}
              ifOverflow="extendDomain"
              stroke="var(--status-down)"
              strokeDasharray="6 4"
              label={<LineLabel value={targetLabel} color="var(--status-down)" />}
            />
          ) : null}
          {baseline !== null ? (
            <ReferenceLine
              y={baseline}
              ifOverflow="extendDomain"
              stroke="var(--ink-muted)"
              strokeDasharray="2 3"
              label={<LineLabel value={baselineLabel ?? ""} color="var(--ink-muted)" side="left" />}
            />
          ) : null}
          {LINES.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={line.stroke}
              strokeDasharray={line.dash}
              strokeWidth={line.key === "p95Ms" ? 2.5 : 1.5}
              dot={points.filter((point) => point.samples > 0).length < 3}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
