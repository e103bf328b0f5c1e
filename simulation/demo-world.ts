import { type Address, keccak256, toHex } from "viem";
import { DEMO_MINIMUM_DEPOSIT_DOLLARS, DEMO_PARTNERS } from "./demo-partners";
import { DEMO_NODE_BROKEN_DAYS_AGO } from "./demo-probes";
import {
  deployTestPayerRegistry,
  deployTestRegistry,
  type LocalChain,
  type Registry,
  signingKey,
  startLocalChain,
} from "./evm/local-chain";
import { SimulatedNode, type SimulatedNodeOptions } from "./xmtpd-node";

const DAY_MS = 86_400_000;

/** Who runs each demo node and how it behaves; node ids are the registry's (100, 200, …). */
export const DEMO_NODES = [
  { id: 100, operator: 0, name: "Ephemera Labs", region: "eu-west", canonical: true, role: "steady" },
  { id: 200, operator: 1, name: "Nodeworks", region: "us-east", canonical: true, role: "moved its address" },
  { id: 300, operator: 2, name: "Polar Relay", region: "eu-north", canonical: true, role: "flaky" },
  { id: 400, operator: 3, name: "Sorrel Systems", region: "ap-south", canonical: true, role: "slow" },
  {
    id: 500,
    operator: 4,
    name: "Tidewater Infra",
    region: "us-west",
    canonical: true,
    role: "lagging cursor",
  },
  { id: 600, operator: 0, name: "Ephemera Labs", region: "us-east", canonical: false, role: "not canonical" },
  { id: 700, operator: 1, name: "Nodeworks", region: "eu-west", canonical: false, role: "bad metadata" },
] as const;

export type DemoWorld = {
  rpcUrl: string;
  registryAddress: Address;
  payerRegistryAddress: Address;
  /** Each demo partner's gateway (payer) address, by slug. */
  gateways: Record<string, Address>;
  nodes: Map<number, SimulatedNode>;
  stop: () => Promise<void>;
};

const behaviourOf = (role: (typeof DEMO_NODES)[number]["role"]): SimulatedNodeOptions => {
  if (role === "slow") return { version: "v0.5.2", behaviour: "slow", slowMs: 700 };
  if (role === "lagging cursor") return { version: "v0.5.1", cursor: { 0: 10n, 1: 20n, 100: 940n } };
  // Taken out of the canonical set when it broke; it still answers, with HTTP 503.
  if (role === "bad metadata") return { version: "v0.4.0", behaviour: "http503" };
  return { version: "v0.5.2" };
};

