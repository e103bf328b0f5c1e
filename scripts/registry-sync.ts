import { isAddress } from "viem";
import { NETWORK_KEYS, type NetworkKey } from "@/lib/env";
import { runCli } from "./lib/cli";
import { runDatabaseCommand } from "./lib/database";

const usage = `
Usage: npm run registry:sync -- [--network NAME] [--rpc URL] [--address 0x…] [--from-block N]
                                 [--confirmations N] [--chunk-size N]

One registry sync pass: the registry's event history from the deployment block (resumable, in
bounded block ranges) and its current nodes with their metadata. Progress goes to stderr; the last
line of output is a JSON summary: {"nodes":7,"canonical":4,"newEvents":12,"headBlock":123,"cursorBlock":111}

  --network NAME       testnet, mainnet or local (default: the first of XMTP_NETWORKS; local when
                       --rpc or --address is given without --network)
  --rpc URL            the settlement-chain RPC (overrides the network's preset)
  --address 0x…        the NodeRegistry contract (overrides the preset)
  --from-block N       where history starts (overrides the preset's deployment block)
  --confirmations N    blocks behind the head before the cursor moves (default 12)
  --chunk-size N       blocks per eth_getLogs request (default 10000; halved when refused)
`;

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a whole number (got "${value}")`);
  return Number(value);
}

await runCli({
  usage,
  options: {
    network: { type: "string" },
    rpc: { type: "string" },
    address: { type: "string" },
    "from-block": { type: "string" },
    confirmations: { type: "string" },
    "chunk-size": { type: "string" },
  },
  main: async ({ values, env }) => {
    const { rpc, address } = values;
    if (values.network !== undefined && !(NETWORK_KEYS as readonly string[]).includes(values.network)) {
      throw new Error(`--network must be one of ${NETWORK_KEYS.join(", ")} (got "${values.network}")`);
    }
    if (rpc !== undefined && !/^https?:\/\//.test(rpc))
      throw new Error(`--rpc must be an http(s) URL (got "${rpc}")`);
    if (address !== undefined && !isAddress(address))
      throw new Error(`--address must be a 0x-prefixed 20-byte address (got "${address}")`);
    const chunkSize = wholeNumber("--chunk-size", values["chunk-size"]);
    if (chunkSize === 0) throw new Error("--chunk-size must be at least 1");
    const network = (values.network ?? (rpc || address ? "local" : env.XMTP_NETWORKS[0])) as NetworkKey;
    // Seeded with the named network too, so a network synced only from the command line has its row.
    const runEnv = { ...env, XMTP_NETWORKS: [...new Set([...env.XMTP_NETWORKS, network])] };
    return runDatabaseCommand(
      runEnv,
      "registry:sync",
      {
        network,
        rpcUrl: rpc,
        address,
        fromBlock: wholeNumber("--from-block", values["from-block"]),
        confirmations: wholeNumber("--confirmations", values.confirmations),
        chunkSize,
      },
      (line) => console.error(line),
    );
  },
});
