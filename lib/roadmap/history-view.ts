import { bucketStarts, type TimeRange } from "@/lib/charts/range";
import type { Comparator, CriterionStatus } from "./vocabulary";

/** A target's verdict at the end of one UTC hour or day: its last evaluation in it, null where none. */
export type HistoryPoint = {
  start: string;
  status: CriterionStatus | null;
  measured: number | null;
  samples: number | null;
  evaluatedAt: string | null;
};

/** Everything a target's history page and `/api/v1/criteria/{key}/history` show. */
export type CriterionHistoryView = {
  key: string;
  stageNumber: number;
  title: string;
  comparator: Comparator;
  target: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string | null;
  judgedOn: string;
  windowDays: number;
  status: CriterionStatus | null;
  measured: number | null;
  firstPassedAt: string | null;
  passingSince: string | null;
  evidenceUrl: string;
  asOf: string;
  range: { preset: TimeRange["preset"]; from: string; to: string; bucket: TimeRange["bucket"] };
  points: HistoryPoint[];
  /** Each rule the target has been judged by, oldest first: who set it (null: the published rule), and from when. */
  rules: CriterionRule[];
};

export type CriterionRule = {
  version: number;
  comparator: Comparator;
  target: number;
  windowDays: number;
  minSamples: number;
  validFrom: string;
  setBy: string | null;
};

type Row = { evaluatedAt: Date; status: CriterionStatus; measured: number | null; samples: number | null };

/** Every bucket of the range with the last evaluation stored in it; a bucket without one is a gap. */
export function historyPoints(
  rows: readonly Row[],
  range: Pick<TimeRange, "from" | "to" | "bucket">,
): HistoryPoint[] {
  const size = range.bucket === "hour" ? 3_600_000 : 86_400_000;
  const byStart = new Map(rows.map((row) => [Math.floor(row.evaluatedAt.getTime() / size) * size, row]));
  return bucketStarts(range).map((start) => {
    const row = byStart.get(start);
    return {
      start: new Date(start).toISOString(),
      status: row?.status ?? null,
      measured: row?.measured ?? null,
      samples: row?.samples ?? null,
      evaluatedAt: row ? row.evaluatedAt.toISOString() : null,
    };
  });
}

export const HISTORY_CSV_COLUMNS = [
  "bucketStart",
  "evaluatedAt",
  "status",
  "measured",
  "samples",
  "target",
  "unit",
];

export const historyCsvRows = (view: CriterionHistoryView) =>
  view.points.map((point) => ({ bucketStart: point.start, ...point, target: view.target, unit: view.unit }));
