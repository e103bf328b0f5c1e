import type { TimeRange } from "@/lib/charts/range";
import {
  burstRate,
  type SustainedRules,
  sustainedDisqualification,
  sustainedPerDay,
  type ThroughputRunInput,
} from "@/lib/roadmap/evaluators/throughput";
import type { Comparator, CriterionStatus } from "@/lib/roadmap/vocabulary";

/** One pushed throughput run as the charts show it: its rate against its target's unit. */
export type ThroughputPoint = {
  runId: string;
  startedAt: string;
  nodes: number | null;
  durationS: number | null;
  messages: number;
  errors: number;
  /** msg/s for a burst, msg/day for a sustained run; null when the run gave no way to know. */
  value: number | null;
  /** Why the run does not count toward the target (a sustained run on too few nodes, too short). */
  excluded: string | null;
};

export type ThroughputRun = ThroughputRunInput & { errors: number };

export type ThroughputTarget = {
  key: string;
  kind: string;
  title: string;
  comparator: Comparator;
  target: number;
  unit: string;
  judgedOn: string;
  status: CriterionStatus | null;
  measured: number | null;
  windowDays: number;
  rules: SustainedRules | null;
  runs: ThroughputPoint[];
};

/** Everything /throughput and /api/v1/throughput show. */
export type ThroughputView = {
  network: string;
  asOf: string;
  range: { preset: TimeRange["preset"]; from: string; to: string };
  targets: ThroughputTarget[];
};

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** A target's runs, oldest first, each rated as its evaluator rates it. */
export function throughputPoints(
  runs: readonly ThroughputRun[],
  kind: string,
  rules: SustainedRules | null,
): ThroughputPoint[] {
  return runs
    .filter((run) => run.kind === kind)
    .map((run) => ({
      runId: run.runId,
      startedAt: run.startedAt.toISOString(),
      nodes: run.nodes,
      durationS: run.durationS,
      messages: run.messages,
      errors: run.errors,
      value: rules ? round(sustainedPerDay(run), 0) : round(burstRate(run), 2),
      excluded: rules ? sustainedDisqualification(run, rules) : null,
    }));
}

export const THROUGHPUT_CSV_COLUMNS = [
  "target",
  "runId",
  "startedAt",
  "nodes",
  "durationS",
  "messages",
  "errors",
  "value",
  "unit",
  "excluded",
];

/** The charts' data as CSV rows: one per target and run. */
export const throughputCsvRows = (view: ThroughputView, target?: string) =>
  view.targets
    .filter((one) => !target || one.key === target)
    .flatMap((one) => one.runs.map((run) => ({ target: one.key, unit: one.unit, ...run })));
