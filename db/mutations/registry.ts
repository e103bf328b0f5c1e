import { and, between, desc, eq, gt, lte, notInArray, sql } from "drizzle-orm";
import type { RegistryLog } from "@/lib/chain/events";
import type { NodeMetadata } from "@/lib/chain/metadata";
import type { SnapshotNode } from "@/lib/chain/snapshot";
import type { Db } from "../client";
import { networks, nodes, registryEvents, syncCursors } from "../schema";

const SOURCE = "registry_events";

export async function getRegistryCursor(db: Db, network: string) {
  const [row] = await db
    .select({
      blockNumber: syncCursors.blockNumber,
      blockHash: syncCursors.blockHash,
      contractAddress: syncCursors.contractAddress,
    })
    .from(syncCursors)
    .where(and(eq(syncCursors.network, network), eq(syncCursors.source, SOURCE)));
  return row ?? null;
}

/** Forgets a network's scanned history (its registry moved to another contract). */
export async function resetRegistryHistory(db: Db, network: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(registryEvents).where(eq(registryEvents.network, network));
    await tx.delete(syncCursors).where(and(eq(syncCursors.network, network), eq(syncCursors.source, SOURCE)));
  });
}

/** Events above the chain's head belong to blocks the chain no longer has. */
export async function deleteRegistryEventsAbove(db: Db, network: string, head: number): Promise<number> {
  const deleted = await db
    .delete(registryEvents)
    .where(and(eq(registryEvents.network, network), gt(registryEvents.blockNumber, head)))
    .returning({ id: registryEvents.id });
  return deleted.length;
}

/** Distinct blocks with stored events at or below a block, newest first: where to look for a common ancestor. */
export async function storedEventBlocks(db: Db, network: string, atOrBelow: number, limit: number) {
  return db
    .selectDistinct({ blockNumber: registryEvents.blockNumber, blockHash: registryEvents.blockHash })
    .from(registryEvents)
    .where(and(eq(registryEvents.network, network), lte(registryEvents.blockNumber, atOrBelow)))
    .orderBy(desc(registryEvents.blockNumber))
    .limit(limit);
}

/**
 * Stores the logs of one scanned block range, replacing whatever was stored for that range (so a
 * reorged log is replaced, never duplicated), and moves the cursor, all in one transaction.
 * Returns how many of the logs were not stored before.
 */
export async function replaceRegistryEvents(
  db: Db,
  args: {
    network: string;
    fromBlock: number;
    toBlock: number;
    logs: RegistryLog[];
    blockTimes: Map<number, Date>;
    cursor: { blockNumber: number; blockHash: string; contractAddress: string } | null;
    headBlock: number;
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const range = and(
      eq(registryEvents.network, args.network),
      between(registryEvents.blockNumber, args.fromBlock, args.toBlock),
    );
    const existing = await tx
      .select({
        blockHash: registryEvents.blockHash,
        logIndex: registryEvents.logIndex,
        txHash: registryEvents.txHash,
      })
      .from(registryEvents)
      .where(range);
    const known = new Set(existing.map((row) => `${row.blockHash}:${row.txHash}:${row.logIndex}`));
    await tx.delete(registryEvents).where(range);
    if (args.logs.length > 0) {
      await tx.insert(registryEvents).values(
        args.logs.map((log) => ({
          network: args.network,
          blockNumber: log.blockNumber,
          blockHash: log.blockHash,
          blockTime: args.blockTimes.get(log.blockNumber) ?? new Date(0),
          txHash: log.txHash,
          logIndex: log.logIndex,
          eventName: log.eventName,
          nodeId: log.nodeId,
          args: log.args,
        })),
      );
    }
    if (args.cursor) {
      const row = {
        network: args.network,
        source: SOURCE,
        ...args.cursor,
        headBlock: args.headBlock,
        updatedAt: new Date(),
      };
      await tx
        .insert(syncCursors)
        .values(row)
        .onConflictDoUpdate({ target: [syncCursors.network, syncCursors.source], set: row });
    }
    return args.logs.filter((log) => !known.has(`${log.blockHash}:${log.txHash}:${log.logIndex}`)).length;
  });
}

