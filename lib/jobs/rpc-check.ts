import { createPublicClient, http } from "viem";

export type RpcCheck =
  | { ok: true; blockNumber: number; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

/** Asks an RPC for its chain id and head block; any failure becomes a value, never a throw. */
export async function checkRpc(url: string, expectedChainId: number, timeoutMs: number): Promise<RpcCheck> {
  const started = performance.now();
  const client = createPublicClient({ transport: http(url, { timeout: timeoutMs, retryCount: 0 }) });
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const [chainId, blockNumber] = await Promise.all([client.getChainId(), client.getBlockNumber({ cacheTime: 0 })]);
    if (chainId !== expectedChainId) {
      return { ok: false, error: `answers for chain ${chainId}, expected ${expectedChainId}`, latencyMs: elapsed() };
    }
    return { ok: true, blockNumber: Number(blockNumber), latencyMs: elapsed() };
  } catch (error) {
    return { ok: false, error: describeError(error), latencyMs: elapsed() };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // viem's messages run to many lines of docs links; the first line names the problem.
    const short = (error as { shortMessage?: string }).shortMessage ?? error.message;
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const line = short.split("\n")[0] ?? "request failed";
    return cause && !line.includes(cause) ? `${line} (${cause.split("\n")[0]})` : line;
  }
  return String(error);
}
