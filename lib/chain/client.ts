import { createPublicClient, http, type PublicClient } from "viem";
import type { NetworkPreset } from "./networks";

export type RegistryClientOptions = { rpcUrl: string; timeoutMs?: number; retryCount?: number };

/**
 * A viem client for one network: a timeout per request and retries with exponential backoff
 * (viem waits retryDelay × 2^attempt). Multicall batching only where the chain has Multicall3.
 */
export function createRegistryClient(preset: NetworkPreset, options: RegistryClientOptions): PublicClient {
  return createPublicClient({
    chain: preset.chain,
    transport: http(options.rpcUrl, {
      timeout: options.timeoutMs ?? 10_000,
      retryCount: options.retryCount ?? 2,
      retryDelay: 300,
    }),
    batch: preset.hasMulticall ? { multicall: true } : undefined,
  }) as PublicClient;
}
