import type { Address } from "viem";
import type { Db } from "@/db/client";
import { withJobRun } from "@/db/mutations/job-runs";
import { createRegistryClient } from "@/lib/chain/client";
import { networkPreset } from "@/lib/chain/networks";
import type { Env, NetworkKey } from "@/lib/env";
import type { JobTrigger } from "@/lib/job-runs";
import { type RegistrySyncOptions, syncRegistry } from "@/server/registry/sync";

export type RegistrySyncJobOptions = {
  network: NetworkKey;
  trigger: JobTrigger;
  rpcUrl?: string;
  address?: Address;
  fromBlock?: number;
} & Pick<RegistrySyncOptions, "confirmations" | "chunkSize" | "metadata" | "log" | "now">;

/** One recorded registry sync of one network: the worker's job and the CLI's pass. */
export async function runRegistrySyncJob(db: Db, env: Env, options: RegistrySyncJobOptions) {
  const preset = networkPreset(env, options.network);
  return withJobRun(db, { job: "registry_sync", network: preset.key, trigger: options.trigger }, async () => {
    // Checked inside the run, so a misconfigured network shows up as a failed run too.
    const rpcUrl = options.rpcUrl ?? preset.rpcUrl;
    const address = options.address ?? preset.registryAddress;
    if (!rpcUrl)
      throw new Error(`no RPC URL for ${preset.key}: set ${rpcVariable(preset.key)} or pass --rpc`);
    if (!address)
      throw new Error(`no registry address for ${preset.key}: set NODE_REGISTRY_ADDRESS or pass --address`);
    return syncRegistry({
      ...options,
      db,
      preset,
      rpcUrl,
      address,
      fromBlock: options.fromBlock ?? preset.registryFromBlock,
      rpcTimeoutMs: env.RPC_TIMEOUT_MS,
      client: createRegistryClient(preset, { rpcUrl, timeoutMs: env.RPC_TIMEOUT_MS }),
    });
  });
}

export function rpcVariable(network: NetworkKey) {
  return { testnet: "TESTNET_RPC_URL", mainnet: "MAINNET_RPC_URL", local: "SETTLEMENT_RPC_URL" }[network];
}
