import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { mapOperation } from "@/lib/ingest/operations";
import type { Db, Tx } from "../client";
import { benchmarkResults, benchmarkRollups, criteria, operationMappings } from "../schema";
import { audit, diff } from "./audit";
import { addToBenchmarkRollups } from "./benchmark-rollups";

/** Held exclusively by a map change, shared by each benchmark ingest: results are mapped by one map. */
export const OPERATION_MAP_LOCK = "operation-map";

export type MappingChange = { pattern: string; metricKey: string | null; note: string | null };

/** The roadmap keys a QA operation can map to: the latency targets' metrics. */
export async function latencyMetricKeys(db: Db | Tx): Promise<Set<string>> {
  const rows = await db
    .select({ metric: criteria.metric })
    .from(criteria)
    .where(eq(criteria.kind, "latency_p95"));
  return new Set(rows.map((row) => row.metric));
}

/**
 * Maps a QA operation pattern to a roadmap key (or, with `metricKey: null`, drops the mapping), audited,
 * and maps the stored results again by the new map: results it moves leave their old key's rollups and
 * join the new one's, in the same transaction. Returns which keys moved, for their targets to be judged again.
 */
export async function setOperationMapping(
  db: Db,
  change: MappingChange,
  { actor, at }: { actor: string; at: Date },
) {
  return db.transaction(async (tx) => {
    // One map change at a time, and no ingest between its reading the results and rebuilding their rollups.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${OPERATION_MAP_LOCK}))`);
    const [row] = await tx
      .select({ metricKey: operationMappings.metricKey, note: operationMappings.note })
      .from(operationMappings)
      .where(eq(operationMappings.pattern, change.pattern));
    const before = row ?? null;
    const after = change.metricKey === null ? null : { metricKey: change.metricKey, note: change.note };
    if (before?.metricKey === after?.metricKey && (before?.note ?? null) === (after?.note ?? null))
      return { changed: false, remapped: 0, metricKeys: [] as string[] };
    if (after)
      await tx
        .insert(operationMappings)
        .values({ pattern: change.pattern, ...after, updatedAt: at })
        .onConflictDoUpdate({ target: operationMappings.pattern, set: { ...after, updatedAt: at } });
    else await tx.delete(operationMappings).where(eq(operationMappings.pattern, change.pattern));
    const action = !after ? "operation.unmap" : before ? "operation.update" : "operation.map";
    const fields =
      before && after ? diff(before, after) : { before, after: after ?? { metricKey: null, note: null } };
    await audit(
      tx,
      { actor, at, action, entityType: "operation", entityKey: change.pattern, network: null },
      fields.before,
      fields.after,
    );
    return { changed: true, ...(await remapResults(tx)) };
  });
}

/** Every stored result mapped by the current map; the rollups of each key that gained or lost results rebuilt. */
async function remapResults(tx: Tx) {
  const mappings = await tx.select().from(operationMappings);
  const keys = await latencyMetricKeys(tx);
  const stored = await tx
    .selectDistinct({ operation: benchmarkResults.operation, metricKey: benchmarkResults.metricKey })
    .from(benchmarkResults);
  const moves = stored
    .map((row) => ({ ...row, next: mapOperation(row.operation, mappings, keys) }))
    .filter((row) => row.next !== row.metricKey);
  let remapped = 0;
  for (const move of moves) {
    const moved = await tx
      .update(benchmarkResults)
      .set({ metricKey: move.next })
      .where(
        and(
          eq(benchmarkResults.operation, move.operation),
          move.metricKey === null
            ? isNull(benchmarkResults.metricKey)
            : eq(benchmarkResults.metricKey, move.metricKey),
        ),
      )
      .returning({ id: benchmarkResults.id });
    remapped += moved.length;
  }
  const metricKeys = [
    ...new Set(moves.flatMap((move) => [move.metricKey, move.next]).filter((key) => key !== null)),
  ].sort();
  if (metricKeys.length === 0) return { remapped, metricKeys };
  await tx.delete(benchmarkRollups).where(inArray(benchmarkRollups.metricKey, metricKeys));
  const results = await tx
    .select({
      runId: benchmarkResults.runId,
      network: benchmarkResults.network,
      startedAt: benchmarkResults.startedAt,
      region: benchmarkResults.region,
      sdk: benchmarkResults.sdk,
      metricKey: benchmarkResults.metricKey,
      histogram: benchmarkResults.histogram,
    })
    .from(benchmarkResults)
    .where(inArray(benchmarkResults.metricKey, metricKeys))
    .orderBy(benchmarkResults.runId);
  const runs = new Map<number, typeof results>();
  for (const result of results) {
    const ofRun = runs.get(result.runId) ?? [];
    ofRun.push(result);
    runs.set(result.runId, ofRun);
  }
  for (const ofRun of runs.values())
    await addToBenchmarkRollups(tx, ofRun[0] as (typeof ofRun)[number], ofRun);
  return { remapped, metricKeys };
}
