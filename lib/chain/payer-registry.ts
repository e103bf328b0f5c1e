import { type Address, getAbiItem, type Hash, type PublicClient } from "viem";
import type { PayerEventKind } from "../partners/vocabulary";
import { payerRegistryAbi } from "./abi";
import { narrowed } from "./events";

export type PayerBalances = { minimumDeposit: bigint; balances: { address: Address; balance: bigint }[] };

/** Every payer's balance and the minimum deposit, read at one block so they agree with each other. */
export async function readPayerBalances(
  client: PublicClient,
  { registry, payers, blockNumber }: { registry: Address; payers: Address[]; blockNumber: bigint },
): Promise<PayerBalances> {
  const [minimumDeposit, balances] = await Promise.all([
    client.readContract({
      address: registry,
      abi: payerRegistryAbi,
      functionName: "minimumDeposit",
      blockNumber,
    }),
    client.readContract({
      address: registry,
      abi: payerRegistryAbi,
      functionName: "getBalances",
      args: [payers],
      blockNumber,
    }),
  ]);
  if (balances.length !== payers.length)
    throw new Error(`the PayerRegistry answered ${balances.length} balances for ${payers.length} payers`);
  return {
    minimumDeposit,
    balances: payers.map((address, index) => ({ address, balance: balances[index] as bigint })),
  };
}

export type PayerLog = {
  address: Address;
  kind: PayerEventKind;
  amount: bigint;
  payerReportId: Hash | null;
  blockNumber: number;
  txHash: Hash;
  logIndex: number;
};

const depositEvent = getAbiItem({ abi: payerRegistryAbi, name: "Deposit" });
const usageEvent = getAbiItem({ abi: payerRegistryAbi, name: "UsageSettled" });

/** The payers' Deposit and UsageSettled events in [fromBlock, toBlock], halving a range the RPC refuses. */
export async function getPayerLogs(
  client: PublicClient,
  {
    registry,
    payers,
    fromBlock,
    toBlock,
    onNarrowed,
  }: {
    registry: Address;
    payers: Address[];
    fromBlock: bigint;
    toBlock: bigint;
    onNarrowed?: (acceptedBlocks: number) => void;
  },
): Promise<PayerLog[]> {
  try {
    const range = { address: registry, fromBlock, toBlock, strict: true } as const;
    const [deposits, usage] = await Promise.all([
      client.getLogs({ ...range, event: depositEvent, args: { payer: payers } }),
      client.getLogs({ ...range, event: usageEvent, args: { payer: payers } }),
    ]);
    const common = (log: (typeof deposits)[number] | (typeof usage)[number]) => ({
      blockNumber: Number(log.blockNumber),
      txHash: log.transactionHash,
      logIndex: log.logIndex,
    });
    return [
      ...deposits.map((log) => ({
        ...common(log),
        address: log.args.payer,
        kind: "deposit" as const,
        amount: log.args.amount,
        payerReportId: null,
      })),
      ...usage.map((log) => ({
        ...common(log),
        address: log.args.payer,
        kind: "usage_settled" as const,
        amount: log.args.amount,
        payerReportId: log.args.payerReportId,
      })),
    ].sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
  } catch (error) {
    return narrowed(error, { fromBlock, toBlock, onNarrowed }, (range) =>
      getPayerLogs(client, { registry, payers, ...range, onNarrowed }),
    );
  }
}
