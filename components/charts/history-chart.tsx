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
import type { HistoryPoint } from "@/lib/roadmap/history-view";
import { LineLabel } from "./line-label";
import { TooltipTime } from "./tooltip-time";

const STATUS_WORDS = { pass: "met", fail: "not met", insufficient_data: "not enough data" } as const;
const STATUS_COLOURS = {
  pass: "var(--status-up)",
  fail: "var(--status-down)",
  insufficient_data: "var(--status-nodata)",
} as const;

function TooltipBody({
  active,
  payload,
  unit,
  bucket,
}: {
  active?: boolean;
  payload?: { payload: HistoryPoint }[];
  unit: string;
  bucket: "hour" | "day";
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const utc = bucket === "hour" ? point.start.slice(0, 16).replace("T", " ") : point.start.slice(0, 10);
  return (
    <div className="rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={point.start} utc={utc} />
      {point.status === null ? (
        <p>not evaluated</p>
      ) : (
        <p>
          {point.measured === null ? "no figure" : `${point.measured.toLocaleString("en-US")} ${unit}`} ·{" "}
          {STATUS_WORDS[point.status]}
          {point.samples !== null ? ` · n = ${point.samples.toLocaleString("en-US")}` : ""}
        </p>
      )}
    </div>
  );
}

/** A dot per evaluated bucket, coloured by its verdict (the tooltip and the table say it in words). */
function Dot({ cx, cy, payload }: { cx?: number; cy?: number; payload?: HistoryPoint }) {
  if (cx === undefined || cy === undefined || !payload?.status || payload.measured === null) return null;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={3}
      fill={STATUS_COLOURS[payload.status]}
      stroke="var(--surface)"
      strokeWidth={1}
    />
  );
}

/** A share near 100% is drawn up to 100% and no further: an axis at 100.05% reads as a figure that cannot be. */
function percentDomain(unit: string, values: number[]): [number | "auto", number | "auto"] {
  const max = Math.max(...values);
  if (unit !== "%" || max > 100 || max < 50) return ["auto", "auto"];
  const min = Math.min(...values);
  const low = Math.max(0, Math.floor((min - (100 - min) * 0.2) * 10) / 10);
  return [low >= 100 ? 90 : low, 100];
}

/**
 * The measured value at the end of each hour or day against the target (dashed) and the V3 figure
 * (dotted), with the day it first passed marked. No evaluation is a gap.
 */
export function HistoryChart({
  points,
  bucket,
  unit,
  target,
  targetLabel,
  baseline,
  baselineLabel,
  firstPassed,
}: {
  points: HistoryPoint[];
  bucket: "hour" | "day";
  unit: string;
  target: number;
  targetLabel: string;
  baseline: number | null;
  baselineLabel: string | null;
  /** The bucket it first passed in, where the range holds it. */
  firstPassed: string | null;
}) {
  const domain = percentDomain(unit, [
    ...points.flatMap((point) => point.measured ?? []),
    target,
    ...(baseline === null ? [] : [baseline]),
  ]);
  return (
    <div className="h-64 w-full" data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 18, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={(iso: string) => (bucket === "hour" ? iso.slice(11, 16) : iso.slice(5, 10))}
            stroke="var(--ink-muted)"
            fontSize={11}
            minTickGap={24}
            height={36}
            label={{
              value: bucket === "hour" ? "UTC hour" : "UTC day",
              position: "insideBottomRight",
              offset: -2,
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <YAxis
            domain={domain}
            stroke="var(--ink-muted)"
            fontSize={11}
            width={56}
            tickFormatter={(value: number) =>
              value.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 2 })
            }
            label={{
              value: unit,
              angle: -90,
              position: "insideLeft",
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <Tooltip content={<TooltipBody unit={unit} bucket={bucket} />} />
          <ReferenceLine
            y={target}
            ifOverflow="extendDomain"
            stroke="var(--status-down)"
            strokeDasharray="6 4"
            label={<LineLabel value={targetLabel} color="var(--status-down)" />}
          />
          {baseline !== null ? (
            <ReferenceLine
              y={baseline}
              ifOverflow="extendDomain"
              stroke="var(--ink-muted)"
              strokeDasharray="2 3"
              label={<LineLabel value={baselineLabel ?? ""} color="var(--ink-muted)" side="left" />}
            />
          ) : null}
          {firstPassed ? (
            <ReferenceLine
              x={firstPassed}
              stroke="var(--status-up)"
              strokeDasharray="3 3"
              label={{
                value: `first passed ${firstPassed.slice(5, 10)}`,
                position: "insideTopLeft",
                fontSize: 11,
                fill: "var(--status-up)",
              }}
            />
          ) : null}
          <Line
            dataKey="measured"
            name="measured"
            stroke="var(--accent)"
            strokeWidth={1.5}
            dot={<Dot />}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