const metadataUri = (node: (typeof DEMO_NODES)[number]) =>
  node.role === "bad metadata"
    ? 'data:application/json,{"operator_name": "Nodeworks", "region": ' // cut short: not JSON
    : `data:application/json,${encodeURIComponent(
        JSON.stringify({
          operator_name: node.name,
          region: node.region,
          external_url: `https://${node.name.toLowerCase().replace(/\s+/g, "-")}.example.org`,
        }),
      )}`;

/**
 * The demo's simulated network: a local EVM whose registry holds seven nodes with a few months of
 * history (nodes added over time, an address change, a node taken out of the canonical set), and
 * the simulated xmtpd nodes behind their addresses, whose cursors advance as a live network's do.
 */
export async function startDemoWorld({
  now = new Date(),
  log = () => {},
}: {
  now?: Date;
  log?: (line: string) => void;
} = {}): Promise<DemoWorld> {
  const daysAgo = (days: number) => Math.floor((now.getTime() - days * DAY_MS) / 1000);
  const nodes = new Map<number, SimulatedNode>();
  let chain: LocalChain | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let flaky: NodeJS.Timeout | undefined;
  const stop = async () => {
    clearInterval(ticker);
    clearInterval(flaky);
    await Promise.all([...nodes.values()].map((node) => node.stop()));
    await chain?.stop();
  };
  try {
    chain = await startLocalChain({ initialDate: new Date(daysAgo(120) * 1000) });
    log(`local EVM on ${chain.rpcUrl}`);
    const registry = await deployTestRegistry(chain);
    log(`node registry at ${registry.address}`);
    const payerRegistry = await deployTestPayerRegistry(chain, BigInt(DEMO_MINIMUM_DEPOSIT_DOLLARS) * USD);
    log(`PayerRegistry at ${payerRegistry.address}`);
    for (const node of DEMO_NODES) nodes.set(node.id, await SimulatedNode.start(behaviourOf(node.role)));
    await writeHistory(chain, registry, nodes, daysAgo);
    const gateways = await writePayerHistory(chain, payerRegistry, daysAgo);
    // Back to the present, so the head block is now.
    await chain.testClient.setNextBlockTimestamp({ timestamp: BigInt(daysAgo(0)) });
    await chain.testClient.mine({ blocks: 1 });
    log(
      `${DEMO_NODES.length} nodes of 5 operators registered, ${DEMO_NODES.filter((n) => n.canonical).length} canonical`,
    );
    // Replication moves on: every node's cursor advances, the lagging one's stays behind.
    ticker = setInterval(() => {
      for (const node of nodes.values())
        node.cursor = { ...node.cursor, 100: BigInt(node.cursor[100] ?? 0) + 25n };
    }, 2_000).unref();
    // The flaky node drops out now and then, for a probe or two.
    flaky = setInterval(() => {
      const node = nodes.get(300);
      if (!node) return;
      void node.set("http503");
      setTimeout(() => void node.set("healthy"), 15_000).unref();
    }, 240_000).unref();
    return {
      rpcUrl: chain.rpcUrl,
      registryAddress: registry.address,
      payerRegistryAddress: payerRegistry.address,
      gateways,
      nodes,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function writeHistory(
  chain: LocalChain,
  registry: Registry,
  nodes: Map<number, SimulatedNode>,
  daysAgo: (days: number) => number,
) {
  const at = async (days: number) =>
    chain.testClient.setNextBlockTimestamp({ timestamp: BigInt(daysAgo(days)) });
  const operators = chain.accounts.slice(1, 6);
  const url = (id: number) => `http://127.0.0.1:${nodes.get(id)?.port}`;
  const add = async (days: number, node: (typeof DEMO_NODES)[number], address: string) => {
    await at(days);
    await registry.write("addNode", [operators[node.operator], await signingKey(node.id / 100), address]);
    await at(days - 0.01);
    await registry.write("setTokenURI", [node.id, metadataUri(node)]);
    if (node.canonical || node.role === "bad metadata") {
      await at(days - 0.02);
      await registry.write("addToNetwork", [node.id]);
    }
  };
  const [steady, moved, flaky, slow, lagging, extra, badMetadata] = DEMO_NODES;
  await add(100, steady, url(100));
  await add(99, moved, "http://127.0.0.1:9/old-address"); // moved to its live address below
  await add(98, flaky, url(300));
  await add(90, slow, url(400));
  await add(85, lagging, url(500));
  await add(70, extra, url(600));
  await add(60, badMetadata, url(700));
  await at(40);
  await registry.write("setHttpAddress", [200, url(200)], operators[moved.operator]);
  await at(DEMO_NODE_BROKEN_DAYS_AGO);
  await registry.write("removeFromNetwork", [700]);
}

const USD = 1_000_000n;

/** The demo partners' gateways: deposits and settled usage, in time order, after the registry's history. */
async function writePayerHistory(
  chain: LocalChain,
  payerRegistry: Registry,
  daysAgo: (days: number) => number,
) {
  const gateways = Object.fromEntries(
    DEMO_PARTNERS.map((partner) => [partner.slug, chain.accounts[partner.gatewayAccount] as Address]),
  );
  const events = DEMO_PARTNERS.flatMap((partner) =>
    partner.payerEvents.map((event) => ({ ...event, payer: gateways[partner.slug] as Address })),
  ).sort((a, b) => b.daysAgo - a.daysAgo);
  for (const [index, event] of events.entries()) {
    await chain.testClient.setNextBlockTimestamp({ timestamp: BigInt(daysAgo(event.daysAgo)) });
    const amount = BigInt(event.dollars) * USD;
    if (event.kind === "deposit") await payerRegistry.write("deposit", [event.payer, amount], event.payer);
    else
      await payerRegistry.write("settleUsage", [
        keccak256(toHex(`demo report ${index}`)),
        event.payer,
        amount,
      ]);
  }
  return gateways;
}
