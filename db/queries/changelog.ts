import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { ChangelogEntry } from "@/lib/changelog/describe";
import type { Db } from "../client";
import { auditLog, criteria, milestones, partners, stages } from "../schema";

/** The team's changes, newest first, with the title of what each changed; `beforeId` pages on. */
export async function getChangelog(
  db: Db,
  { limit, beforeId }: { limit: number; beforeId?: number },
): Promise<ChangelogEntry[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityKey: auditLog.entityKey,
      network: auditLog.network,
      before: auditLog.before,
      after: auditLog.after,
      subjectTitle: sql<string | null>`coalesce(${milestones.title}, ${stages.title}, ${criteria.title})`,
      // A partner unlisted now: its earlier, listed rows must not name it either.
      partnerUnlisted: sql<boolean>`coalesce(not ${partners.listed}, false)`,
      stageNumber: sql<
        number | null
      >`coalesce(${milestones.stageNumber}, ${stages.number}, ${criteria.stageNumber})`,
    })
    .from(auditLog)
    .leftJoin(milestones, and(eq(auditLog.entityType, "milestone"), eq(milestones.key, auditLog.entityKey)))
    .leftJoin(
      stages,
      and(eq(auditLog.entityType, "stage"), sql`${stages.number}::text = ${auditLog.entityKey}`),
    )
    .leftJoin(criteria, and(eq(auditLog.entityType, "criterion"), eq(criteria.key, auditLog.entityKey)))
    .leftJoin(partners, and(eq(auditLog.entityType, "partner"), eq(partners.slug, auditLog.entityKey)))
    .where(beforeId === undefined ? undefined : lt(auditLog.id, beforeId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(({ partnerUnlisted, ...row }) => ({
    ...row,
    ...(partnerUnlisted ? { entityKey: "unlisted" } : {}),
    before: partnerUnlisted ? null : ((row.before ?? null) as Record<string, unknown> | null),
    after: partnerUnlisted ? null : ((row.after ?? null) as Record<string, unknown> | null),
    stageNumber: row.stageNumber === null ? null : Number(row.stageNumber),
  }));
}
