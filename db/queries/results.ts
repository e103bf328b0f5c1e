import { and, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { type Histogram, histogramCount, mergeHistograms, quantile } from "@/lib/metrics/histogram";
import type { Db } from "../client";
import { benchmarkResults, forkChecks, integrationTestRuns, throughputRuns } from "../schema";

type Window = { network: string; from: Date; to: Date };

const percentiles = (histogram: Histogram) => ({
  samples: histogramCount(histogram),
  p50Ms: quantile(histogram, 0.5),
  p90Ms: quantile(histogram, 0.9),
  p95Ms: quantile(histogram, 0.95),
  p99Ms: quantile(histogram, 0.99),
});

/**
 * Latency percentiles per roadmap operation (and per region or SDK) over a window, from the merged
 * histograms of raw durations: never averages of percentiles. Results sent only as summaries are
 * counted beside, with their worst p95, since they cannot be merged.
 */
export async function getLatencyPercentiles(
  db: Db,
  { network, from, to, by }: Window & { by?: "region" | "sdk" },
) {
  const rows = await db
    .select({
      metricKey: benchmarkResults.metricKey,
      region: benchmarkResults.region,
      sdk: benchmarkResults.sdk,
      histogram: benchmarkResults.histogram,
      p95Ms: benchmarkResults.p95Ms,
    })
    .from(benchmarkResults)
    .where(
      and(
        eq(benchmarkResults.network, network),
        isNotNull(benchmarkResults.metricKey),
        gte(benchmarkResults.startedAt, from),
        lt(benchmarkResults.startedAt, to),
      ),
    );
  const groups = new Map<
    string,
    { metricKey: string; group: string | null; histograms: Histogram[]; summaryP95s: number[] }
  >();
  for (const row of rows) {
    const group = by ? (row[by] ?? null) : null;
    const key = `${row.metricKey}\u0000${group}`;
    const entry = groups.get(key) ?? {
      metricKey: row.metricKey as string,
      group,
      histograms: [],
      summaryP95s: [],
    };
    if (row.histogram) entry.histograms.push(row.histogram);
    else if (row.p95Ms !== null) entry.summaryP95s.push(row.p95Ms);
    groups.set(key, entry);
  }
  return [...groups.values()]
    .map((entry) => ({
      metricKey: entry.metricKey,
      region: by === "region" ? entry.group : null,
      sdk: by === "sdk" ? entry.group : null,
      ...percentiles(mergeHistograms(entry.histograms)),
      summaryResults: entry.summaryP95s.length,
      worstSummaryP95Ms: entry.summaryP95s.length
        ? entry.summaryP95s.reduce((worst, p95) => Math.max(worst, p95))
        : null,
    }))
    .sort((a, b) => a.metricKey.localeCompare(b.metricKey));
}

/** Per SDK and suite: the last N runs, their pass rate, and whether every one of them passed entirely. */
export async function getIntegrationPassRates(
  db: Db,
  { network, lastRuns = 5 }: { network: string; lastRuns?: number },
) {
  const ranked = db
    .select({
      sdk: integrationTestRuns.sdk,
      suite: integrationTestRuns.suite,
      passed: integrationTestRuns.passed,
      failed: integrationTestRuns.failed,
      rank: sql<number>`row_number() over (partition by ${integrationTestRuns.sdk}, ${integrationTestRuns.suite} order by ${integrationTestRuns.startedAt} desc)`.as(
        "rank",
      ),
    })
    .from(integrationTestRuns)
    .where(eq(integrationTestRuns.network, network))
    .as("ranked");
  const rows = await db
    .select({
      sdk: ranked.sdk,
      suite: ranked.suite,
      runs: sql<number>`count(*)::int`,
      passed: sql<number>`sum(${ranked.passed})::int`,
      failed: sql<number>`sum(${ranked.failed})::int`,
      runsAllPassing: sql<number>`count(*) filter (where ${ranked.failed} = 0 and ${ranked.passed} > 0)::int`,
    })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${lastRuns}`)
    .groupBy(ranked.sdk, ranked.suite)
    .orderBy(ranked.sdk, ranked.suite);
  return rows.map((row) => ({
    ...row,
    passRatePct: row.passed + row.failed === 0 ? null : (row.passed / (row.passed + row.failed)) * 100,
    allPassing: row.runs === lastRuns && row.runsAllPassing === lastRuns,
  }));
}

/** Forked groups over groups checked in a window, with the counts behind the rate. */
export async function getForkRate(db: Db, { network, from, to }: Window) {
  const [row] = await db
    .select({
      runs: sql<number>`count(*)::int`,
      groupsChecked: sql<number>`coalesce(sum(${forkChecks.groupsChecked}), 0)::int`,
      forkedGroups: sql<number>`coalesce(sum(${forkChecks.forkedGroups}), 0)::int`,
    })
    .from(forkChecks)
    .where(
      and(eq(forkChecks.network, network), gte(forkChecks.startedAt, from), lt(forkChecks.startedAt, to)),
    );
  const checked = row?.groupsChecked ?? 0;
  return {
    runs: row?.runs ?? 0,
    groupsChecked: checked,
    forkedGroups: row?.forkedGroups ?? 0,
    forkRatePct: checked === 0 ? null : ((row?.forkedGroups ?? 0) / checked) * 100,
  };
}

/**
 * The best run of each throughput kind in a window: bursts by messages a second (the peak step rate
 * when the load tester gave one), sustained runs by messages a day, with their node counts.
 */
export async function getBestThroughput(db: Db, { network, from, to }: Window) {
  const rows = await db
    .select()
    .from(throughputRuns)
    .where(
      and(
        eq(throughputRuns.network, network),
        gte(throughputRuns.startedAt, from),
        lt(throughputRuns.startedAt, to),
      ),
    )
    .orderBy(desc(throughputRuns.startedAt));
  const rate = (run: (typeof rows)[number]) => {
    if (run.kind === "sustained_daily") return run.durationS ? (run.messages / run.durationS) * 86_400 : null;
    return run.peakRps ?? (run.durationS ? run.messages / run.durationS : null);
  };
  const best: Record<
    string,
    { runId: string; value: number; unit: string; nodes: number | null; startedAt: Date }
  > = {};
  for (const run of rows) {
    const value = rate(run);
    if (value === null) continue;
    if (!best[run.kind] || value > (best[run.kind]?.value ?? 0)) {
      best[run.kind] = {
        runId: run.runId,
        value,
        unit: run.kind === "sustained_daily" ? "msg/day" : "msg/s",
        nodes: run.nodes,
        startedAt: run.startedAt,
      };
    }
  }
  return best;
}
