import { sql } from "drizzle-orm";
import { networkPresets } from "@/lib/chain/networks";
import type { Env } from "@/lib/env";
import type { Db } from "../client";
import { criteria, milestones, networks, operationMappings, stages } from "../schema";
import { CRITERIA, MILESTONES, OPERATION_MAPPINGS, STAGES } from "./roadmap";

export type SeedSummary = { stages: number; milestones: number; criteria: number; operationMappings: number };

/**
 * Idempotent: network presets follow the environment; roadmap rows are inserted when missing and
 * otherwise left alone, so a team edit (a status, a target) survives every re-seed.
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
      operationMappings: await tx
        .insert(operationMappings)
        .values(OPERATION_MAPPINGS)
        .onConflictDoNothing()
        .returning({ k: operationMappings.pattern }),
    };
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
    };
  });
}
