import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createRegistryClient } from "../chain/client";
import { networkPreset } from "../chain/networks";
import { readRegistrySnapshot } from "../chain/snapshot";
import type { Env, NetworkKey } from "../env";
import type { ProbeTarget } from "./round";

/**
 * A remote prober's node list, read from the registry contract itself rather than from the
 * dashboard (which may be down: that is when the spool matters). The last list read is cached
 * beside the spool and used while the chain's RPC cannot be reached.
 */
export async function registryTargets(
  env: Env,
  network: NetworkKey,
  { cacheDir, log = () => {} }: { cacheDir: string; log?: (line: string) => void },
): Promise<ProbeTarget[]> {
  const cache = join(cacheDir, "registry", `targets-${network}.json`);
  try {
    const preset = networkPreset(env, network);
    if (!preset.rpcUrl || !preset.registryAddress)
      throw new Error(`no RPC URL or registry address for ${network}`);
    const client = createRegistryClient(preset, { rpcUrl: preset.rpcUrl, timeoutMs: env.RPC_TIMEOUT_MS });
    const snapshot = await readRegistrySnapshot(client, {
      address: preset.registryAddress,
      blockNumber: await client.getBlockNumber(),
      multicall: preset.hasMulticall,
    });
    const targets = snapshot.nodes
      .filter((node) => node.httpAddress)
      .map((node) => ({ nodeId: node.nodeId, httpAddress: node.httpAddress }));
    await mkdir(dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify(targets));
    return targets;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    try {
      const cached = JSON.parse(await readFile(cache, "utf8")) as ProbeTarget[];
      log(`registry unreachable (${reason}); probing the ${cached.length} nodes read last time`);
      return cached;
    } catch {
      throw new Error(
        `cannot read the ${network} registry (${reason}) and no node list is cached in ${cacheDir}`,
      );
    }
  }
}
