import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { dataSources, networks, nodes, syncCursors } from "../schema";

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

export type SourceStatusRow = Awaited<ReturnType<typeof getSourceStatuses>>[number];

/** Each outside source of every collected network, with when it last answered and since when it fails. */
export async function getSourceStatuses(db: Db) {
  return db
    .select({
      network: networks.key,
      networkName: networks.name,
      source: dataSources.source,
      endpoint: dataSources.endpoint,
      status: sql<"ok" | "unreachable" | "unknown">`coalesce(${dataSources.status}, 'unknown')`,
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

/** What the registry says about a network right now; zeros and a null sync time before the first sync. */
export async function getNetworkNow(db: Db, { network }: { network: string }) {
  const [totals] = await db
    .select({
      nodes: count(),
      canonical: sql<number>`count(*) filter (where ${nodes.isCanonical} and ${nodes.inRegistry})::int`,
    })
    .from(nodes)
    .where(eq(nodes.network, network));
  const [cursor] = await db
    .select({ updatedAt: syncCursors.updatedAt, blockNumber: syncCursors.blockNumber })
    .from(syncCursors)
    .where(and(eq(syncCursors.network, network), eq(syncCursors.source, "registry_events")));
  return {
    network,
    nodes: totals?.nodes ?? 0,
    canonical: totals?.canonical ?? 0,
    registrySyncedAt: cursor?.updatedAt ?? null,
    registryBlock: cursor?.blockNumber ?? null,
  };
}
