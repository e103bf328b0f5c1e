import type { Db } from "@/db/client";
import { criterionSpecs } from "@/db/queries/criteria";
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
  type ReliabilityCriterion,
  type ReliabilityView,
  replicationSeries,
} from "@/lib/reliability/view";
import { DAY_MS } from "@/lib/time";

/** Runs drawn per SDK suite, and failed cases listed per failing run. */
export const SUITE_RUNS = 20;
export const CASES_PER_RUN = 50;

type Options = { network: string; range: TimeRange; now: Date; snapshotDays: number };

/** Availability, fork rate, integration runs and replication lag over a range on one network. */
export async function reliabilityView(
  db: Db,
  { network, range, now, snapshotDays }: Options,
): Promise<ReliabilityView> {
  const span = { network, from: range.from, to: range.to };
  const keptSince = new Date(now.getTime() - snapshotDays * DAY_MS);
  const [rows, specs, registry, dayRows, forkRows, integration, cursors] = await Promise.all([
    getCriteria(db),
    criterionSpecs(db),
    getRegistryNodes(db, { network }),
    getCanonicalDayRollups(db, span),
    getForkDays(db, span),
    getIntegrationRuns(db, { ...span, perSuite: SUITE_RUNS, casesPerRun: CASES_PER_RUN }),
    getCursorBuckets(db, { ...span, bucket: range.bucket, keptSince }),
  ]);
  const criterion = (kind: string): ReliabilityCriterion | null => {
    const row = rows.find((one) => one.kind === kind);
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
  const lastRuns = Number(specs.find((spec) => spec.kind === "integration_pass")?.params.lastRuns ?? 5);
  const canonical = registry.nodes.filter((node) => node.isCanonical && node.inRegistry);
  const listed = registry.nodes.filter((node) => node.inRegistry).map((node) => node.nodeId);
  const days = bucketStarts({ ...range, bucket: "day" }).map((start) =>
    new Date(start).toISOString().slice(0, 10),
  );
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
    availability: {
      criterion: criterion("node_reliability"),
      nodes: availabilitySeries(
        canonical.map((node) => ({ nodeId: node.nodeId, name: node.name })),
        dayRows,
        days,
      ),
    },
    forks: { criterion: criterion("fork_rate"), days: forkSeries(forkRows, days) },
    integration: {
      criterion: criterion("integration_pass"),
      lastRuns,
      suites: integrationSuites(integration.runs, integration.cases, lastRuns),
    },
    replication: {
      bucket: range.bucket,
      keptDays: snapshotDays,
      nodeIds: listed,
      // Buckets before the snapshots kept would be empty for want of data, not of replication.
      points: replicationSeries(
        cursors,
        bucketStarts({ ...range, from: new Date(Math.max(range.from.getTime(), keptSince.getTime())) }),
        listed,
      ),
    },
  };
}
