import { IngestError } from "@/lib/ingest/errors";
import { probeBatchIssues } from "@/lib/ingest/probe-batch";
import type { ProbeBatch } from "@/lib/ingest/schemas";
import type { StoreMeta } from "@/lib/ingest/store-meta";
import type { Db } from "../../client";
import { insertProbes, knownNodeIds } from "../probes";

/**
 * A remote prober's batch, all or nothing: any probe `probeBatchIssues` refuses makes the answer a
 * 400 `refused_probes` naming each (the first 100) by index, which a prober drops before re-sending
 * the rest. An accepted batch is stored in one transaction, skipping probes already stored.
 */
export async function storeProbeBatch(db: Db, batch: ProbeBatch, meta: StoreMeta) {
  return db.transaction(async (tx) => {
    const known = await knownNodeIds(
      tx,
      batch.network,
      batch.probes.map((probe) => probe.nodeId),
    );
    const issues = probeBatchIssues(batch, {
      known,
      now: meta.receivedAt,
      retentionDays: meta.env.RETENTION_PROBES_DAYS,
    });
    if (issues.length > 0)
      throw new IngestError(
        400,
        "refused_probes",
        `${issues.length} of ${batch.probes.length} probes were refused; none were stored`,
        issues.slice(0, 100),
      );
    const stored = await insertProbes(
      tx,
      { network: batch.network, region: batch.region, source: "remote" },
      batch.probes.map((probe) => ({ ...probe, at: new Date(probe.at) })),
    );
    const record = {
      network: batch.network,
      region: batch.region,
      received: batch.probes.length,
      stored,
      duplicates: batch.probes.length - stored,
    };
    return { status: stored > 0 ? (201 as const) : (200 as const), record };
  });
}
