import { eq } from "drizzle-orm";
import type { ForkCheck } from "@/lib/ingest/schemas";
import type { Db } from "../../client";
import { forkChecks } from "../../schema";
import { storeRunOnce } from "./runs";

export async function storeForkCheck(db: Db, run: ForkCheck, meta: { hash: string; tokenId: number }) {
  const columns = {
    runId: forkChecks.runId,
    network: forkChecks.network,
    startedAt: forkChecks.startedAt,
    groupsChecked: forkChecks.groupsChecked,
    forkedGroups: forkChecks.forkedGroups,
    operations: forkChecks.operations,
  };
  return storeRunOnce(
    db,
    forkChecks,
    { runId: run.runId, hash: meta.hash },
    async (tx) => {
      const [row] = await tx
        .insert(forkChecks)
        .values({ ...run, startedAt: new Date(run.startedAt), bodyHash: meta.hash, tokenId: meta.tokenId })
        .returning(columns);
      return row;
    },
    async (tx, id) => (await tx.select(columns).from(forkChecks).where(eq(forkChecks.id, id)))[0],
  );
}
