import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { IngestError } from "@/lib/ingest/errors";
import type { Db, Tx } from "../../client";

type RunTable = PgTable & { runId: PgColumn; bodyHash: PgColumn; id: PgColumn };

/**
 * `runId` is the idempotency key (`within` a partner's runs, for instance): a new run is stored (201) in one transaction with its parts; the
 * same body again returns what is stored (200); another body under the same runId is a conflict (409).
 */
export async function storeRunOnce<T>(
  db: Db,
  table: RunTable,
  { runId, hash, within }: { runId: string; hash: string; within?: SQL },
  insert: (tx: Tx) => Promise<T>,
  load: (tx: Tx, id: number) => Promise<T>,
): Promise<{ status: 200 | 201; record: T }> {
  const attempt = () =>
    db.transaction(async (tx): Promise<{ status: 200 | 201; record: T }> => {
      const [existing] = await tx
        .select({ id: table.id, bodyHash: table.bodyHash })
        .from(table as PgTable)
        .where(and(eq(table.runId, runId), within));
      if (existing) {
        if (existing.bodyHash !== hash) {
          throw new IngestError(409, "conflict", `run "${runId}" was already stored with a different body`);
        }
        return { status: 200, record: await load(tx, Number(existing.id)) };
      }
      return { status: 201, record: await insert(tx) };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two requests raced with the same runId: the loser sees the winner's row on a second look.
    if (
      (error as { code?: string; cause?: { code?: string } }).code === "23505" ||
      (error as { cause?: { code?: string } }).cause?.code === "23505"
    ) {
      return attempt();
    }
    throw error;
  }
}
