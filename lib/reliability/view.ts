import type { ChartAnnotation } from "@/lib/charts/annotations";
import type { TimeRange } from "@/lib/charts/range";
import type { Comparator, CriterionStatus } from "@/lib/roadmap/vocabulary";
import { lagsOf, type NodeCursor } from "@/lib/uptime/replication";

/** A reliability target's latest verdict, as its chart's caption names it. */
export type ReliabilityCriterion = {
  key: string;
  title: string;
  comparator: Comparator;
  target: number;
  unit: string;
  judgedOn: string;
  status: CriterionStatus | null;
  measured: number | null;
  windowDays: number;
};

/** Availability in percent, floored to 4 decimals: 99.98999…% never reads as a passing 99.99%. */
export type AvailabilityDay = {
  day: string;
  availabilityPct: number | null;
  measuredMinutes: number;
  downMinutes: number;
  /** Measured minutes of the minutes the day had (up to now for today), floored. */
  coveragePct: number;
  /** Today: still running, so its figures are of the minutes so far. */
  partial: boolean;
};

export type NodeAvailabilitySeries = {
  nodeId: number;
  name: string | null;
  /** Over every day of the range. */
  availabilityPct: number | null;
  downMinutes: number;
  /** Measured minutes of every minute the range's days had up to now. */
  coveragePct: number;
  /** The node with the lowest availability over the range. */
  worst: boolean;
  /** Per day of the view's `days`, by position: columns, not a row object per day (a tenth the bytes). */
  daily: { availabilityPct: (number | null)[]; measuredMinutes: number[]; downMinutes: number[] };
};

const DAY_MINUTES = 24 * 60;

/** A node's days as rows: the table's and the CSV's view of its columns. */
export const dayRowsOf = (
  node: NodeAvailabilitySeries,
  days: readonly string[],
  dayMinutes: readonly number[],
): AvailabilityDay[] =>
  days.map((day, i) => {
    const measuredMinutes = node.daily.measuredMinutes[i] ?? 0;
    const minutes = dayMinutes[i] ?? DAY_MINUTES;
    return {
      day,
      availabilityPct: node.daily.availabilityPct[i] ?? null,
      measuredMinutes,
      downMinutes: node.daily.downMinutes[i] ?? 0,
      coveragePct: minutes > 0 ? Math.min(100, floorPct(measuredMinutes, minutes, 2)) : 0,
      partial: minutes < DAY_MINUTES,
    };
  });

