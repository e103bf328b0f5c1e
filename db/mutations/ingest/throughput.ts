import { eq } from "drizzle-orm";
import type { ThroughputRun } from "@/lib/ingest/schemas";
import type { Db, Tx } from "../../client";
import { throughputRuns } from "../../schema";
import { storeRunOnce } from "./runs";

const columns = {
  runId: throughputRuns.runId,
  network: throughputRuns.network,
  kind: throughputRuns.kind,
  nodes: throughputRuns.nodes,
  startedAt: throughputRuns.startedAt,
  durationS: throughputRuns.durationS,
  messages: throughputRuns.messages,
  errors: throughputRuns.errors,
  peakRps: throughputRuns.peakRps,
  errorPct: throughputRuns.errorPct,
};

export async function storeThroughputRun(
  db: Db,
  run: ThroughputRun,
  meta: { hash: string; tokenId: number },
) {
  const load = async (tx: Tx, id: number) =>
    (await tx.select(columns).from(throughputRuns).where(eq(throughputRuns.id, id)))[0];
  return storeRunOnce(
    db,
    throughputRuns,
    { runId: run.runId, hash: meta.hash },
    async (tx) => {
      const [stored] = await tx
        .insert(throughputRuns)
        .values({
          ...run,
          nodes: run.nodes ?? null,
          durationS: run.durationS ?? null,
          startedAt: new Date(run.startedAt),
          bodyHash: meta.hash,
          tokenId: meta.tokenId,
        })
        .returning({ id: throughputRuns.id });
      return load(tx, Number(stored?.id));
    },
    load,
  );
}
