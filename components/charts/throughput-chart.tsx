"use client";

import { useId } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ThroughputPoint } from "@/lib/throughput/view";
import { LineLabel } from "./line-label";
import { TooltipTime } from "./tooltip-time";

const compact = (value: number) =>
  value.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 1 });

function TooltipBody({
  active,
  payload,
  unit,
}: {
  active?: boolean;
  payload?: { payload: ThroughputPoint }[];
  unit: string;
}) {
  const run = payload?.[0]?.payload;
  if (!active || !run) return null;
  return (
    <div className="max-w-64 rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={run.startedAt} utc={run.startedAt.slice(0, 16).replace("T", " ")} />
      <p>
        {run.value === null ? "no rate given" : `${run.value.toLocaleString("en-US")} ${unit}`}
        {run.nodes !== null ? ` · ${run.nodes} nodes` : ""}
      </p>
      {run.excluded ? <p className="text-ink-muted">does not count: {run.excluded}</p> : null}
    </div>
  );
}

/**
 * One bar per run against the target (dashed, labelled). A run that does not count toward the
 * target is drawn hatched grey, and the tooltip and the table say why.
 */
export function ThroughputChart({
  runs,
  unit,
  target,
  targetLabel,
}: {
  runs: ThroughputPoint[];
  unit: string;
  target: number;
  targetLabel: string;
}) {
  const pattern = `excluded-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  return (
    <div className="h-56 w-full" data-testid="throughput-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={runs} margin={{ top: 16, right: 12, bottom: 4, left: 4 }}>
          <defs>
            <pattern
              id={pattern}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="var(--status-nodata-soft)" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="var(--status-nodata)" strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis
            dataKey="startedAt"
            tickFormatter={(iso: string) => iso.slice(5, 10)}
            stroke="var(--ink-muted)"
            fontSize={11}
            height={36}
            label={{
              value: "run start, UTC day",
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
              value: unit,
              angle: -90,
              position: "insideLeft",
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <Tooltip content={<TooltipBody unit={unit} />} cursor={{ fill: "var(--surface-muted)" }} />
          <ReferenceLine
            y={target}
            ifOverflow="extendDomain"
            stroke="var(--status-down)"
            strokeDasharray="6 4"
            label={<LineLabel value={targetLabel} color="var(--status-down)" />}
          />
          <Bar dataKey="value" name={unit} maxBarSize={28} isAnimationActive={false}>
            {runs.map((run) => (
              <Cell key={run.runId} fill={run.excluded ? `url(#${pattern})` : "var(--accent)"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
