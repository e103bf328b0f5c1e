import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { ChainSource, PartnerRun } from "@/lib/partners/checks";
import type { Db } from "../client";
import { dataSources, ingestTokens, partnerRuns, partners, sdkMinimums } from "../schema";

export type PartnerRow = typeof partners.$inferSelect;

/** Partners by name; unlisted ones only when asked (the console). */
export async function listPartners(
  db: Db,
  { includeUnlisted }: { includeUnlisted: boolean },
): Promise<PartnerRow[]> {
  const rows = await db.select().from(partners).orderBy(asc(partners.name));
  return includeUnlisted ? rows : rows.filter((row) => row.listed);
}

export async function partnerBySlug(db: Db, slug: string): Promise<PartnerRow | null> {
  const [row] = await db.select().from(partners).where(eq(partners.slug, slug));
  return row ?? null;
}

/** Each partner's latest runs on its own network, newest first (at most `perPartner` each). */
export async function latestPartnerRuns(
  db: Db,
  partnerIds: number[],
  perPartner: number,
): Promise<Map<number, PartnerRun[]>> {
  const byPartner = new Map<number, PartnerRun[]>(partnerIds.map((id) => [id, []]));
  if (partnerIds.length === 0) return byPartner;
  const ranked = db
    .select({
      partnerId: partnerRuns.partnerId,
      runId: partnerRuns.runId,
      suite: partnerRuns.suite,
      sdk: partnerRuns.sdk,
      sdkVersion: partnerRuns.sdkVersion,
      startedAt: partnerRuns.startedAt,
      passed: partnerRuns.passed,
      failed: partnerRuns.failed,
      skipped: partnerRuns.skipped,
      failedCases: partnerRuns.failedCases,
      rank: sql<number>`row_number() over (partition by ${partnerRuns.partnerId} order by ${partnerRuns.startedAt} desc, ${partnerRuns.id} desc)`.as(
        "rank",
      ),
    })
    .from(partnerRuns)
    // A partner moved to another network is judged by its runs there.
    .innerJoin(
      partners,
      and(eq(partners.id, partnerRuns.partnerId), eq(partners.network, partnerRuns.network)),
    )
    .where(inArray(partnerRuns.partnerId, partnerIds))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perPartner}`)
    .orderBy(desc(ranked.startedAt));
  for (const { partnerId, rank: _, ...run } of rows) byPartner.get(partnerId)?.push(run);
  return byPartner;
}

export async function sdkMinimumsMap(db: Db): Promise<Record<string, string>> {
  const rows = await db.select().from(sdkMinimums).orderBy(asc(sdkMinimums.sdk));
  return Object.fromEntries(rows.map((row) => [row.sdk, row.minVersion]));
}

export async function listSdkMinimums(db: Db) {
  return db.select().from(sdkMinimums).orderBy(asc(sdkMinimums.sdk));
}

/** How each network's PayerRegistry last answered. */
export async function payerSources(db: Db): Promise<Map<string, ChainSource>> {
  const rows = await db
    .select({
      network: dataSources.network,
      lastOkAt: dataSources.lastOkAt,
      failingSince: dataSources.failingSince,
      lastError: dataSources.lastError,
    })
    .from(dataSources)
    .where(eq(dataSources.source, "payer_registry"));
  return new Map(rows.map(({ network, ...source }) => [network, source]));
}

/** The console's view of partners' tokens: the active one of each, by name (never the token). */
export async function partnerTokens(db: Db) {
  const rows = await db
    .select({
      partnerId: ingestTokens.partnerId,
      name: ingestTokens.name,
      createdAt: ingestTokens.createdAt,
      lastUsedAt: ingestTokens.lastUsedAt,
    })
    .from(ingestTokens)
    .where(sql`${ingestTokens.partnerId} is not null and ${ingestTokens.revokedAt} is null`);
  return new Map(rows.map(({ partnerId, ...token }) => [Number(partnerId), token]));
}
