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
import type { ForkDay } from "@/lib/reliability/view";
import { LineLabel } from "./line-label";
import { TooltipTime } from "./tooltip-time";

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: ForkDay }[] }) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={`${day.day}T00:00:00Z`} utc={day.day} />
      {day.forkRatePct === null ? (
        <p>no fork checks</p>
      ) : (
        <p>
          {day.forkRatePct}% · {day.forkedGroups.toLocaleString("en-US")} forked of{" "}
          {day.groupsChecked.toLocaleString("en-US")} groups · {day.runs} {day.runs === 1 ? "run" : "runs"}
        </p>
      )}
    </div>
  );
}

/** A dot per day with checks: on the 0% target line when clean, raised and red when a group forked. */
function Dot({ cx, cy, payload }: { cx?: number; cy?: number; payload?: ForkDay }) {
  if (cx === undefined || cy === undefined || payload?.forkRatePct == null) return null;
  const forked = payload.forkedGroups > 0;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={forked ? 4.5 : 3}
      fill={forked ? "var(--status-down)" : "var(--surface)"}
      stroke={forked ? "var(--status-down)" : "var(--status-up)"}
      strokeWidth={1.5}
    />
  );
}

/** Forked groups over groups checked per UTC day against the 0% target; a day without checks is a gap. */
export function ForkChart({ days, targetLabel }: { days: ForkDay[]; targetLabel: string }) {
  return (
    <div className="h-48 w-full" data-testid="fork-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={days} margin={{ top: 16, right: 12, bottom: 4, left: 4 }}>
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
            domain={[0, (max: number) => Math.max(max, 0.1)]}
            tickFormatter={(value: number) => `${value}%`}
            stroke="var(--ink-muted)"
            fontSize={11}
            width={52}
            label={{
              value: "forked",
              angle: -90,
              position: "insideLeft",
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <Tooltip content={<TooltipBody />} />
          <ReferenceLine
            y={0}
            stroke="var(--status-down)"
            strokeDasharray="6 4"
            label={<LineLabel value={targetLabel} color="var(--status-down)" side="left" />}
          />
          <Line
            dataKey="forkRatePct"
            name="fork rate"
            stroke="var(--accent)"
            strokeWidth={1.5}
            dot={<Dot />}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
