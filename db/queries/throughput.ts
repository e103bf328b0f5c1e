import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { ThroughputRun } from "@/lib/throughput/view";
import type { Db } from "../client";
import { throughputRuns } from "../schema";

/** A network's throughput runs started in [from, to), oldest first. */
export async function getThroughputRuns(
  db: Db,
  { network, from, to }: { network: string; from: Date; to: Date },
): Promise<ThroughputRun[]> {
  return db
    .select({
      runId: throughputRuns.runId,
      kind: throughputRuns.kind,
      startedAt: throughputRuns.startedAt,
      nodes: throughputRuns.nodes,
      durationS: throughputRuns.durationS,
      messages: throughputRuns.messages,
      errors: throughputRuns.errors,
      peakRps: throughputRuns.peakRps,
    })
    .from(throughputRuns)
    .where(
      and(
        eq(throughputRuns.network, network),
        gte(throughputRuns.startedAt, from),
        lt(throughputRuns.startedAt, to),
      ),
    )
    .orderBy(asc(throughputRuns.startedAt), asc(throughputRuns.id));
}
