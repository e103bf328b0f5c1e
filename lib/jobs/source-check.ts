import type { Db } from "@/db/client";
import { recordSourceCheck } from "@/db/mutations/data-sources";
import { networkPresets } from "../chain/networks";
import { checkRpc } from "../chain/rpc-check";
import type { Env } from "../env";
import { endpointHost } from "../format";

/** Checks every collected network's RPC and records whether it answers. One failure never stops the others. */
export async function runSourceCheck(db: Db, env: Env, now: () => Date = () => new Date()) {
  const presets = networkPresets(env).filter(
    (preset) => env.XMTP_NETWORKS.includes(preset.key) && preset.rpcUrl,
  );
  return Promise.all(
    presets.map(async (preset) => {
      const url = preset.rpcUrl as string;
      const expectedChainId = preset.key === "local" ? null : preset.chainId;
      const check = await checkRpc(url, expectedChainId, env.SOURCE_CHECK_TIMEOUT_MS);
      await recordSourceCheck(db, {
        network: preset.key,
        source: "rpc",
        endpoint: endpointHost(url), // never the full URL: hosted RPC URLs carry API keys
        at: now(),
        ok: check.ok,
        error: check.ok ? undefined : check.error,
        detail: check.ok
          ? { blockNumber: check.blockNumber, latencyMs: check.latencyMs }
          : { latencyMs: check.latencyMs },
      });
      return { network: preset.key, ...check };
    }),
  );
}
