import { DAY_MS } from "@/lib/time";
import { sameValue } from "./criteria";
import type { CriterionStatus } from "./vocabulary";

export type StageReadiness = {
  total: number;
  passed: number;
  failed: number;
  insufficient: number;
  unevaluated: number;
  /** true when every criterion passes; false when one fails or lacks data; null before any evaluation or with no criteria. */
  ready: boolean | null;
};

/** Computed readiness of a stage from the latest status of each of its criteria (null: never evaluated). */
export function stageReadiness(statuses: (CriterionStatus | null)[]): StageReadiness {
  const count = (status: CriterionStatus | null) => statuses.filter((s) => s === status).length;
  const summary = {
    total: statuses.length,
    passed: count("pass"),
    failed: count("fail"),
    insufficient: count("insufficient_data"),
    unevaluated: count(null),
  };
  // A stage with nothing measurable (only milestones) is not "ready" on its criteria alone.
  const ready = summary.unevaluated === summary.total ? null : summary.passed === summary.total;
  return { ...summary, ready };
}

export type EvaluationPoint = { evaluatedAt: Date; status: CriterionStatus; measured: number | null };

/**
 * From a criterion's stored history (any order): when it first passed, since when it has been
 * passing without a break (null unless it passes now), and when its status or value last changed.
 */
export function timeline(history: readonly EvaluationPoint[]) {
  const ordered = [...history].sort((a, b) => a.evaluatedAt.getTime() - b.evaluatedAt.getTime());
  const firstPassedAt = ordered.find((point) => point.status === "pass")?.evaluatedAt ?? null;
  let passingSince: Date | null = null;
  let lastChangedAt: Date | null = null;
  let previous: EvaluationPoint | undefined;
  for (const point of ordered) {
    if (point.status !== "pass") passingSince = null;
    else if (previous?.status !== "pass") passingSince = point.evaluatedAt;
    // Compared with the last change, as the store flags heartbeats: drift below the tolerance
    // over many hours is not a change.
    if (!previous || previous.status !== point.status || !sameValue(previous.measured, point.measured)) {
      lastChangedAt = point.evaluatedAt;
      previous = point;
    }
  }
  return { firstPassedAt, passingSince, lastChangedAt };
}

/** The latest status of a criterion as of a moment, from its history: what was true then. */
export function statusAt(history: readonly EvaluationPoint[], at: Date): CriterionStatus | null {
  const before = history.filter((point) => point.evaluatedAt.getTime() <= at.getTime());
  before.sort((a, b) => b.evaluatedAt.getTime() - a.evaluatedAt.getTime());
  return before[0]?.status ?? null;
}

export type Countdown = { startedAt: Date; days: number; endsAt: Date; daysLeft: number; finished: boolean };

/** Stage 3's migration countdown from the day the team started it (null until then). */
export function countdown(startedAt: Date | null, days: number | null, now: Date): Countdown | null {
  if (!startedAt || !days) return null;
  const endsAt = new Date(startedAt.getTime() + days * DAY_MS);
  const left = Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS);
  return {
    startedAt,
    days,
    endsAt,
    daysLeft: Math.max(0, left),
    finished: now.getTime() >= endsAt.getTime(),
  };
}
