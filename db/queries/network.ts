import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DataSourceStatus, NetworkNow, SourceState } from "@/lib/chain/network-state";
import type { Db } from "../client";
import { dataSources, jobRuns, networks, nodes } from "../schema";

export async function getNetworks(db: Db) {
  return db
    .select({
      key: networks.key,
      name: networks.name,
      chainId: networks.chainId,
      isCollected: networks.isCollected,
    })
    .from(networks)
    .orderBy(asc(networks.position));
}

/** Each outside source of every collected network, with when it last answered and since when it fails. */
export async function getSourceStatuses(db: Db): Promise<DataSourceStatus[]> {
  return db
    .select({
      network: networks.key,
      networkName: networks.name,
      source: dataSources.source,
      endpoint: dataSources.endpoint,
      status: sql<SourceState>`coalesce(${dataSources.status}, 'unknown')`,
      lastCheckedAt: dataSources.lastCheckedAt,
      lastOkAt: dataSources.lastOkAt,
      failingSince: dataSources.failingSince,
      lastError: dataSources.lastError,
    })
    .from(networks)
    .leftJoin(dataSources, eq(dataSources.network, networks.key))
    .where(eq(networks.isCollected, true))
    .orderBy(asc(networks.position), asc(dataSources.source));
}

/** The last successful registry sync of a network: when, at which head block. Null before the first. */
export async function getLastRegistrySync(db: Db, { network }: { network: string }) {
  const [run] = await db
    .select({ finishedAt: jobRuns.finishedAt, summary: jobRuns.summary })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, "registry_sync"), eq(jobRuns.network, network), eq(jobRuns.outcome, "ok")))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  if (!run?.finishedAt) return null;
  return { at: run.finishedAt, headBlock: Number(run.summary?.headBlock ?? 0) };
}

/** What the registry says about a network right now; zeros and a null sync before the first sync. */
export async function getNetworkNow(db: Db, { network }: { network: string }): Promise<NetworkNow> {
  const [totals] = await db
    .select({
      nodes: sql<number>`count(*) filter (where ${nodes.inRegistry})::int`,
      canonical: sql<number>`count(*) filter (where ${nodes.isCanonical} and ${nodes.inRegistry})::int`,
    })
    .from(nodes)
    .where(eq(nodes.network, network));
  const [limits] = await db
    .select({ maxCanonicalNodes: networks.maxCanonicalNodes })
    .from(networks)
    .where(eq(networks.key, network));
  const lastSync = await getLastRegistrySync(db, { network });
  return {
    network,
    nodes: totals?.nodes ?? 0,
    canonical: totals?.canonical ?? 0,
    maxCanonicalNodes: limits?.maxCanonicalNodes ?? null,
    registrySyncedAt: lastSync?.at ?? null,
    registryBlock: lastSync?.headBlock ?? null,
  };
}
