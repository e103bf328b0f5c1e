import { desc, lt } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog } from "../schema";

export type ChangelogEntry = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityKey: string;
  network: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The team's changes, newest first; `beforeId` pages on from an entry. */
export async function getChangelog(
  db: Db,
  { limit, beforeId }: { limit: number; beforeId?: number },
): Promise<ChangelogEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(beforeId === undefined ? undefined : lt(auditLog.id, beforeId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    before: (row.before ?? null) as Record<string, unknown> | null,
    after: (row.after ?? null) as Record<string, unknown> | null,
  }));
}
