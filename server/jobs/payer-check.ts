import type { Address } from "viem";
import type { Db } from "@/db/client";
import { withJobRun } from "@/db/mutations/job-runs";
import { partnerPayers } from "@/db/queries/payers";
import { createRegistryClient } from "@/lib/chain/client";
import { networkPreset } from "@/lib/chain/networks";
import type { Env, NetworkKey } from "@/lib/env";
import type { JobTrigger } from "@/lib/job-runs";
import { checkPayers, type PayerCheckOptions } from "@/server/partners/payer-check";
import { rpcVariable } from "./registry-sync";

export type PayerCheckJobOptions = {
  network: NetworkKey;
  trigger: JobTrigger;
  rpcUrl?: string;
  registry?: Address;
} & Pick<PayerCheckOptions, "confirmations" | "chunkSize" | "log" | "now">;

/** One recorded read of a network's PayerRegistry for its partners' payers: the worker's job and the console's button. */
export async function runPayerCheckJob(db: Db, env: Env, options: PayerCheckJobOptions) {
  const preset = networkPreset(env, options.network);
  return withJobRun(db, { job: "payer_check", network: preset.key, trigger: options.trigger }, async () => {
    // A network without partners' payers has nothing to read, configured or not.
    if ((await partnerPayers(db, preset.key)).length === 0)
      return { payers: 0, funded: 0, events: 0, blockNumber: null };
    const rpcUrl = options.rpcUrl ?? preset.rpcUrl;
    const registry = options.registry ?? preset.payerRegistryAddress;
    if (!rpcUrl) throw new Error(`no RPC URL for ${preset.key}: set ${rpcVariable(preset.key)}`);
    if (!registry) throw new Error(`no PayerRegistry address for ${preset.key}: set PAYER_REGISTRY_ADDRESS`);
    return checkPayers({
      ...options,
      db,
      preset,
      rpcUrl,
      registry,
      lookbackBlocks: env.PAYER_EVENTS_LOOKBACK_BLOCKS,
      rpcTimeoutMs: env.RPC_TIMEOUT_MS,
      client: createRegistryClient(preset, { rpcUrl, timeoutMs: env.RPC_TIMEOUT_MS }),
    });
  });
}
