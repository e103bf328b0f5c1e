import { asc, count, desc, isNull, max } from "drizzle-orm";
import type { Db } from "../client";
import { benchmarkResults, operationMappings } from "../schema";

/** The QA operation map, and the operations stored results name that it maps to nothing (latest first). */
export async function getOperationMap(db: Db, { unmappedLimit = 50 } = {}) {
  const lastSeen = max(benchmarkResults.startedAt);
  const [mappings, unmapped] = await Promise.all([
    db
      .select({
        pattern: operationMappings.pattern,
        metricKey: operationMappings.metricKey,
        note: operationMappings.note,
      })
      .from(operationMappings)
      .orderBy(asc(operationMappings.pattern)),
    db
      .select({ operation: benchmarkResults.operation, results: count(), lastSeen })
      .from(benchmarkResults)
      .where(isNull(benchmarkResults.metricKey))
      .groupBy(benchmarkResults.operation)
      .orderBy(desc(lastSeen), asc(benchmarkResults.operation))
      .limit(unmappedLimit),
  ]);
  return { mappings, unmapped: unmapped.map((row) => ({ ...row, lastSeen: row.lastSeen as Date })) };
}
