import pLimit from "p-limit";
import type { Address, PublicClient } from "viem";
import type { Db } from "@/db/client";
import { recordSourceCheck } from "@/db/mutations/data-sources";
import {
  deleteRegistryEventsAbove,
  getRegistryCursor,
  type MetadataUpdate,
  metadataState,
  replaceRegistryEvents,
  resetRegistryHistory,
  saveRegistrySnapshot,
  storedEventBlocks,
} from "@/db/mutations/registry";
import { getRegistryLogs } from "@/lib/chain/events";
import { fetchNodeMetadata } from "@/lib/chain/metadata";
import type { NetworkPreset } from "@/lib/chain/networks";
import { describeError } from "@/lib/chain/rpc-check";
import { readRegistrySnapshot } from "@/lib/chain/snapshot";
import { endpointHost } from "@/lib/format";

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
  const { newEvents, cursor } = await scanHistory(options, { head, safe, chunkSize, log });

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
  const withMetadata = await pLimit(4).map(snapshot.nodes, async (node) => {
    const previous = known.get(node.nodeId);
    const age = previous?.fetchedAt
      ? now().getTime() - previous.fetchedAt.getTime()
      : Number.POSITIVE_INFINITY;
    // Good metadata is refreshed hourly (by default); a failed fetch is tried again after 5 minutes.
    const due =
      node.tokenUri !== null &&
      (previous?.tokenUri !== node.tokenUri ||
        age >= metadata.ttlMs ||
        (previous.failed && age >= Math.min(metadata.ttlMs, 5 * 60_000)));
    let metadataUpdate: MetadataUpdate = null;
    if (due && node.tokenUri !== null) {
      const result = await fetchNodeMetadata(node.tokenUri, {
        ...metadata,
        requireHttps: preset.requireHttps,
      });
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

/**
 * Where the scan resumes: after the stored cursor, unless the chain changed under it (a reorg deeper
 * than the confirmation depth, a chain reset) or the registry moved to another contract.
 */
async function resumePoint(
  options: RegistrySyncOptions,
  head: number,
  log: (line: string) => void,
): Promise<number> {
  const { db, client, preset, address } = options;
  const network = preset.key;
  const start = options.fromBlock - 1;
  const stored = await getRegistryCursor(db, network);
  if (!stored) return start;
  if (stored.contractAddress && stored.contractAddress.toLowerCase() !== address.toLowerCase()) {
    log(`the registry moved from ${stored.contractAddress} to ${address}: scanning its history afresh`);
    await resetRegistryHistory(db, network);
    return start;
  }
  const removed = await deleteRegistryEventsAbove(db, network, head);
  if (removed > 0)
    log(`removed ${removed} events above the chain's head ${head} (the chain was reorganised or reset)`);
  const hashAt = async (blockNumber: number) =>
    blockNumber <= head ? (await client.getBlock({ blockNumber: BigInt(blockNumber) })).hash : null;
  if (stored.blockHash && (await hashAt(stored.blockNumber)) === stored.blockHash) return stored.blockNumber;
  // The cursor's block changed: walk back through blocks with stored events to the newest one the
  // chain still has, and rescan from there.
  for (const block of await storedEventBlocks(db, network, stored.blockNumber, 500)) {
    if ((await hashAt(block.blockNumber)) === block.blockHash) {
      log(
        `block ${stored.blockNumber} changed since the last pass: rescanning from block ${block.blockNumber + 1}`,
      );
      return block.blockNumber;
    }
  }
  log(`block ${stored.blockNumber} changed since the last pass: rescanning the whole history`);
  return start;
}

/** Scans logs from the resume point to the head in bounded ranges, each stored with the cursor. */
async function scanHistory(
  options: RegistrySyncOptions,
  {
    head,
    safe,
    chunkSize,
    log,
  }: { head: number; safe: number; chunkSize: number; log: (line: string) => void },
) {
  const { db, client, preset, address } = options;
  const network = preset.key;
  let cursor = await resumePoint(options, head, log);
  const start = Math.max(cursor + 1, options.fromBlock);
  let size = chunkSize;
  let newEvents = 0;
  const blockTimes = new Map<number, Date>();
  for (let from = start, chunk = 1; from <= head; chunk++) {
    const to = Math.min(head, from + size - 1);
    const logs = await getRegistryLogs(client, {
      address,
      fromBlock: BigInt(from),
      toBlock: BigInt(to),
      // Remember how wide a range the RPC accepts, so later chunks do not start too wide again.
      onNarrowed: (accepted) => {
        size = Math.min(size, accepted);
      },
    });
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
            contractAddress: address,
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
    const chunks = chunk + Math.ceil((head - to) / size);
    if (chunks > 1) {
      const percent = Math.round(((to - start + 1) / (head - start + 1)) * 100);
      log(`scanned blocks ${from}-${to} (${chunk}/${chunks}, ${percent}%), ${logs.length} events`);
    }
    from = to + 1;
  }
  return { newEvents, cursor };
}
