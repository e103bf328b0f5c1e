/**
 * The e2e web server: a local EVM with a registry of three nodes (one on a plain-http address, so a
 * check shows), then the production dashboard collecting it as the `local` network beside the two
 * public networks, whose RPCs point at a closed port (this machine has no outside network).
 */
import { spawn } from "node:child_process";
import { deployTestRegistry, signingKey, startLocalChain } from "../fixtures/evm/local-chain";

const chain = await startLocalChain();
const registry = await deployTestRegistry(chain);
const [, alice, bob, carol] = chain.accounts;
await registry.write("addNode", [alice, await signingKey(1), "https://node-a.example.org"]);
await registry.write("addNode", [bob, await signingKey(2), "https://node-b.example.org"]);
await registry.write("addNode", [carol, await signingKey(3), "http://node-c.example.org"]);
for (const id of [100, 200, 300]) await registry.write("addToNetwork", [id]);
await registry.write("removeFromNetwork", [300]);

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    XMTP_NETWORKS: "testnet,mainnet,local",
    SETTLEMENT_RPC_URL: chain.rpcUrl,
    NODE_REGISTRY_ADDRESS: registry.address,
  },
});
const stop = async () => {
  server.kill("SIGTERM");
  await chain.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  await chain.stop();
  process.exit(code ?? 0);
});