/** How many minutes each UTC day (YYYY-MM-DD) has had by `now`: 1,440, fewer today, 0 after. */
export const minutesOfDays = (days: readonly string[], now: Date): number[] =>
  days.map((day) => {
    const elapsed = (now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 60_000;
    return Math.max(0, Math.min(DAY_MINUTES, Math.floor(elapsed)));
  });

export type ForkDay = {
  day: string;
  runs: number;
  groupsChecked: number;
  forkedGroups: number;
  /** Null on a day without checks: a gap, never a healthy 0%. */
  forkRatePct: number | null;
};

export type FailedCase = { name: string; message: string | null };

export type IntegrationRunPoint = {
  runId: string;
  startedAt: string;
  passed: number;
  failed: number;
  skipped: number;
  passRatePct: number | null;
  /** Among the runs the verdict reads (the suite's latest). */
  judged: boolean;
  /** The first failed cases the runner sent, and how many it sent in all. */
  failedCases: FailedCase[];
  failedCasesTotal: number;
};

export type IntegrationSuite = { sdk: string; suite: string; runs: IntegrationRunPoint[] };

/** Each registry node's lag (sequence ids behind the furthest node, as a decimal string) per bucket. */
/** One bucket's lags, in the order of the view's `nodeIds`: null where a node has none. */
export type ReplicationPoint = { start: string; lags: (string | null)[] };

/** Everything /reliability and /api/v1/reliability show. */
export type ReliabilityView = {
  network: string;
  asOf: string;
  range: { preset: TimeRange["preset"]; from: string; to: string; bucket: TimeRange["bucket"] };
  days: string[];
  /** The incidents and maintenance windows of the range, on the network or a canonical node. */
  annotations: ChartAnnotation[];
  availability: {
    criterion: ReliabilityCriterion | null;
    /** The minutes each of `days` had up to now (1,440 but for today). */
    dayMinutes: number[];
    nodes: NodeAvailabilitySeries[];
  };
  forks: { criterion: ReliabilityCriterion | null; days: ForkDay[] };
  integration: { criterion: ReliabilityCriterion | null; lastRuns: number; suites: IntegrationSuite[] };
  replication: {
    bucket: TimeRange["bucket"];
    /** How long this bucket's cursors are kept; null: for good. */
    keptDays: number | null;
    nodeIds: number[];
    points: ReplicationPoint[];
  };
};

export const RELIABILITY_CHARTS = ["availability", "forks", "integration", "replication"] as const;
export type ReliabilityChart = (typeof RELIABILITY_CHARTS)[number];

// From whole counts, so no float error (7.000000000000001) rounds a figure past its boundary.
const floorPct = (part: number, whole: number, digits = 4) =>
  Math.floor((part * 100 * 10 ** digits) / whole) / 10 ** digits;
const ceilPct = (part: number, whole: number, digits = 4) =>
  Math.ceil((part * 100 * 10 ** digits) / whole) / 10 ** digits;

type DayRollup = { nodeId: number; day: string; up: number; degraded: number; down: number };
type CanonicalNode = { nodeId: number; name: string | null };

/** Each canonical node's availability per UTC day of the range and over it; the worst node marked. */
export function availabilitySeries(
  nodes: readonly CanonicalNode[],
  rows: readonly DayRollup[],
  days: readonly string[],
  dayMinutes: readonly number[],
): NodeAvailabilitySeries[] {
  const rangeMinutes = dayMinutes.reduce((sum, minutes) => sum + minutes, 0);
  const byKey = new Map(rows.map((row) => [`${row.nodeId} ${row.day}`, row]));
  const series = nodes.map((node) => {
    let up = 0;
    let down = 0;
    const perDay = days.map((day) => {
      const row = byKey.get(`${node.nodeId} ${day}`);
      const dayUp = row ? row.up + row.degraded : 0;
      const dayDown = row?.down ?? 0;
      up += dayUp;
      down += dayDown;
      const measured = dayUp + dayDown;
      return {
        availabilityPct: measured > 0 ? floorPct(dayUp, measured) : null,
        measuredMinutes: measured,
        downMinutes: dayDown,
      };
    });
    const availabilityPct = up + down > 0 ? floorPct(up, up + down) : null;
    return {
      nodeId: node.nodeId,
      name: node.name,
      availabilityPct,
      downMinutes: down,
      coveragePct: rangeMinutes > 0 ? Math.min(100, floorPct(up + down, rangeMinutes, 2)) : 0,
      worst: false,
      daily: {
        availabilityPct: perDay.map((day) => day.availabilityPct),
        measuredMinutes: perDay.map((day) => day.measuredMinutes),
        downMinutes: perDay.map((day) => day.downMinutes),
      },
    };
  });
  const worst = series.reduce<NodeAvailabilitySeries | null>(
    (low, node) =>
      node.availabilityPct !== null &&
      (low === null || node.availabilityPct < (low.availabilityPct as number))
        ? node
        : low,
    null,
  );
  return series.map((node) => ({ ...node, worst: node === worst }));
}

type ForkRow = { day: string; runs: number; groupsChecked: number; forkedGroups: number };

/** Fork checks per UTC day of the range, every day listed: a day without checks has no rate. */
export function forkSeries(rows: readonly ForkRow[], days: readonly string[]): ForkDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => {
    const row = byDay.get(day) ?? { runs: 0, groupsChecked: 0, forkedGroups: 0 };
    // Rounded up: one forked group in ten million still reads as above the 0% target.
    const forkRatePct = row.groupsChecked > 0 ? ceilPct(row.forkedGroups, row.groupsChecked) : null;
    return {
      day,
      runs: row.runs,
      groupsChecked: row.groupsChecked,
      forkedGroups: row.forkedGroups,
      forkRatePct,
    };
  });
}

type IntegrationRow = {
  id: number;
  runId: string;
  sdk: string;
  suite: string;
  startedAt: Date;
  passed: number;
  failed: number;
  skipped: number;
};
type CaseRow = { runId: number; name: string; message: string | null; total: number };

const runKey = (suite: string, runId: string) => JSON.stringify([suite, runId]);

/**
 * The runs a verdict read, from its evidence (`suites: [{ suite: "sdk · suite", runIds }]`): its own
 * window, network and SDK list, not a guess from the page's range.
 */
export function judgedRunsOf(evidence: Record<string, unknown> | undefined): Set<string> {
  const suites = Array.isArray(evidence?.suites) ? evidence.suites : [];
  return new Set(
    suites.flatMap((one: { suite?: unknown; runIds?: unknown }) =>
      typeof one?.suite === "string" && Array.isArray(one.runIds)
        ? one.runIds.filter((id) => typeof id === "string").map((id) => runKey(one.suite as string, id))
        : [],
    ),
  );
}

