import { eq, sql } from "drizzle-orm";
import { mapOperation } from "@/lib/ingest/operations";
import type { BenchmarkRun } from "@/lib/ingest/schemas";
import { histogramOf, quantile } from "@/lib/metrics/histogram";
import type { Db } from "../../client";
import { benchmarkResults, benchmarkRuns, operationMappings } from "../../schema";
import { addToBenchmarkRollups } from "../benchmark-rollups";
import { chunks } from "../chunks";
import { latencyMetricKeys, OPERATION_MAP_LOCK } from "../operation-map";
import { storeRunOnce } from "./runs";

/** Stores a benchmark run with its results; raw durations become mergeable histograms. */
export async function storeBenchmarkRun(db: Db, run: BenchmarkRun, meta: { hash: string; tokenId: number }) {
  const measured = run.results.map((result) => {
    const histogram = result.durationsMs ? histogramOf(result.durationsMs) : null;
    const summary = result.summary;
    return {
      operation: result.operation,
      members: result.members ?? null,
      count: summary?.count ?? result.durationsMs?.length ?? 0,
      // Summaries are stored as given; raw durations give percentiles from their histogram.
      p50Ms: summary?.p50 ?? (histogram ? quantile(histogram, 0.5) : null),
      p95Ms: summary?.p95 ?? (histogram ? quantile(histogram, 0.95) : null),
      p99Ms: summary?.p99 ?? (histogram ? quantile(histogram, 0.99) : null),
      minMs:
        summary?.min ?? (result.durationsMs ? result.durationsMs.reduce((a, b) => Math.min(a, b)) : null),
      maxMs:
        summary?.max ?? (result.durationsMs ? result.durationsMs.reduce((a, b) => Math.max(a, b)) : null),
      meanMs:
        summary?.mean ??
        (result.durationsMs
          ? result.durationsMs.reduce((a, b) => a + b, 0) / result.durationsMs.length
          : null),
      histogram,
    };
  });
  const load = async (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], id: number) => {
    const [stored] = await tx.select().from(benchmarkRuns).where(eq(benchmarkRuns.id, id));
    const rows = await tx
      .select({
        operation: benchmarkResults.operation,
        metricKey: benchmarkResults.metricKey,
        count: benchmarkResults.count,
      })
      .from(benchmarkResults)
      .where(eq(benchmarkResults.runId, id));
    return {
      runId: stored?.runId,
      network: stored?.network,
      results: rows,
      unmapped: [...new Set(rows.filter((row) => !row.metricKey).map((row) => row.operation))],
    };
  };
  return storeRunOnce(
    db,
    benchmarkRuns,
    { runId: run.runId, hash: meta.hash },
    async (tx) => {
      // Mapped by the map as it is in this transaction: a map change waits for it, or it for the change.
      await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${OPERATION_MAP_LOCK}))`);
      const mappings = await tx.select().from(operationMappings);
      const roadmapKeys = await latencyMetricKeys(tx);
      const results = measured.map((result) => ({
        ...result,
        metricKey: mapOperation(result.operation, mappings, roadmapKeys),
      }));
      const unmapped = [
        ...new Set(results.filter((result) => !result.metricKey).map((result) => result.operation)),
      ];
      const [stored] = await tx
        .insert(benchmarkRuns)
        .values({
          runId: run.runId,
          network: run.network,
          source: run.source,
          region: run.region,
          sdk: run.sdk,
          sdkVersion: run.sdkVersion,
          commit: run.commit,
          startedAt: new Date(run.startedAt),
          finishedAt: run.finishedAt ? new Date(run.finishedAt) : null,
          bodyHash: meta.hash,
          tokenId: meta.tokenId,
        })
        .returning({ id: benchmarkRuns.id });
      const id = Number(stored?.id);
      for (const part of chunks(results))
        await tx.insert(benchmarkResults).values(
          part.map((result) => ({
            ...result,
            runId: id,
            network: run.network,
            startedAt: new Date(run.startedAt),
            region: run.region ?? null,
            sdk: run.sdk ?? null,
          })),
        );
      await addToBenchmarkRollups(
        tx,
        { network: run.network, startedAt: new Date(run.startedAt), region: run.region, sdk: run.sdk },
        results,
      );
      return { ...(await load(tx, id)), unmapped };
    },
    load,
  );
}
