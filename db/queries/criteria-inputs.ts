import { and, eq, gte, lt } from "drizzle-orm";
import type { CriterionSpec } from "@/lib/roadmap/criteria";
import type { CriterionInput } from "@/lib/roadmap/evaluate";
import type { TimeWindow } from "@/lib/time";
import type { Db } from "../client";
import {
  benchmarkResults,
  benchmarkRuns,
  forkChecks,
  integrationTestRuns,
  milestones,
  nodes,
  throughputRuns,
} from "../schema";
import { getLastRegistrySync } from "./network";
import { milestoneColumns } from "./roadmap";
import { availabilityByNode } from "./uptime";

/**
 * The data a criterion is judged on over a window, read from the stores the collectors fill. The
 * evaluation job judges it; the evidence API returns it as is, so anyone can recompute the figure.
 */
export async function loadCriterionInput(
  db: Db,
  spec: CriterionSpec,
  window: TimeWindow,
  now: Date,
): Promise<CriterionInput> {
  const network = spec.network;
  switch (spec.kind) {
    case "latency_p95": {
      const results = await db
        .select({
          runId: benchmarkRuns.runId,
          startedAt: benchmarkResults.startedAt,
          histogram: benchmarkResults.histogram,
          p95Ms: benchmarkResults.p95Ms,
        })
        .from(benchmarkResults)
        .innerJoin(benchmarkRuns, eq(benchmarkRuns.id, benchmarkResults.runId))
        .where(and(during(benchmarkResults, network, window), eq(benchmarkResults.metricKey, spec.metric)))
        .orderBy(benchmarkResults.startedAt, benchmarkResults.id);
      return { kind: "latency_p95", results };
    }
    case "throughput_burst":
    case "throughput_sustained_daily": {
      const runs = await db
        .select({
          runId: throughputRuns.runId,
          kind: throughputRuns.kind,
          startedAt: throughputRuns.startedAt,
          nodes: throughputRuns.nodes,
          durationS: throughputRuns.durationS,
          messages: throughputRuns.messages,
          peakRps: throughputRuns.peakRps,
        })
        .from(throughputRuns)
        .where(and(during(throughputRuns, network, window)))
        .orderBy(throughputRuns.startedAt, throughputRuns.id);
      return { kind: spec.kind, runs };
    }
    case "node_reliability": {
      const availability = await availabilityByNode(db, network, window, now);
      const canonical = await canonicalNodes(db, network);
      const ids = new Set(canonical.map((node) => node.nodeId));
      return {
        kind: "node_reliability",
        nodes: availability
          .filter((node) => ids.has(node.nodeId))
          .map(({ nodeId, up, degraded, down, maintenance, windowMinutes }) => ({
            nodeId,
            up,
            degraded,
            down,
            maintenance,
            windowMinutes,
          })),
      };
    }
    case "fork_rate": {
      const runs = await db
        .select({
          runId: forkChecks.runId,
          startedAt: forkChecks.startedAt,
          groupsChecked: forkChecks.groupsChecked,
          forkedGroups: forkChecks.forkedGroups,
        })
        .from(forkChecks)
        .where(and(during(forkChecks, network, window)))
        .orderBy(forkChecks.startedAt, forkChecks.id);
      return { kind: "fork_rate", runs };
    }
    case "integration_pass": {
      const runs = await db
        .select({
          runId: integrationTestRuns.runId,
          sdk: integrationTestRuns.sdk,
          suite: integrationTestRuns.suite,
          startedAt: integrationTestRuns.startedAt,
          passed: integrationTestRuns.passed,
          failed: integrationTestRuns.failed,
        })
        .from(integrationTestRuns)
        .where(and(during(integrationTestRuns, network, window)))
        .orderBy(integrationTestRuns.startedAt, integrationTestRuns.id);
      return { kind: "integration_pass", runs };
    }
    case "independent_operators": {
      const [canonical, sync] = await Promise.all([
        canonicalNodes(db, network),
        getLastRegistrySync(db, { network }),
      ]);
      return {
        kind: "independent_operators",
        nodes: canonical,
        registryRead: sync !== null || canonical.length > 0,
      };
    }
    case "milestone": {
      const key = String(spec.params.milestone ?? "");
      const [row] = await db.select(milestoneColumns).from(milestones).where(eq(milestones.key, key));
      return { kind: "milestone", milestone: row ?? null };
    }
  }
}

type Dated = typeof benchmarkResults | typeof throughputRuns | typeof forkChecks | typeof integrationTestRuns;

/** Rows of a network started within [from, to). */
const during = (table: Dated, network: string, window: TimeWindow) =>
  and(eq(table.network, network), gte(table.startedAt, window.from), lt(table.startedAt, window.to));

async function canonicalNodes(db: Db, network: string) {
  const rows = await db
    .select({
      nodeId: nodes.nodeId,
      owner: nodes.owner,
      operatorName: nodes.operatorName,
      metadata: nodes.metadata,
    })
    .from(nodes)
    .where(and(eq(nodes.network, network), eq(nodes.isCanonical, true), eq(nodes.inRegistry, true)))
    .orderBy(nodes.nodeId);
  return rows.map((row) => ({
    nodeId: row.nodeId,
    owner: row.owner,
    operatorName: row.operatorName ?? row.metadata?.operator_name ?? null,
  }));
}