/** Each SDK suite's runs, oldest first, those the verdict read (`judgedRunsOf`) marked. */
export function integrationSuites(
  runs: readonly IntegrationRow[],
  cases: readonly CaseRow[],
  judgedRuns: ReadonlySet<string>,
): IntegrationSuite[] {
  const casesOf = new Map<number, CaseRow[]>();
  for (const row of cases) casesOf.set(row.runId, [...(casesOf.get(row.runId) ?? []), row]);
  const suites = new Map<string, IntegrationSuite>();
  const newestFirst = [...runs].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.id - a.id);
  for (const run of newestFirst) {
    const key = JSON.stringify([run.sdk, run.suite]);
    const suite = suites.get(key) ?? { sdk: run.sdk, suite: run.suite, runs: [] };
    const failedCases = casesOf.get(run.id) ?? [];
    const total = run.passed + run.failed;
    suite.runs.push({
      runId: run.runId,
      startedAt: run.startedAt.toISOString(),
      passed: run.passed,
      failed: run.failed,
      skipped: run.skipped,
      // Rounded down: 9,999 of 10,000 never reads as the 100% target.
      passRatePct: total > 0 ? floorPct(run.passed, total, 2) : null,
      judged: judgedRuns.has(runKey(`${run.sdk} · ${run.suite}`, run.runId)),
      failedCases: failedCases.map(({ name, message }) => ({ name, message })),
      failedCasesTotal: failedCases[0]?.total ?? 0,
    });
    suites.set(key, suite);
  }
  return [...suites.values()]
    .map((suite) => ({ ...suite, runs: suite.runs.reverse() }))
    .sort((a, b) => a.sdk.localeCompare(b.sdk) || a.suite.localeCompare(b.suite));
}

/**
 * Each node's lag per bucket, from the last cursor each node reported in it: how far behind the
 * furthest node of that bucket it was. Only cursors read within `roundMs` of the bucket's newest are
 * compared: a node that stopped answering early in the bucket is a gap there, not a lag measured
 * against cursors read long after its own. A node that reported nothing in a bucket has no lag there.
 */
export function replicationSeries(
  rows: readonly (NodeCursor & { start: number })[],
  starts: readonly number[],
  nodeIds: readonly number[],
  roundMs: number,
): ReplicationPoint[] {
  const byStart = new Map<number, NodeCursor[]>();
  for (const row of rows) {
    const bucket = byStart.get(row.start);
    if (bucket) bucket.push(row);
    else byStart.set(row.start, [row]);
  }
  return starts.map((start) => {
    const read = byStart.get(start) ?? [];
    const newest = Math.max(...read.map((row) => row.at.getTime()));
    const lags = lagsOf(read.filter((row) => row.at.getTime() >= newest - roundMs));
    return { start: new Date(start).toISOString(), lags: nodeIds.map((id) => lags.get(id) ?? null) };
  });
}

export const RELIABILITY_CSV_COLUMNS: Record<ReliabilityChart, string[]> = {
  availability: [
    "nodeId",
    "name",
    "day",
    "availabilityPct",
    "measuredMinutes",
    "downMinutes",
    "coveragePct",
    "partial",
    "worst",
  ],
  forks: ["day", "runs", "groupsChecked", "forkedGroups", "forkRatePct"],
  integration: [
    "sdk",
    "suite",
    "runId",
    "startedAt",
    "passed",
    "failed",
    "skipped",
    "passRatePct",
    "judged",
    "failedCasesTotal",
  ],
  replication: ["bucketStart", "nodeId", "lag"],
};

/** One chart's data as CSV rows, in the columns `RELIABILITY_CSV_COLUMNS` names. */
export function reliabilityCsvRows(
  view: ReliabilityView,
  chart: ReliabilityChart,
): Record<string, unknown>[] {
  if (chart === "availability")
    return view.availability.nodes.flatMap((node) =>
      dayRowsOf(node, view.days, view.availability.dayMinutes).map((day) => ({
        nodeId: node.nodeId,
        name: node.name,
        worst: node.worst,
        ...day,
      })),
    );
  if (chart === "forks") return view.forks.days;
  if (chart === "integration")
    return view.integration.suites.flatMap(({ sdk, suite, runs }) =>
      runs.map(({ failedCases: _cases, ...run }) => ({ sdk, suite, ...run })),
    );
  return view.replication.points.flatMap((point) =>
    view.replication.nodeIds.map((nodeId, i) => ({
      bucketStart: point.start,
      nodeId,
      lag: point.lags[i] ?? null,
    })),
  );
}
