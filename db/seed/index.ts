import { eq, sql } from "drizzle-orm";
import { networkPresets } from "@/lib/chain/networks";
import type { Env } from "@/lib/env";
import type { Db, Tx } from "../client";
import { audit, diff } from "../mutations/audit";
import {
  auditLog,
  criteria,
  criterionVersions,
  milestones,
  networks,
  operationMappings,
  stages,
} from "../schema";
import { CRITERIA, MILESTONES, OPERATION_MAPPINGS, STAGES } from "./roadmap";

export type SeedSummary = {
  stages: number;
  milestones: number;
  criteria: number;
  operationMappings: number;
  /** Criteria whose published target changed: each a new version of its rule. */
  targetsChanged: number;
};

/** Who a published roadmap's change is attributed to on the changelog. */
export const PUBLISHED_ROADMAP = "published roadmap";

/**
 * Idempotent: network presets follow the environment; roadmap rows are inserted when missing and
 * otherwise left alone, so a team edit (a status, a window) survives every re-seed. A target is the
 * published one: when the published roadmap changes one, it becomes a new version of the rule, audited,
 * and the verdicts before it keep the target they were judged by.
 */
export async function seedDatabase(db: Db, env: Env): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    const presets = networkPresets(env).filter(
      (preset) => preset.key !== "local" || env.XMTP_NETWORKS.includes("local"),
    );
    for (const [position, preset] of presets.entries()) {
      const row = {
        key: preset.key,
        name: preset.name,
        chainId: preset.chainId,
        registryAddress: preset.registryAddress,
        registryFromBlock: preset.registryFromBlock,
        explorerUrl: preset.explorerUrl,
        isCollected: env.XMTP_NETWORKS.includes(preset.key),
        position,
      };
      await tx
        .insert(networks)
        .values(row)
        .onConflictDoUpdate({
          target: networks.key,
          set: { ...row, updatedAt: sql`now()` },
          // Only when the configuration changed, so a re-seed leaves the row as it was.
          setWhere: sql`(${networks.name}, ${networks.chainId}, ${networks.registryAddress}, ${networks.registryFromBlock},
            ${networks.explorerUrl}, ${networks.isCollected}, ${networks.position}) is distinct from
            (excluded.name, excluded.chain_id, excluded.registry_address, excluded.registry_from_block,
            excluded.explorer_url, excluded.is_collected, excluded.position)`,
        });
    }
    // A demo judges the roadmap on its simulated network, never on figures named testnet or mainnet.
    const onNetwork = <T extends { network: string }>(rows: T[]) =>
      env.DEMO_MODE ? rows.map((row) => ({ ...row, network: "local" as const })) : rows;
    const inserted = {
      stages: await tx
        .insert(stages)
        .values(onNetwork(STAGES))
        .onConflictDoNothing()
        .returning({ k: stages.number }),
      milestones: await tx
        .insert(milestones)
        .values(MILESTONES)
        .onConflictDoNothing()
        .returning({ k: milestones.key }),
      criteria: await tx
        .insert(criteria)
        .values(onNetwork(CRITERIA))
        .onConflictDoNothing()
        .returning({ k: criteria.key }),
      operationMappings: await insertMappings(tx),
    };
    const targetsChanged = await republishTargets(tx, onNetwork(CRITERIA));
    // Every criterion's current rule is a version of it, from the day it was first seeded.
    await tx.execute(sql`
      insert into criterion_versions (criterion_key, version, comparator, target, window_days, min_samples, valid_from)
      select c.key, c.version, c.comparator, c.target, c.window_days, c.min_samples, now() from criteria c
      where not exists (select 1 from criterion_versions v where v.criterion_key = c.key and v.version = c.version)`);
    return {
      stages: inserted.stages.length,
      milestones: inserted.milestones.length,
      criteria: inserted.criteria.length,
      operationMappings: inserted.operationMappings.length,
      targetsChanged,
    };
  });
}

/** The published QA operation map, but for patterns the team has mapped or unmapped (its changes stand). */
async function insertMappings(tx: Tx) {
  const touched = new Set(
    (
      await tx
        .selectDistinct({ pattern: auditLog.entityKey })
        .from(auditLog)
        .where(eq(auditLog.entityType, "operation"))
    ).map((row) => row.pattern),
  );
  const published = OPERATION_MAPPINGS.filter((mapping) => !touched.has(mapping.pattern));
  if (published.length === 0) return [];
  return tx
    .insert(operationMappings)
    .values(published)
    .onConflictDoNothing()
    .returning({ k: operationMappings.pattern });
}

/** Each stored criterion whose published comparator or target differs: the published one, as a new version. */
async function republishTargets(tx: Tx, published: readonly (typeof criteria.$inferInsert)[]) {
  // Locked: a rule change from the console waits, so the two never take the same version.
  const stored = new Map((await tx.select().from(criteria).for("update")).map((row) => [row.key, row]));
  const at = new Date();
  let changed = 0;
  for (const next of published) {
    const row = stored.get(next.key);
    if (!row || (row.comparator === next.comparator && row.target === next.target)) continue;
    const version = row.version + 1;
    await tx
      .update(criteria)
      .set({ comparator: next.comparator, target: next.target, version, updatedAt: at })
      .where(eq(criteria.key, row.key));
    await tx.insert(criterionVersions).values({
      criterionKey: row.key,
      version,
      comparator: next.comparator,
      target: next.target,
      windowDays: row.windowDays,
      minSamples: row.minSamples,
      validFrom: at,
      setBy: null,
    });
    const { before, after } = diff(
      { comparator: row.comparator, target: row.target },
      { comparator: next.comparator, target: next.target },
    );
    await audit(
      tx,
      {
        actor: PUBLISHED_ROADMAP,
        at,
        action: "criterion.target",
        entityType: "criterion",
        entityKey: row.key,
        network: row.network,
      },
      { ...before, version: row.version },
      { ...after, version },
    );
    changed += 1;
  }
  return changed;
}
