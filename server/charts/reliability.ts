import type { Db } from "@/db/client";
import { criterionSpecs } from "@/db/queries/criteria";
import { loadCriterionInput } from "@/db/queries/criteria-inputs";
import { getChartAnnotations } from "@/db/queries/incidents";
import { getRegistryNodes } from "@/db/queries/nodes";
import {
  getCanonicalDayRollups,
  getCursorBuckets,
  getForkDays,
  getIntegrationRuns,
} from "@/db/queries/reliability";
import { getCriteria } from "@/db/queries/roadmap";
import { bucketStarts, type TimeRange } from "@/lib/charts/range";
import {
  availabilitySeries,
  forkSeries,
  integrationSuites,
  judgedRunsOf,
  minutesOfDays,
  type ReliabilityCriterion,
  type ReliabilityView,
  replicationSeries,
} from "@/lib/reliability/view";
import { type CriterionSpec, criterionWindow } from "@/lib/roadmap/criteria";
import { evaluateCriterion } from "@/lib/roadmap/evaluate";
import { DAY_MS } from "@/lib/time";

/** Runs drawn per SDK suite, and failed cases listed per failing run. */
export const SUITE_RUNS = 20;
export const CASES_PER_RUN = 50;

/**
 * The evidence of the criterion judged now: which runs its verdict reads, by its own window, network
 * and SDK list. Not the stored evaluation's, which is rewritten only on a change or hourly.
 */
async function judgedNow(db: Db, spec: CriterionSpec, now: Date) {
  const window = criterionWindow(spec, now);
  return evaluateCriterion(spec, await loadCriterionInput(db, spec, window, now), now, window).evidence;
}

type Options = {
  network: string;
  range: TimeRange;
  now: Date;
  /** How long hourly cursors are kept (daily ones stay). */
  hourDays: number;
  /** Cursors read within two probe intervals of each other count as read at one moment. */
  probeIntervalS: number;
};

/** Availability, fork rate, integration runs and replication lag over a range on one network. */
export async function reliabilityView(
  db: Db,
  { network, range, now, hourDays, probeIntervalS }: Options,
): Promise<ReliabilityView> {
  const span = { network, from: range.from, to: range.to };
  const keptDays = range.bucket === "hour" ? hourDays : null;
  const keptSince = new Date(keptDays === null ? 0 : now.getTime() - keptDays * DAY_MS);
  // The target judged on this network when there is one; else the one judged elsewhere, named so.
  const pick = <T extends { kind: string; network: string }>(list: T[], kind: string) =>
    list.find((one) => one.kind === kind && one.network === network) ?? list.find((one) => one.kind === kind);
  const specsRead = criterionSpecs(db);
  // Read beside the rest, not after it: which runs the integration verdict reads now.
  const judgedRead = specsRead.then((specs) => {
    const spec = pick(specs, "integration_pass");
    return spec?.network === network ? judgedNow(db, spec, now) : undefined;
  });
  const [rows, specs, evidence, registry, dayRows, forkRows, integration, cursors, annotations] =
    await Promise.all([
      getCriteria(db),
      specsRead,
      judgedRead,
      getRegistryNodes(db, { network }),
      getCanonicalDayRollups(db, span),
      getForkDays(db, span),
      getIntegrationRuns(db, { ...span, perSuite: SUITE_RUNS, casesPerRun: CASES_PER_RUN }),
      getCursorBuckets(db, { ...span, bucket: range.bucket }),
      getChartAnnotations(db, span),
    ]);
  const criterion = (kind: string): ReliabilityCriterion | null => {
    const row = pick(rows, kind);
    return row
      ? {
          key: row.key,
          title: row.title,
          comparator: row.comparator,
          target: row.target,
          unit: row.unit,
          judgedOn: row.network,
          status: row.status,
          measured: row.measured,
          windowDays: row.windowDays,
        }
      : null;
  };
  const integrationCriterion = criterion("integration_pass");
  const integrationSpec = specs.find((spec) => spec.key === integrationCriterion?.key);
  const lastRuns = Number(integrationSpec?.params.lastRuns ?? 5);
  const judgedRuns = judgedRunsOf(evidence);
  const canonical = registry.nodes.filter((node) => node.isCanonical && node.inRegistry);
  const listed = registry.nodes.filter((node) => node.inRegistry).map((node) => node.nodeId);
  const days = bucketStarts({ ...range, bucket: "day" }).map((start) =>
    new Date(start).toISOString().slice(0, 10),
  );
  const dayMinutes = minutesOfDays(days, now);
  return {
    network,
    asOf: now.toISOString(),
    range: {
      preset: range.preset,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bucket: range.bucket,
    },
    days,
    annotations: annotations.filter(
      (one) => one.nodeIds.length === 0 || canonical.some((node) => one.nodeIds.includes(node.nodeId)),
    ),
    availability: {
      criterion: criterion("node_reliability"),
      dayMinutes,
      nodes: availabilitySeries(
        canonical.map((node) => ({ nodeId: node.nodeId, name: node.name })),
        dayRows,
        days,
        dayMinutes,
      ),
    },
    forks: { criterion: criterion("fork_rate"), days: forkSeries(forkRows, days) },
    integration: {
      criterion: integrationCriterion,
      lastRuns,
      suites: integrationSuites(integration.runs, integration.cases, judgedRuns),
    },
    replication: {
      bucket: range.bucket,
      keptDays,
      nodeIds: listed,
      // Buckets before the snapshots kept would be empty for want of data, not of replication.
      points: replicationSeries(
        cursors,
        bucketStarts({ ...range, from: new Date(Math.max(range.from.getTime(), keptSince.getTime())) }),
        listed,
        2 * probeIntervalS * 1000,
      ),
    },
  };
}
