import { IngestError, type Issue } from "@/lib/ingest/errors";
import type { StoreMeta } from "@/lib/ingest/handler";
import type { ProbeBatch } from "@/lib/ingest/schemas";
import type { Db } from "../../client";
import { insertProbes, knownNodeIds } from "../probes";

const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A remote prober's batch, all or nothing: every probe must name a node the registry knows on that
 * network and a time inside raw-probe retention and not in the future, or the answer is a 400
 * `refused_probes` naming each (the first 100) by index, which a prober drops before re-sending the
 * rest. An accepted batch is stored in one transaction, skipping probes already stored.
 */
export async function storeProbeBatch(db: Db, batch: ProbeBatch, meta: StoreMeta) {
  const now = meta.receivedAt.getTime();
  const oldest = now - meta.env.RETENTION_PROBES_DAYS * 86_400_000;
  return db.transaction(async (tx) => {
    const known = await knownNodeIds(
      tx,
      batch.network,
      batch.probes.map((probe) => probe.nodeId),
    );
    const issues: Issue[] = [];
    batch.probes.forEach((probe, index) => {
      if (!known.has(probe.nodeId))
        issues.push({
          path: `probes.${index}.nodeId`,
          message: `node ${probe.nodeId} is not in the ${batch.network} registry`,
        });
      const at = Date.parse(probe.at);
      if (at > now + MAX_CLOCK_SKEW_MS)
        issues.push({ path: `probes.${index}.at`, message: "is in the future (more than 5 minutes ahead)" });
      else if (at < oldest)
        issues.push({
          path: `probes.${index}.at`,
          message: `is older than raw-probe retention (${meta.env.RETENTION_PROBES_DAYS} days)`,
        });
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
