import { createPublicClient, http } from "viem";
import { firstLine } from "../errors";

export type RpcCheck =
  | { ok: true; blockNumber: number; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

/**
 * Asks an RPC for its chain id and head block; any failure becomes a value, never a throw.
 * `expectedChainId` null accepts any chain (a local EVM may have any id).
 */
export async function checkRpc(
  url: string,
  expectedChainId: number | null,
  timeoutMs: number,
): Promise<RpcCheck> {
  const started = performance.now();
  const client = createPublicClient({ transport: http(url, { timeout: timeoutMs, retryCount: 0 }) });
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const [chainId, blockNumber] = await Promise.all([
      client.getChainId(),
      // Stryker disable next-line ObjectLiteral: the client is new for every check, so it has no cached block number to reuse
      client.getBlockNumber({ cacheTime: 0 }),
    ]);
    if (expectedChainId !== null && chainId !== expectedChainId) {
      return {
        ok: false,
        error: `answers for chain ${chainId}, expected ${expectedChainId}`,
        latencyMs: elapsed(),
      };
    }
    return { ok: true, blockNumber: Number(blockNumber), latencyMs: elapsed() };
  } catch (error) {
    return { ok: false, error: describeError(error, timeoutMs), latencyMs: elapsed() };
  }
}

export const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: "DNS lookup failed",
  EAI_AGAIN: "DNS lookup failed",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

/** The most specific reason in an error's cause chain: "DNS lookup failed (ENOTFOUND)", "no answer within 5000 ms". */
export function describeError(error: unknown, timeoutMs?: number): string {
  let deepest = "";
  for (let cause: unknown = error, depth = 0; cause && depth < 6; depth++) {
    const { code: rawCode, name, message } = cause as { code?: unknown; name?: string; message?: string };
    // JSON-RPC errors carry numeric codes (-32000); only Node's string codes name a network failure.
    const code = typeof rawCode === "string" ? rawCode : undefined;
    if (name === "TimeoutError") return timeoutMs ? `no answer within ${timeoutMs} ms` : "no answer in time";
    if (code && NETWORK_CODES[code]) return `${NETWORK_CODES[code]} (${code})`;
    if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `TLS error (${code})`;
    if (depth > 0 && message) deepest = firstLine(message);
    cause = (cause as { cause?: unknown }).cause;
  }
  const message =
    (error as { shortMessage?: string }).shortMessage ??
    (error instanceof Error ? error.message : String(error));
  const short = firstLine(message);
  return deepest && !short.includes(deepest) ? `${short.replace(/\.$/, "")}: ${deepest}` : short;
}
