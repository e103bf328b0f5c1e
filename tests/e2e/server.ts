/**
 * The e2e web server: a local EVM with a registry of five nodes, then the production dashboard
 * collecting it as the `local` network beside the two public networks, whose RPCs point at a closed
 * port (this machine has no outside network). Nodes 100-300 sit at unreachable example.org addresses
 * (300, plain http, left the canonical set); 400 and 500 are simulated xmtpd nodes on loopback, one
 * healthy and one answering HTTP 503, which the inline worker probes every few seconds.
 */
import { spawn } from "node:child_process";
import { deployTestRegistry, signingKey, startLocalChain } from "../../simulation/evm/local-chain";
import { SimulatedNode } from "../../simulation/xmtpd-node";
import { LOCAL_NETWORK } from "./local-network";

const chain = await startLocalChain();
const registry = await deployTestRegistry(chain);
const healthy = await SimulatedNode.start({ version: LOCAL_NETWORK.healthy.version });
const failing = await SimulatedNode.start({ behaviour: "http503" });
const [, alice, bob, carol, dave, erin] = chain.accounts;
await registry.write("addNode", [alice, await signingKey(1), "https://node-a.example.org"]);
await registry.write("addNode", [bob, await signingKey(2), "https://node-b.example.org"]);
await registry.write("addNode", [carol, await signingKey(3), "http://node-c.example.org"]);
await registry.write("addNode", [dave, await signingKey(4), healthy.url]);
await registry.write("addNode", [erin, await signingKey(5), failing.url]);
for (const id of [100, 200, 300, 400, 500]) await registry.write("addToNetwork", [id]);
await registry.write("removeFromNetwork", [300]);

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    XMTP_NETWORKS: "testnet,mainnet,local",
    SETTLEMENT_RPC_URL: chain.rpcUrl,
    NODE_REGISTRY_ADDRESS: registry.address,
    // The simulated nodes listen on loopback, which the prober refuses unless told otherwise.
    PROBE_ALLOW_PRIVATE: "1",
    PROBE_INTERVAL_S: "5",
  },
});
const stopFixtures = () => Promise.all([chain.stop(), healthy.stop(), failing.stop()]);
const stop = async () => {
  server.kill("SIGTERM");
  await stopFixtures();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  await stopFixtures();
  process.exit(code ?? 0);
});
