"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { IntegrationRunPoint } from "@/lib/reliability/view";
import { LineLabel } from "./line-label";
import { TooltipTime } from "./tooltip-time";

function TooltipBody({
  active,
  payload,
}: {
  active?: boolean;
  payload?: { payload: IntegrationRunPoint }[];
}) {
  const run = payload?.[0]?.payload;
  if (!active || !run) return null;
  return (
    <div className="max-w-64 rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm">
      <TooltipTime iso={run.startedAt} utc={run.startedAt.slice(0, 16).replace("T", " ")} />
      <p>
        {run.runId}: {run.passed} passed, {run.failed} failed, {run.skipped} skipped
      </p>
      <p className="text-ink-muted">
        {run.judged ? "the verdict reads this run" : "not among the runs the verdict reads"}
      </p>
    </div>
  );
}

/**
 * One bar per run of a suite, oldest first: green when every test passed, red (with its failed
 * count written above) when any failed; runs the verdict does not read are faded. A failing bar
 * opens its failed cases.
 */
export function PassRateChart({
  runs,
  targetLabel,
  anchor,
}: {
  runs: IntegrationRunPoint[];
  targetLabel: string;
  /** The id of a failing run's list of failed cases on the page. */
  anchor: (runId: string) => string;
}) {
  return (
    <div className="h-40 w-full" data-testid="pass-rate-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={runs} margin={{ top: 18, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis
            dataKey="startedAt"
            tickFormatter={(iso: string) => iso.slice(5, 10)}
            stroke="var(--ink-muted)"
            fontSize={11}
            minTickGap={16}
            height={36}
            label={{
              value: "run, UTC day",
              position: "insideBottomRight",
              offset: -2,
              fontSize: 11,
              fill: "var(--ink-muted)",
            }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 50, 100]}
            tickFormatter={(value: number) => `${value}%`}
            stroke="var(--ink-muted)"
            fontSize={11}
            width={44}
          />
          <Tooltip content={<TooltipBody />} cursor={{ fill: "var(--surface-muted)" }} />
          <ReferenceLine
            y={100}
            stroke="var(--status-down)"
            strokeDasharray="6 4"
            label={<LineLabel value={targetLabel} color="var(--status-down)" side="left" />}
          />
          <Bar
            dataKey="passRatePct"
            name="passed"
            maxBarSize={24}
            isAnimationActive={false}
            onClick={(entry: { payload?: IntegrationRunPoint }) => {
              const run = entry.payload;
              if (!run || run.failed === 0) return;
              document.getElementById(anchor(run.runId))?.closest("details")?.setAttribute("open", "");
              window.location.hash = anchor(run.runId);
            }}
          >
            {runs.map((run) => (
              <Cell
                key={run.runId}
                fill={run.failed > 0 ? "var(--status-down)" : "var(--status-up)"}
                fillOpacity={run.judged ? 1 : 0.45}
                cursor={run.failed > 0 ? "pointer" : undefined}
              />
            ))}
            <LabelList
              dataKey="failed"
              position="top"
              fontSize={11}
              fill="var(--status-down)"
              formatter={(value: unknown) => (Number(value) > 0 ? `✕${value}` : "")}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
