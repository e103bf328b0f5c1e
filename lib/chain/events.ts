import { type Address, BaseError, type Hash, type PublicClient, RpcRequestError } from "viem";
import { nodeRegistryAbi, REGISTRY_EVENT_NAMES, type RegistryEventName } from "./abi";

export type RegistryLog = {
  blockNumber: number;
  blockHash: Hash;
  txHash: Hash;
  logIndex: number;
  eventName: RegistryEventName;
  nodeId: number | null;
  args: Record<string, string | number | boolean>;
};

const registryEvents = nodeRegistryAbi.filter(
  (item) => item.type === "event" && (REGISTRY_EVENT_NAMES as readonly string[]).includes(item.name),
);

// Public RPCs refuse wide eth_getLogs ranges with messages like these; a rate limit is not one of them.
const RANGE_REFUSAL = /range|limited|more than|exceed|max.*block|10,?000|query timeout|response size/i;
const RATE_LIMIT = /rate.?limit|too many requests|429/i;

export function isRangeRefusal(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const rpc = error.walk((cause) => cause instanceof RpcRequestError);
  if (rpc === null) return false;
  // The RPC's own words only: the full message also quotes the request, whose hex may hold "429".
  const text = `${(rpc as RpcRequestError).details} ${(rpc as RpcRequestError).shortMessage}`;
  return RANGE_REFUSAL.test(text) && !RATE_LIMIT.test(text);
}

/**
 * The registry's logs in [fromBlock, toBlock]. When the RPC refuses the range, the range is halved
 * and retried; any other failure (RPC down, timeout) is thrown for the caller to record.
 */
export async function getRegistryLogs(
  client: PublicClient,
  {
    address,
    fromBlock,
    toBlock,
    onNarrowed,
  }: { address: Address; fromBlock: bigint; toBlock: bigint; onNarrowed?: (acceptedBlocks: number) => void },
): Promise<RegistryLog[]> {
  try {
    // Stryker disable next-line BooleanLiteral: the registry emits these events only with this indexing, so every log it returns decodes either way
    const logs = await client.getLogs({ address, events: registryEvents, fromBlock, toBlock, strict: true });
    return logs.map((log) => {
      const args = Object.fromEntries(
        Object.entries(log.args as Record<string, unknown>).map(([key, value]) => [
          key,
          typeof value === "bigint" ? value.toString() : (value as string | number | boolean),
        ]),
      );
      const id = args.nodeId ?? args.tokenId;
      return {
        blockNumber: Number(log.blockNumber),
        blockHash: log.blockHash,
        txHash: log.transactionHash,
        logIndex: log.logIndex,
        eventName: log.eventName as RegistryEventName,
        // Stryker disable next-line ConditionalExpression: every registry event carries a nodeId or a tokenId; null is only a guard
        nodeId: id === undefined ? null : Number(id),
        args,
      };
    });
  } catch (error) {
    return narrowed(error, { fromBlock, toBlock, onNarrowed }, (range) =>
      getRegistryLogs(client, { address, ...range, onNarrowed }),
    );
  }
}

/**
 * When the RPC refused a range of logs, the range halved and each half asked again (and again,
 * while refused); any other failure (RPC down, timeout) is thrown for the caller to record.
 */
export async function narrowed<T>(
  error: unknown,
  {
    fromBlock,
    toBlock,
    onNarrowed,
  }: { fromBlock: bigint; toBlock: bigint; onNarrowed?: (acceptedBlocks: number) => void },
  ask: (range: { fromBlock: bigint; toBlock: bigint }) => Promise<T[]>,
): Promise<T[]> {
  if (toBlock <= fromBlock || !isRangeRefusal(error)) throw error;
  const middle = fromBlock + (toBlock - fromBlock) / 2n;
  onNarrowed?.(Number(middle - fromBlock) + 1);
  const first = await ask({ fromBlock, toBlock: middle });
  const second = await ask({ fromBlock: middle + 1n, toBlock });
  return [...first, ...second];
}
