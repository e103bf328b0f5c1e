"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReplicationPoint } from "@/lib/reliability/view";
import { TooltipTime } from "./tooltip-time";

type Row = { start: string } & Record<string, number | string | null>;

const compact = (value: number) =>
  value.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 1 });

const byLag = ([, a]: [number, string], [, b]: [number, string]) => {
  const diff = BigInt(b) - BigInt(a);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
};

function TooltipBody({
  active,
  payload,
  bucket,
  exact,
}: {
  active?: boolean;
  payload?: { payload: Row }[];
  bucket: "hour" | "day";
  /** Per bucket start, each node's exact lag by node id. */
  exact: Map<string, [number, string | null][]>;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  // The exact uint64 strings, not the rounded numbers the lines are drawn from.
  const lags = (exact.get(row.start) ?? [])
    .filter((entry): entry is [number, string] => entry[1] !== null)
    .sort(byLag);
  const utc = bucket === "hour" ? row.start.slice(0, 16).replace("T", " ") : row.start.slice(0, 10);
  return (
    <div className="max-w-64 rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={row.start} utc={utc} />
      {lags.length === 0 ? <p>no cursor read</p> : null}
      {lags.slice(0, 5).map(([key, value]) => (
        <p key={key}>
          node {key}: {BigInt(value).toLocaleString("en-US")} behind
        </p>
      ))}
      {lags.length > 5 ? <p className="text-ink-muted">and {lags.length - 5} more, less behind</p> : null}
    </div>
  );
}

/**
 * Each node's lag in sequence ids behind the furthest node, per hour or day; the node furthest
 * behind drawn thick, the rest thin. No cursor read in a bucket is a gap.
 */
export function LagChart({
  points,
  nodeIds,
  bucket,
  highlight,
}: {
  points: ReplicationPoint[];
  nodeIds: number[];
  bucket: "hour" | "day";
  highlight: number | null;
}) {
  // Lags are uint64 strings; a chart draws numbers (precision beyond 2^53 does not show at this scale).
  const rows: Row[] = points.map((point) => ({
    start: point.start,
    ...Object.fromEntries(
      nodeIds.map((id, i) => {
        const lag = point.lags[i];
        return [`n${id}`, lag === null || lag === undefined ? null : Number(lag)];
      }),
    ),
  }));
  const exact = new Map(
    points.map((point) => [
      point.start,
      nodeIds.map((id, i): [number, string | null] => [id, point.lags[i] ?? null]),
    ]),
  );
  const ordered = [...nodeIds].sort((a, b) => Number(a === highlight) - Number(b === highlight));
  return (
    <div className="h-56 w-full" data-testid="lag-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 16, right: 12, bottom: 4, left: 4 }}>
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
            domain={[0, "auto"]}
            tickFormatter={compact}
            stroke="var(--ink-muted)"
            fontSize={11}
            width={52}
            label={{
              value: "sequence ids behind",
              angle: -90,
              position: "insideLeft",
              dy: 60,
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <Tooltip content={<TooltipBody bucket={bucket} exact={exact} />} />
          {ordered.map((id) => (
            <Line
              key={id}
              dataKey={`n${id}`}
              name={`node ${id}`}
              stroke={id === highlight ? "var(--status-degraded)" : "var(--ink-muted)"}
              strokeOpacity={id === highlight ? 1 : 0.6}
              strokeWidth={id === highlight ? 2.5 : 1.25}
              dot={rows.filter((row) => row[`n${id}`] !== null).length < 3}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
