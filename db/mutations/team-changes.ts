import { and, eq, sql } from "drizzle-orm";
import type { MilestoneStatus, StageStatus } from "@/lib/roadmap/vocabulary";
import type { Db } from "../client";
import { milestones, nodes, stages } from "../schema";
import { audit, type Change, diff } from "./audit";

export type StageChanges = { declaredStatus: StageStatus; targetDate: string | null; note: string | null };
export type MilestoneChanges = { status: MilestoneStatus; evidenceUrl: string | null; note: string | null };

/**
 * A stage's declared status, target date or note, and its audit row, in one transaction. Returns
 * null for an unknown stage and `changed: false` (nothing written) when nothing differs.
 */
export async function updateStage(db: Db, number: number, { actor, at, changes }: Change<StageChanges>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        declaredStatus: stages.declaredStatus,
        targetDate: stages.targetDate,
        note: stages.note,
        network: stages.network,
      })
      .from(stages)
      .where(eq(stages.number, number))
      .for("update");
    if (!row) return null;
    const { before, after } = diff<StageChanges>(row, changes);
    if (Object.keys(after).length === 0) return { changed: false };
    await tx
      .update(stages)
      .set({ ...after, updatedAt: at, updatedBy: actor })
      .where(eq(stages.number, number));
    await audit(
      tx,
      {
        actor,
        at,
        action: "stage.update",
        entityType: "stage",
        entityKey: String(number),
        network: row.network,
      },
      before,
      after,
    );
    return { changed: true };
  });
}

/** A milestone's status, evidence and note, and its audit row, in one transaction (as `updateStage`). */
export async function updateMilestone(db: Db, key: string, { actor, at, changes }: Change<MilestoneChanges>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: milestones.status,
        evidenceUrl: milestones.evidenceUrl,
        note: milestones.note,
        network: stages.network,
      })
      .from(milestones)
      .innerJoin(stages, eq(stages.number, milestones.stageNumber))
      .where(eq(milestones.key, key))
      .for("update", { of: milestones });
    if (!row) return null;
    const { before, after } = diff<MilestoneChanges>(row, changes);
    if (Object.keys(after).length === 0) return { changed: false };
    const doneAt = after.status === undefined ? {} : { doneAt: after.status === "done" ? at : sql`null` };
    await tx
      .update(milestones)
      .set({ ...after, ...doneAt, updatedAt: at, updatedBy: actor })
      .where(eq(milestones.key, key));
    await audit(
      tx,
      {
        actor,
        at,
        action: after.status ? `milestone.${after.status}` : "milestone.update",
        entityType: "milestone",
        entityKey: key,
        network: row.network,
      },
      before,
      after,
    );
    return { changed: true };
  });
}

export type NodeFactChanges = {
  operatorName: string | null;
  region: string | null;
  country: string | null;
  website: string | null;
};

/** The facts the team sets on a node (never written by a registry sync), and their audit row. */
export async function updateNodeFacts(
  db: Db,
  { network, nodeId }: { network: string; nodeId: number },
  { actor, at, changes }: Change<NodeFactChanges>,
) {
  return db.transaction(async (tx) => {
    const where = and(eq(nodes.network, network), eq(nodes.nodeId, nodeId));
    const [row] = await tx
      .select({
        operatorName: nodes.operatorName,
        region: nodes.region,
        country: nodes.country,
        website: nodes.website,
      })
      .from(nodes)
      .where(where)
      .for("update");
    if (!row) return null;
    const { before, after } = diff<NodeFactChanges>(row, changes);
    if (Object.keys(after).length === 0) return { changed: false };
    await tx
      .update(nodes)
      .set({ ...after, updatedAt: at })
      .where(where);
    await audit(
      tx,
      { actor, at, action: "node.update", entityType: "node", entityKey: String(nodeId), network },
      before,
      after,
    );
    return { changed: true };
  });
}
