import { type Address, getAddress, type PublicClient } from "viem";
import type { Db } from "@/db/client";
import { recordSourceCheck } from "@/db/mutations/data-sources";
import { savePayerBalances, savePayerEvents } from "@/db/mutations/payers";
import { partnerPayers, payerScanState } from "@/db/queries/payers";
import type { NetworkPreset } from "@/lib/chain/networks";
import { getPayerLogs, readPayerBalances } from "@/lib/chain/payer-registry";
import { describeError } from "@/lib/chain/rpc-check";
import { endpointHost } from "@/lib/format";

export type PayerCheckOptions = {
  db: Db;
  client: PublicClient;
  preset: NetworkPreset;
  rpcUrl: string;
  registry: Address;
  /** How far back a payer never read before has its events read. */
  lookbackBlocks: number;
  /** Blocks below the head rescanned every pass, so a reorganised event is replaced. */
  confirmations?: number;
  chunkSize?: number;
  rpcTimeoutMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
};

export type PayerCheckSummary = {
  payers: number;
  funded: number;
  events: number;
  blockNumber: number | null;
};

/**
 * One read of the PayerRegistry for every payer the network's partners linked: balances and the
 * minimum deposit at the head block, then their Deposit and UsageSettled events since the last pass.
 * Records whether the RPC answered; when it did not, what was stored stays as it was (shown stale).
 */
export async function checkPayers(options: PayerCheckOptions): Promise<PayerCheckSummary> {
  const { db, preset } = options;
  const now = options.now ?? (() => new Date());
  const payers = await partnerPayers(db, preset.key);
  if (payers.length === 0) return { payers: 0, funded: 0, events: 0, blockNumber: null };
  const source = { network: preset.key, source: "payer_registry", endpoint: endpointHost(options.rpcUrl) };
  try {
    const summary = await readOnce(options, payers, now);
    await recordSourceCheck(db, {
      ...source,
      at: now(),
      ok: true,
      detail: { blockNumber: summary.blockNumber },
    });
    return summary;
  } catch (error) {
    if (error instanceof StoreError) throw error; // the job run records it; the RPC answered
    const reason = describeError(error, options.rpcTimeoutMs);
    await recordSourceCheck(db, { ...source, at: now(), ok: false, error: reason }).catch(() => {});
    throw new Error(`PayerRegistry read on ${preset.key} failed: ${reason}`, { cause: error });
  }
}

/** A failure of the dashboard's own database, not of the chain: never recorded against the RPC. */
class StoreError extends Error {}
const stored = async <T>(work: Promise<T>): Promise<T> => {
  try {
    return await work;
  } catch (error) {
    throw new StoreError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

async function readOnce(
  {
    db,
    client,
    preset,
    registry,
    lookbackBlocks,
    confirmations = 12,
    chunkSize = 10_000,
    log = () => {},
  }: PayerCheckOptions,
  payers: string[],
  now: () => Date,
): Promise<PayerCheckSummary> {
  if (preset.key !== "local") {
    const chainId = await client.getChainId();
    if (chainId !== preset.chainId)
      throw new Error(`the RPC answers for chain ${chainId}, expected ${preset.chainId}`);
  }
  const addresses = payers.map((payer) => getAddress(payer));
  const head = Number(await client.getBlockNumber({ cacheTime: 0 }));
  const { minimumDeposit, balances } = await readPayerBalances(client, {
    registry,
    payers: addresses,
    blockNumber: BigInt(head),
  });
  // Balances first: a long or failing event scan never holds back whether a gateway is funded.
  await stored(
    savePayerBalances(db, {
      network: preset.key,
      blockNumber: head,
      readAt: now(),
      minimumDeposit,
      balances,
    }),
  );
  // Events: from where the least-read payer stopped, less the blocks that may still be reorganised,
  // and never further back than the lookback.
  const floor = head - lookbackBlocks + 1;
  const scanned = await stored(payerScanState(db, preset.key, payers));
  const starts = payers.map((payer) => {
    const to = scanned.get(payer);
    return to === undefined || to === null ? floor : Math.max(floor, to - confirmations + 1);
  });
  const fromBlock = Math.max(0, Math.min(head, ...starts));
  let size = chunkSize;
  let events = 0;
  const blockTimes = new Map<number, Date>();
  for (let from = fromBlock; from <= head; ) {
    const to = Math.min(head, from + size - 1);
    const logs = await getPayerLogs(client, {
      registry,
      payers: addresses,
      fromBlock: BigInt(from),
      toBlock: BigInt(to),
      onNarrowed: (accepted) => {
        size = Math.min(size, accepted);
      },
    });
    for (const blockNumber of new Set(logs.map((entry) => entry.blockNumber)))
      if (!blockTimes.has(blockNumber)) {
        const block = await client.getBlock({ blockNumber: BigInt(blockNumber) });
        blockTimes.set(blockNumber, new Date(Number(block.timestamp) * 1000));
      }
    // Each range is kept as it is read: a scan cut short resumes after the last one stored.
    await stored(
      savePayerEvents(db, {
        network: preset.key,
        addresses,
        fromBlock: from,
        toBlock: to,
        logs: logs.map((entry) => ({ ...entry, blockTime: blockTimes.get(entry.blockNumber) ?? now() })),
      }),
    );
    events += logs.length;
    if (head - fromBlock > chunkSize) log(`read payer events of blocks ${from}-${to}`);
    from = to + 1;
  }
  return {
    payers: payers.length,
    funded: balances.filter((item) => item.balance >= minimumDeposit).length,
    events,
    blockNumber: head,
  };
}
