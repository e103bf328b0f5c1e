import type { ChartAnnotation } from "@/lib/charts/annotations";
import type { TimeRange } from "@/lib/charts/range";
import type { Comparator, CriterionStatus } from "@/lib/roadmap/vocabulary";
import type { LatencyPoint } from "./series";

export type LatencyOperation = {
  key: string;
  title: string;
  comparator: Comparator;
  target: number;
  baseline: number | null;
  baselineLabel: string | null;
  /** The network the criterion is judged on, and its latest verdict there. */
  judgedOn: string;
  status: CriterionStatus | null;
  measured: number | null;
  windowDays: number;
  points: LatencyPoint[];
  overall: Omit<LatencyPoint, "start">;
  summaryResults: number;
};

/** Everything /latency and /api/v1/latency show: plain JSON, so the page can refresh it live. */
export type LatencyView = {
  network: string;
  asOf: string;
  range: { preset: TimeRange["preset"]; from: string; to: string; bucket: TimeRange["bucket"] };
  region: string | null;
  sdk: string | null;
  options: { regions: string[]; sdks: string[] };
  operations: LatencyOperation[];
  /** The whole network's incidents and maintenance windows in the range: every chart marks them. */
  annotations: ChartAnnotation[];
};

export const LATENCY_CSV_COLUMNS = ["operation", "bucketStart", "samples", "p50Ms", "p95Ms", "p99Ms"];

/** The chart's data as CSV rows: one per operation and bucket, empty percentiles where no samples. */
export const latencyCsvRows = (view: LatencyView, operation?: string) =>
  view.operations
    .filter((op) => !operation || op.key === operation)
    .flatMap((op) => op.points.map((point) => ({ operation: op.key, bucketStart: point.start, ...point })));

/** A bucket as the table and tooltip name it: "2026-12-01", or "12-01 14:00" for an hour (UTC). */
export const bucketLabel = (iso: string, bucket: "hour" | "day") =>
  bucket === "hour" ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
