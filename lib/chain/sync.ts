import type { Address, PublicClient } from "viem";
import type { Db } from "@/db/client";
import { recordSourceCheck } from "@/db/mutations/data-sources";
import {
  getRegistryCursor,
  type MetadataUpdate,
  metadataState,
  replaceRegistryEvents,
  saveRegistrySnapshot,
} from "@/db/mutations/registry";
import { endpointHost } from "../format";
import { getRegistryLogs } from "./events";
import { fetchNodeMetadata } from "./metadata";
import type { NetworkPreset } from "./networks";
import { describeError } from "./rpc-check";
import { readRegistrySnapshot } from "./snapshot";

export type RegistrySyncOptions = {
  db: Db;
  client: PublicClient;
  preset: NetworkPreset;
  rpcUrl: string;
  address: Address;
  fromBlock: number;
  /** Only blocks this deep move the cursor; the blocks above are rescanned every pass. */
  confirmations?: number;
  chunkSize?: number;
  /** For the message when the RPC does not answer in time. */
  rpcTimeoutMs?: number;
  metadata?: { timeoutMs: number; maxBytes: number; ttlMs: number };
  now?: () => Date;
  log?: (line: string) => void;
};

export type RegistrySyncSummary = {
  nodes: number;
  canonical: number;
  newEvents: number;
  headBlock: number;
  cursorBlock: number;
};

/**
 * One registry sync pass: history (logs in bounded, resumable chunks) then the current snapshot
 * (nodes, owners, metadata). Records whether the RPC answered; throws when it did not, leaving
 * everything stored before as it was.
 */
export async function syncRegistry(options: RegistrySyncOptions): Promise<RegistrySyncSummary> {
  const { db, preset } = options;
  const now = options.now ?? (() => new Date());
  try {
    const summary = await syncOnce(options, now);
    await recordSourceCheck(db, {
      network: preset.key,
      source: "rpc",
      endpoint: endpointHost(options.rpcUrl),
      at: now(),
      ok: true,
      detail: { headBlock: summary.headBlock, cursorBlock: summary.cursorBlock },
    });
    return summary;
  } catch (error) {
    const reason = describeError(error, options.rpcTimeoutMs);
    await recordSourceCheck(db, {
      network: preset.key,
      source: "rpc",
      endpoint: endpointHost(options.rpcUrl),
      at: now(),
      ok: false,
      error: reason,
    }).catch(() => {});
    throw new Error(`registry sync of ${preset.key} failed: ${reason}`, { cause: error });
  }
}

async function syncOnce(options: RegistrySyncOptions, now: () => Date): Promise<RegistrySyncSummary> {
  const { db, client, preset, address } = options;
  const confirmations = options.confirmations ?? 12;
  const chunkSize = options.chunkSize ?? 10_000;
  const log = options.log ?? (() => {});
  const network = preset.key;

  if (preset.key !== "local") {
    const chainId = await client.getChainId();
    if (chainId !== preset.chainId)
      throw new Error(`the RPC answers for chain ${chainId}, expected ${preset.chainId}`);
  }
  const head = Number(await client.getBlockNumber({ cacheTime: 0 }));
  const safe = head - confirmations;

  // History.
  const stored = await getRegistryCursor(db, network);
  let cursor = stored ? stored.blockNumber : options.fromBlock - 1;
  if (stored?.blockHash && stored.blockNumber <= head) {
    const block = await client.getBlock({ blockNumber: BigInt(stored.blockNumber) });
    if (block.hash !== stored.blockHash) {
      // A reorg deeper than the confirmation depth: step back and rescan.
      cursor = Math.max(options.fromBlock - 1, stored.blockNumber - 10 * Math.max(confirmations, 1));
      log(`block ${stored.blockNumber} changed since the last pass (reorg): rescanning from ${cursor + 1}`);
    }
  }
  const start = Math.max(cursor + 1, options.fromBlock);
  const chunks = start > head ? 0 : Math.ceil((head - start + 1) / chunkSize);
  let newEvents = 0;
  const blockTimes = new Map<number, Date>();
  for (let from = start, chunk = 1; from <= head; from += chunkSize, chunk++) {
    const to = Math.min(head, from + chunkSize - 1);
    const logs = await getRegistryLogs(client, { address, fromBlock: BigInt(from), toBlock: BigInt(to) });
    for (const blockNumber of new Set(logs.map((entry) => entry.blockNumber))) {
      if (!blockTimes.has(blockNumber)) {
        const block = await client.getBlock({ blockNumber: BigInt(blockNumber) });
        blockTimes.set(blockNumber, new Date(Number(block.timestamp) * 1000));
      }
    }
    const cursorTo = Math.min(to, safe);
    const nextCursor =
      cursorTo > cursor
        ? {
            blockNumber: cursorTo,
            blockHash: (await client.getBlock({ blockNumber: BigInt(cursorTo) })).hash,
          }
        : null;
    newEvents += await replaceRegistryEvents(db, {
      network,
      fromBlock: from,
      toBlock: to,
      logs,
      blockTimes,
      cursor: nextCursor,
      headBlock: head,
    });
    if (nextCursor) cursor = nextCursor.blockNumber;
    if (chunks > 1)
      log(
        `scanned blocks ${from}-${to} (${chunk}/${chunks}, ${Math.round((chunk / chunks) * 100)}%), ${logs.length} events`,
      );
  }

  // Current state.
  log(`history scanned to block ${head} (${newEvents} new events); reading the registry at block ${head}`);
  const snapshot = await readRegistrySnapshot(client, {
    address,
    blockNumber: BigInt(head),
    multicall: preset.hasMulticall,
  });
  log(`read ${snapshot.nodes.length} nodes at block ${head}`);
  const metadata = options.metadata ?? { timeoutMs: 5000, maxBytes: 256 * 1024, ttlMs: 3_600_000 };
  const known = new Map((await metadataState(db, network)).map((row) => [row.nodeId, row]));
  const withMetadata = await mapLimit(snapshot.nodes, 4, async (node) => {
    const previous = known.get(node.nodeId);
    const due =
      node.tokenUri !== null &&
      (!previous?.fetchedAt ||
        previous.tokenUri !== node.tokenUri ||
        now().getTime() - previous.fetchedAt.getTime() >= metadata.ttlMs);
    let metadataUpdate: MetadataUpdate = null;
    if (due && node.tokenUri !== null) {
      const result = await fetchNodeMetadata(node.tokenUri, metadata);
      metadataUpdate = result.ok
        ? { metadata: result.metadata, error: null, fetchedAt: now() }
        : { metadata: null, error: result.error, fetchedAt: now() };
    } else if (node.tokenUri === null && previous?.tokenUri) {
      metadataUpdate = {
        metadata: null,
        error: "the registry no longer gives a metadata URI",
        fetchedAt: now(),
      };
    }
    return { ...node, metadataUpdate };
  });
  log(`fetched the metadata of ${withMetadata.filter((node) => node.metadataUpdate).length} nodes`);
  await saveRegistrySnapshot(db, {
    network,
    blockNumber: head,
    nodes: withMetadata,
    canonicalNodesCount: snapshot.canonicalNodesCount,
    maxCanonicalNodes: snapshot.maxCanonicalNodes,
  });
  return {
    nodes: snapshot.nodes.length,
    canonical: snapshot.nodes.filter((node) => node.isCanonical).length,
    newEvents,
    headBlock: head,
    cursorBlock: cursor,
  };
}

async function mapLimit<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
