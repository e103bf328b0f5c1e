import { eq } from "drizzle-orm";
import type { IntegrationRun } from "@/lib/ingest/schemas";
import type { Db, Tx } from "../../client";
import { integrationTestCases, integrationTestRuns } from "../../schema";
import { chunks } from "../chunks";
import { storeRunOnce } from "./runs";

const columns = {
  runId: integrationTestRuns.runId,
  network: integrationTestRuns.network,
  suite: integrationTestRuns.suite,
  sdk: integrationTestRuns.sdk,
  startedAt: integrationTestRuns.startedAt,
  passed: integrationTestRuns.passed,
  failed: integrationTestRuns.failed,
  skipped: integrationTestRuns.skipped,
  format: integrationTestRuns.format,
};

export async function storeIntegrationRun(
  db: Db,
  run: IntegrationRun,
  meta: { hash: string; tokenId: number; format: "junit" | "json" },
) {
  const load = async (tx: Tx, id: number) =>
    (await tx.select(columns).from(integrationTestRuns).where(eq(integrationTestRuns.id, id)))[0];
  return storeRunOnce(
    db,
    integrationTestRuns,
    { runId: run.runId, hash: meta.hash },
    async (tx) => {
      const durationMs = run.cases?.reduce((sum, c) => sum + c.durationMs, 0) ?? null;
      const [stored] = await tx
        .insert(integrationTestRuns)
        .values({
          runId: run.runId,
          network: run.network,
          suite: run.suite,
          sdk: run.sdk,
          startedAt: new Date(run.startedAt),
          passed: run.passed,
          failed: run.failed,
          skipped: run.skipped,
          durationMs,
          format: meta.format,
          bodyHash: meta.hash,
          tokenId: meta.tokenId,
        })
        .returning({ id: integrationTestRuns.id });
      const id = Number(stored?.id);
      for (const part of chunks(run.cases ?? []))
        await tx.insert(integrationTestCases).values(part.map((c) => ({ ...c, runId: id })));
      return load(tx, id);
    },
    load,
  );
}
