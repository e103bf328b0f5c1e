import { eq } from "drizzle-orm";
import type { PartnerRunBody } from "@/lib/ingest/schemas";
import type { Db, Tx } from "../../client";
import { partnerRuns } from "../../schema";
import { storeRunOnce } from "./runs";

/** How many failed case names a run keeps for the partner page. */
const FAILED_CASES_KEPT = 20;

const columns = {
  runId: partnerRuns.runId,
  network: partnerRuns.network,
  suite: partnerRuns.suite,
  sdk: partnerRuns.sdk,
  sdkVersion: partnerRuns.sdkVersion,
  startedAt: partnerRuns.startedAt,
  passed: partnerRuns.passed,
  failed: partnerRuns.failed,
  skipped: partnerRuns.skipped,
  format: partnerRuns.format,
};

/** A partner's run, idempotent per partner and runId (two partners may both send "run-1"). */
export async function storePartnerRun(
  db: Db,
  run: PartnerRunBody,
  meta: { hash: string; tokenId: number; partnerId: number; format: "junit" | "json" },
) {
  const load = async (tx: Tx, id: number) =>
    (await tx.select(columns).from(partnerRuns).where(eq(partnerRuns.id, id)))[0];
  return storeRunOnce(
    db,
    partnerRuns,
    { runId: run.runId, hash: meta.hash, within: eq(partnerRuns.partnerId, meta.partnerId) },
    async (tx) => {
      const [stored] = await tx
        .insert(partnerRuns)
        .values({
          partnerId: meta.partnerId,
          runId: run.runId,
          network: run.network,
          suite: run.suite,
          sdk: run.sdk,
          sdkVersion: run.sdkVersion,
          startedAt: new Date(run.startedAt),
          passed: run.passed,
          failed: run.failed,
          skipped: run.skipped,
          failedCases: (run.cases ?? [])
            .filter((c) => c.status === "failed")
            .slice(0, FAILED_CASES_KEPT)
            .map((c) => c.name),
          format: meta.format,
          bodyHash: meta.hash,
          tokenId: meta.tokenId,
        })
        .returning({ id: partnerRuns.id });
      return load(tx, Number(stored?.id));
    },
    load,
  );
}
