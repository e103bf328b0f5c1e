import { type Address, getAddress, type PublicClient } from "viem";
import type { Db } from "@/db/client";
import { recordSourceCheck } from "@/db/mutations/data-sources";
import { savePayerRead } from "@/db/mutations/payers";
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
    const reason = describeError(error, options.rpcTimeoutMs);
    await recordSourceCheck(db, { ...source, at: now(), ok: false, error: reason }).catch(() => {});
    throw new Error(`PayerRegistry read on ${preset.key} failed: ${reason}`, { cause: error });
  }
}

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
  // Events: from where the least-read payer stopped, less the blocks that may still be reorganised.
  const scanned = await payerScanState(db, preset.key, payers);
  const starts = payers.map((payer) => {
    const to = scanned.get(payer);
    return to === undefined || to === null ? head - lookbackBlocks + 1 : to - confirmations + 1;
  });
  const fromBlock = Math.max(0, Math.min(head, ...starts));
  const logs = [];
  let size = chunkSize;
  for (let from = fromBlock; from <= head; ) {
    const to = Math.min(head, from + size - 1);
    logs.push(
      ...(await getPayerLogs(client, {
        registry,
        payers: addresses,
        fromBlock: BigInt(from),
        toBlock: BigInt(to),
        onNarrowed: (accepted) => {
          size = Math.min(size, accepted);
        },
      })),
    );
    if (head - fromBlock > chunkSize) log(`read payer events of blocks ${from}-${to}`);
    from = to + 1;
  }
  const blockTimes = new Map<number, Date>();
  for (const blockNumber of new Set(logs.map((entry) => entry.blockNumber))) {
    const block = await client.getBlock({ blockNumber: BigInt(blockNumber) });
    blockTimes.set(blockNumber, new Date(Number(block.timestamp) * 1000));
  }
  await savePayerRead(db, {
    network: preset.key,
    blockNumber: head,
    readAt: now(),
    minimumDeposit,
    balances,
    events: {
      fromBlock,
      toBlock: head,
      logs: logs.map((entry) => ({ ...entry, blockTime: blockTimes.get(entry.blockNumber) ?? now() })),
    },
  });
  return {
    payers: payers.length,
    funded: balances.filter((item) => item.balance >= minimumDeposit).length,
    events: logs.length,
    blockNumber: head,
  };
}
