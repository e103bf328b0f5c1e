import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { criteria, criterionVersions } from "../schema";
import { audit, type Change, diff } from "./audit";

/** What the team may change of a criterion's rule: never its target, which is the published one. */
export type CriterionRuleChanges = { windowDays: number; minSamples: number };

/**
 * A criterion's window or minimum samples: a new version of its rule, kept beside the earlier ones
 * (evaluations name the version they read), and its audit row, in one transaction. Returns null for
 * an unknown criterion and `changed: false` (nothing written) when nothing differs.
 */
export async function updateCriterionRule(
  db: Db,
  key: string,
  { actor, at, changes }: Change<CriterionRuleChanges>,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        windowDays: criteria.windowDays,
        minSamples: criteria.minSamples,
        version: criteria.version,
        comparator: criteria.comparator,
        target: criteria.target,
        network: criteria.network,
      })
      .from(criteria)
      .where(eq(criteria.key, key))
      .for("update");
    if (!row) return null;
    const { before, after } = diff<CriterionRuleChanges>(row, changes);
    if (Object.keys(after).length === 0) return { changed: false, version: row.version };
    const version = row.version + 1;
    await tx
      .update(criteria)
      .set({ ...after, version, updatedAt: at })
      .where(eq(criteria.key, key));
    await tx.insert(criterionVersions).values({
      criterionKey: key,
      version,
      comparator: row.comparator,
      target: row.target,
      windowDays: after.windowDays ?? row.windowDays,
      minSamples: after.minSamples ?? row.minSamples,
      validFrom: at,
      setBy: actor,
    });
    await audit(
      tx,
      {
        actor,
        at,
        action: "criterion.update",
        entityType: "criterion",
        entityKey: key,
        network: row.network,
      },
      { ...before, version: row.version },
      { ...after, version },
    );
    return { changed: true, version };
  });
}