export type MetadataUpdate = { metadata: NodeMetadata | null; error: string | null; fetchedAt: Date } | null;

/** Upserts every node of a snapshot (chain fields only: team fields are never touched) and marks the rest. */
export async function saveRegistrySnapshot(
  db: Db,
  args: {
    network: string;
    blockNumber: number;
    nodes: (SnapshotNode & { metadataUpdate: MetadataUpdate })[];
    canonicalNodesCount: number;
    maxCanonicalNodes: number;
  },
): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const node of args.nodes) {
      const chainFields = {
        owner: node.owner,
        signer: node.signer,
        signingPublicKey: node.signingPublicKey,
        httpAddress: node.httpAddress,
        isCanonical: node.isCanonical,
        inRegistry: true,
        tokenUri: node.tokenUri,
      };
      const metadataFields = node.metadataUpdate
        ? {
            metadataError: node.metadataUpdate.error,
            metadataFetchedAt: node.metadataUpdate.fetchedAt,
            // A failed fetch keeps the last good metadata.
            ...(node.metadataUpdate.metadata ? { metadata: node.metadataUpdate.metadata } : {}),
          }
        : {};
      const result = await tx
        .insert(nodes)
        .values({
          network: args.network,
          nodeId: node.nodeId,
          ...chainFields,
          ...metadataFields,
          firstSeenBlock: args.blockNumber,
          lastSeenBlock: args.blockNumber,
        })
        .onConflictDoUpdate({
          target: [nodes.network, nodes.nodeId],
          set: { ...chainFields, ...metadataFields, lastSeenBlock: args.blockNumber, updatedAt: new Date() },
          // Only rows that differ: an unchanged registry leaves every row (and updated_at) alone.
          setWhere: sql`(${nodes.owner}, ${nodes.signer}, ${nodes.signingPublicKey}, ${nodes.httpAddress},
            ${nodes.isCanonical}, ${nodes.inRegistry}, ${nodes.tokenUri}) is distinct from
            (excluded.owner, excluded.signer, excluded.signing_public_key, excluded.http_address,
            excluded.is_canonical, excluded.in_registry, excluded.token_uri)
            ${node.metadataUpdate ? sql`or true` : sql``}`,
        })
        .returning({ nodeId: nodes.nodeId });
      changed += result.length;
    }
    const listed = args.nodes.map((node) => node.nodeId);
    const gone = await tx
      .update(nodes)
      .set({ inRegistry: false, isCanonical: false, updatedAt: new Date() })
      .where(
        and(
          eq(nodes.network, args.network),
          eq(nodes.inRegistry, true),
          listed.length ? notInArray(nodes.nodeId, listed) : undefined,
        ),
      )
      .returning({ nodeId: nodes.nodeId });
    // Every node still listed was seen at this block (kept apart from updated_at, which tracks changes).
    await tx
      .update(nodes)
      .set({ lastSeenBlock: args.blockNumber })
      .where(and(eq(nodes.network, args.network), eq(nodes.inRegistry, true)));
    // Registration block and time come from the NodeAdded event, once history covers it.
    await tx.execute(sql`
      update ${nodes} n set first_seen_block = e.block_number, registered_at = e.block_time
      from ${registryEvents} e
      where n.network = ${args.network} and e.network = n.network and e.node_id = n.node_id
        and e.event_name = 'NodeAdded' and (n.registered_at is null or n.first_seen_block <> e.block_number)`);
    await tx
      .update(networks)
      .set({ canonicalNodesCount: args.canonicalNodesCount, maxCanonicalNodes: args.maxCanonicalNodes })
      .where(eq(networks.key, args.network));
    return { changed: changed + gone.length };
  });
}

/** Each node's metadata URI and when its metadata was last fetched. */
export async function metadataState(db: Db, network: string) {
  return db
    .select({
      nodeId: nodes.nodeId,
      tokenUri: nodes.tokenUri,
      fetchedAt: nodes.metadataFetchedAt,
      failed: sql<boolean>`${nodes.metadataError} is not null`,
    })
    .from(nodes)
    .where(eq(nodes.network, network));
}
