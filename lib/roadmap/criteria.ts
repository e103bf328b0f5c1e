import { DAY_MS, type TimeWindow } from "@/lib/time";
import type { Comparator, CriterionKind, CriterionStatus } from "./vocabulary";

/** A criterion as the evaluators need it (a row of `criteria`). */
export type CriterionSpec = {
  key: string;
  kind: CriterionKind;
  metric: string;
  comparator: Comparator;
  target: number;
  unit: string;
  baseline: number | null;
  windowDays: number;
  minSamples: number;
  network: string;
  params: Record<string, unknown>;
};

export type Evaluation = {
  status: CriterionStatus;
  measured: number | null;
  target: number;
  baseline: number | null;
  unit: string;
  window: TimeWindow;
  samples: number;
  /** What the number was computed from, in brief; the evidence API returns the full data. */
  evidence: Record<string, unknown>;
};

/** The window a criterion is judged over: its `windowDays` up to now. */
export function criterionWindow(spec: Pick<CriterionSpec, "windowDays">, now: Date): TimeWindow {
  return { from: new Date(now.getTime() - spec.windowDays * DAY_MS), to: now };
}

export const inWindow = (at: Date, window: TimeWindow) =>
  at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime();

export function meets(measured: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case "lt":
      return measured < target;
    case "lte":
      return measured <= target;
    case "gt":
      return measured > target;
    case "gte":
      return measured >= target;
    case "eq":
      return measured === target;
  }
}

const isFigure = (value: number | null): value is number => Number.isFinite(value);

/** The shared shape: a verdict from a measured value, unless there is too little data to judge. */
export function verdict(
  spec: CriterionSpec,
  window: TimeWindow,
  {
    measured,
    samples,
    enough,
    evidence,
  }: { measured: number | null; samples: number; enough: boolean; evidence: Record<string, unknown> },
): Evaluation {
  const base = { target: spec.target, baseline: spec.baseline, unit: spec.unit, window, samples, evidence };
  // A figure that cannot be right (infinite, not a number) is no figure: it never passes or fails.
  if (!isFigure(measured)) return { ...base, status: "insufficient_data", measured: null };
  if (!enough) return { ...base, status: "insufficient_data", measured };
  return { ...base, status: meets(measured, spec.comparator, spec.target) ? "pass" : "fail", measured };
}

/** Two measured values are the same when they agree to 6 significant digits (floating noise aside). */
export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= Math.abs(a) * 1e-6;
}

/** Where anyone can fetch the data behind an evaluation, for the same window. */
export function evidencePath(key: string, window: TimeWindow): string {
  const query = new URLSearchParams({ from: window.from.toISOString(), to: window.to.toISOString() });
  return `/api/v1/criteria/${encodeURIComponent(key)}/evidence?${query}`;
}
