import { and, asc, eq, ne } from "drizzle-orm";
import { presentNode } from "@/lib/chain/registry-node";
import type { Db } from "../client";
import { networks, nodes, registryEvents } from "../schema";

const nodeColumns = {
  network: nodes.network,
  nodeId: nodes.nodeId,
  owner: nodes.owner,
  signer: nodes.signer,
  signingPublicKey: nodes.signingPublicKey,
  httpAddress: nodes.httpAddress,
  isCanonical: nodes.isCanonical,
  inRegistry: nodes.inRegistry,
  metadata: nodes.metadata,
  metadataError: nodes.metadataError,
  registeredAt: nodes.registeredAt,
  firstSeenBlock: nodes.firstSeenBlock,
  operatorName: nodes.operatorName,
  region: nodes.region,
  displayName: nodes.displayName,
  country: nodes.country,
  website: nodes.website,
};

/** Every node the registry has listed on a network, canonical first; removed ones stay, marked. */
export async function getRegistryNodes(db: Db, { network }: { network: string }) {
  const rows = await db
    .select(nodeColumns)
    .from(nodes)
    .where(eq(nodes.network, network))
    .orderBy(asc(nodes.nodeId));
  const [limits] = await db
    .select({ max: networks.maxCanonicalNodes, onchain: networks.canonicalNodesCount })
    .from(networks)
    .where(eq(networks.key, network));
  const presented = rows.map((row) => presentNode(row));
  const canonical = presented.filter((node) => node.isCanonical && node.inRegistry).length;
  return {
    nodes: presented,
    canonical,
    maxCanonicalNodes: limits?.max ?? null,
    overCapacity: limits?.max != null && canonical > limits.max,
  };
}

/** One node with its registry history, oldest first. Null when the registry never listed it. */
export async function getRegistryNode(db: Db, { network, nodeId }: { network: string; nodeId: number }) {
  const [row] = await db
    .select(nodeColumns)
    .from(nodes)
    .where(and(eq(nodes.network, network), eq(nodes.nodeId, nodeId)));
  if (!row) return null;
  const history = await db
    .select({
      eventName: registryEvents.eventName,
      blockNumber: registryEvents.blockNumber,
      blockTime: registryEvents.blockTime,
      txHash: registryEvents.txHash,
      args: registryEvents.args,
    })
    .from(registryEvents)
    .where(and(eq(registryEvents.network, network), eq(registryEvents.nodeId, nodeId)))
    .orderBy(asc(registryEvents.blockNumber), asc(registryEvents.logIndex));
  const [net] = await db
    .select({ explorerUrl: networks.explorerUrl })
    .from(networks)
    .where(eq(networks.key, network));
  return { node: presentNode(row), history, explorerUrl: net?.explorerUrl ?? null };
}

/** The nodes a probe round visits: every node the registry lists with an address. */
export async function probeTargets(db: Db, network: string) {
  return db
    .select({ nodeId: nodes.nodeId, httpAddress: nodes.httpAddress })
    .from(nodes)
    .where(and(eq(nodes.network, network), eq(nodes.inRegistry, true), ne(nodes.httpAddress, "")))
    .orderBy(nodes.nodeId);
}
