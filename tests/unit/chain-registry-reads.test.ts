import {
  type Address,
  BaseError,
  type Chain,
  createPublicClient,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  RpcRequestError,
} from "viem";
import { publicKeyToAddress } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeRegistryAbi } from "@/lib/chain/abi";
import { getRegistryLogs, isRangeRefusal } from "@/lib/chain/events";
import { readRegistrySnapshot } from "@/lib/chain/snapshot";
import {
  deployTestRegistry,
  hardhatChain,
  type LocalChain,
  type Registry,
  signingKey,
  startLocalChain,
} from "../../simulation/evm/local-chain";
import { compileMulticall3 } from "../support/chain-multicall3";
import { type RpcCall, startInterceptingProxy } from "../support/chain-rpc-proxy";

const NODES = 10; // more than one batch of eight plain reads
const META = "https://meta.example.org/nodes/";
const DATA_URI = `data:application/json,${encodeURIComponent('{"region":"ap"}')}`;

let chain: LocalChain;
let registry: Registry;
let other: Registry;
let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>;
let plain: PublicClient;
let batched: PublicClient;
let beforeUris: bigint;
let settled: bigint;
const keys: Hex[] = [];
const addTx: Hex[] = [];

beforeAll(async () => {
  chain = await startLocalChain();
  proxy = await startInterceptingProxy(chain.rpcUrl);
  const { abi, bytecode } = compileMulticall3();
  const [admin] = chain.accounts as [Address];
  const deployed = await chain.publicClient.waitForTransactionReceipt({
    hash: await chain.walletClient.deployContract({ abi, bytecode, account: admin, chain: hardhatChain }),
  });
  registry = await deployTestRegistry(chain);
  other = await deployTestRegistry(chain);
  for (let n = 1; n <= NODES; n++) {
    keys.push(await signingKey(n));
    addTx.push(
      await registry.write("addNode", [chain.accounts[n % 5], keys[n - 1], `https://node${n}.example.org`]),
    );
  }
  beforeUris = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  await registry.write("setBaseURI", [META]);
  await registry.write("setTokenURI", [300, DATA_URI]);
  await registry.write("addToNetwork", [100]);
  await registry.write("addToNetwork", [200]);
  await registry.write("setMaxCanonicalNodes", [5]);
  await registry.write("setHttpAddress", [100, "https://moved.example.org"], chain.accounts[1]);
  await registry.write("transferFrom", [chain.accounts[2], chain.accounts[9], 200], chain.accounts[2]);
  await other.write("addNode", [chain.accounts[3], keys[0], "https://elsewhere.example.org"]);
  settled = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  await chain.testClient.mine({ blocks: 1 }); // `settled` is history now, whatever later tests change
  plain = createPublicClient({
    chain: hardhatChain,
    transport: http(proxy.url, { retryCount: 0 }),
  }) as PublicClient;
  const withMulticall: Chain = {
    ...hardhatChain,
    contracts: {
      multicall3: {
        address: deployed.contractAddress as Address,
        blockCreated: Number(deployed.blockNumber),
      },
    },
  };
  batched = createPublicClient({
    chain: withMulticall,
    transport: http(proxy.url, { retryCount: 0 }),
  }) as PublicClient;
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await chain?.stop();
});

const isTokenUriOf = (call: RpcCall, nodeId: bigint) =>
  call.method === "eth_call" &&
  (call.params?.[0] as { data?: Hex } | undefined)?.data ===
    encodeFunctionData({ abi: nodeRegistryAbi, functionName: "tokenURI", args: [nodeId] });

describe("a registry snapshot", () => {
  const expected = () =>
    Array.from({ length: NODES }, (_, i) => ({
      nodeId: (i + 1) * 100,
      owner: i + 1 === 2 ? chain.accounts[9] : chain.accounts[(i + 1) % 5],
      signer: publicKeyToAddress(keys[i] as Hex),
      isCanonical: i < 2,
      signingPublicKey: keys[i],
      httpAddress: i === 0 ? "https://moved.example.org" : `https://node${i + 1}.example.org`,
      tokenUri: i === 2 ? DATA_URI : `${META}${(i + 1) * 100}`,
    }));

  it("reads every node with its owner and metadata URI, one call at a time on a bare chain", async () => {
    proxy.intercept();
    const snapshot = await readRegistrySnapshot(plain, {
      address: registry.address,
      blockNumber: settled,
      multicall: false,
    });
    expect(snapshot).toEqual({
      blockNumber: settled,
      nodes: expected(),
      canonicalNodesCount: 2,
      maxCanonicalNodes: 5,
    });
    expect(proxy.calls.filter((call) => call.method === "eth_call")).toHaveLength(3 + 2 * NODES);
  });

  it("reads the same picture through Multicall3, in one call for all the nodes", async () => {
    proxy.intercept();
    const snapshot = await readRegistrySnapshot(batched, {
      address: registry.address,
      blockNumber: settled,
      multicall: true,
    });
    expect(snapshot).toEqual({
      blockNumber: settled,
      nodes: expected(),
      canonicalNodesCount: 2,
      maxCanonicalNodes: 5,
    });
    expect(proxy.calls.filter((call) => call.method === "eth_call")).toHaveLength(4);
  });

  it("reads the registry as it was at the block asked for, an empty URI meaning none", async () => {
    for (const [client, multicall] of [
      [plain, false],
      [batched, true],
    ] as const) {
      const snapshot = await readRegistrySnapshot(client, {
        address: registry.address,
        blockNumber: beforeUris,
        multicall,
      });
      expect(snapshot.canonicalNodesCount, String(multicall)).toBe(0);
      expect(snapshot.maxCanonicalNodes).toBe(7);
      expect(snapshot.nodes.map((node) => [node.httpAddress, node.isCanonical, node.tokenUri])).toEqual(
        Array.from({ length: NODES }, (_, i) => [`https://node${i + 1}.example.org`, false, null]),
      );
      expect(snapshot.nodes[1]?.owner).toBe(chain.accounts[2]);
    }
  });

  it("takes a node whose tokenURI reverts as one without metadata", async () => {
    // The proxy asks for a token that does not exist instead, so the node itself reverts.
    proxy.intercept((call) =>
      isTokenUriOf(call, 300n)
        ? {
            ...call,
            params: [
              {
                ...(call.params?.[0] as object),
                data: encodeFunctionData({ abi: nodeRegistryAbi, functionName: "tokenURI", args: [999n] }),
              },
              ...(call.params?.slice(1) ?? []),
            ],
          }
        : undefined,
    );
    const snapshot = await readRegistrySnapshot(plain, {
      address: registry.address,
      blockNumber: settled,
      multicall: false,
    });
    expect(snapshot.nodes.map((node) => node.tokenUri)).toEqual(
      expected().map((node, i) => (i === 2 ? null : node.tokenUri)),
    );
  });

  it("fails when reading a tokenURI fails for any other reason", async () => {
    proxy.intercept((call) =>
      isTokenUriOf(call, 300n) ? { error: { code: -32000, message: "header not found" } } : undefined,
    );
    await expect(
      readRegistrySnapshot(plain, { address: registry.address, blockNumber: settled, multicall: false }),
    ).rejects.toThrow("header not found");
  });

  it("fails, naming the node, when the registry lists a node without an owner", async () => {
    proxy.intercept();
    // Node 500's entry in the ERC-721 owners mapping (slot 4) cleared: ownerOf and tokenURI revert.
    const slot = keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [500n, 4n]));
    await chain.testClient.setStorageAt({
      address: registry.address,
      index: slot,
      value: `0x${"0".repeat(64)}`,
    });
    await chain.testClient.mine({ blocks: 1 });
    const blockNumber = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    await expect(
      readRegistrySnapshot(batched, { address: registry.address, blockNumber, multicall: true }),
    ).rejects.toThrow("ownerOf(500) failed: the registry lists a node without an owner");
    await expect(
      readRegistrySnapshot(plain, { address: registry.address, blockNumber, multicall: false }),
    ).rejects.toThrow("ERC721NonexistentToken");
  });
});

describe("the registry's logs", () => {
  const range = (call: RpcCall) => {
    const filter = call.params?.[0] as { fromBlock: Hex; toBlock: Hex };
    return [Number(filter.fromBlock), Number(filter.toBlock)];
  };
  const getLogsCalls = () => proxy.calls.filter((call) => call.method === "eth_getLogs");
  const refuseWiderThan = (blocks: number, message: (width: number) => string) =>
    proxy.intercept((call) => {
      if (call.method !== "eth_getLogs") return undefined;
      const [from = 0, to = 0] = range(call);
      const width = to - from + 1;
      return width > blocks ? { error: { code: -32005, message: message(width) } } : undefined;
    });

  it("are every registry event of the range, in order, with their node and arguments", async () => {
    proxy.intercept();
    const logs = await getRegistryLogs(plain, { address: registry.address, fromBlock: 0n, toBlock: settled });
    expect(logs.map((log) => log.eventName)).toEqual([
      ...Array.from({ length: NODES }, () => ["Transfer", "NodeAdded"]).flat(),
      "NodeAddedToCanonicalNetwork",
      "NodeAddedToCanonicalNetwork",
      "HttpAddressUpdated",
      "Transfer",
    ]);
    const receipt = await chain.publicClient.getTransactionReceipt({ hash: addTx[0] as Hex });
    const [mint, added] = logs;
    expect(mint).toEqual({
      blockNumber: Number(receipt.blockNumber),
      blockHash: receipt.blockHash,
      txHash: addTx[0],
      logIndex: 0,
      eventName: "Transfer",
      nodeId: 100,
      args: { from: "0x0000000000000000000000000000000000000000", to: chain.accounts[1], tokenId: "100" },
    });
    expect(added).toEqual({
      blockNumber: Number(receipt.blockNumber),
      blockHash: receipt.blockHash,
      txHash: addTx[0],
      logIndex: 1,
      eventName: "NodeAdded",
      nodeId: 100,
      args: {
        nodeId: 100,
        owner: chain.accounts[1],
        signer: publicKeyToAddress(keys[0] as Hex),
        signingPublicKey: keys[0],
        httpAddress: "https://node1.example.org",
      },
    });
    expect(logs.at(-2)).toMatchObject({
      nodeId: 100,
      args: { nodeId: 100, httpAddress: "https://moved.example.org" },
    });
    expect(logs.at(-1)).toMatchObject({
      nodeId: 200,
      args: { from: chain.accounts[2], to: chain.accounts[9] },
    });
  });

  it("leave out other contracts' events", async () => {
    proxy.intercept();
    const logs = await getRegistryLogs(plain, { address: other.address, fromBlock: 0n, toBlock: settled });
    expect(logs.map((log) => [log.eventName, log.args.httpAddress ?? null])).toEqual([
      ["Transfer", null],
      ["NodeAdded", "https://elsewhere.example.org"],
    ]);
  });

  it("halve a range the RPC refuses until each part is accepted, reporting each accepted width", async () => {
    proxy.intercept();
    const whole = await getRegistryLogs(plain, { address: registry.address, fromBlock: 1n, toBlock: 10n });
    refuseWiderThan(3, (width) => `block range too large: ${width} > 3`);
    const narrowed: number[] = [];
    const logs = await getRegistryLogs(plain, {
      address: registry.address,
      fromBlock: 1n,
      toBlock: 10n,
      onNarrowed: (blocks) => narrowed.push(blocks),
    });
    expect(logs).toEqual(whole);
    expect(whole.length).toBeGreaterThan(4);
    expect(getLogsCalls().map(range)).toEqual([
      [1, 10],
      [1, 5],
      [1, 3],
      [4, 5],
      [6, 10],
      [6, 8],
      [9, 10],
    ]);
    expect(narrowed).toEqual([5, 3, 3]);
  });

  it("halve without a listener too", async () => {
    refuseWiderThan(5, () => "query returned more than 10000 results");
    const logs = await getRegistryLogs(plain, { address: registry.address, fromBlock: 1n, toBlock: 10n });
    expect(getLogsCalls().map(range)).toEqual([
      [1, 10],
      [1, 5],
      [6, 10],
    ]);
    expect(logs.length).toBeGreaterThan(4);
  });

  it("throw a refusal of a single block rather than narrowing forever", async () => {
    refuseWiderThan(0, () => "block range too large");
    await expect(
      getRegistryLogs(plain, { address: registry.address, fromBlock: 4n, toBlock: 4n }),
    ).rejects.toThrow("block range too large");
    expect(getLogsCalls()).toHaveLength(1);
    refuseWiderThan(0, () => "block range too large");
    await expect(
      getRegistryLogs(plain, { address: registry.address, fromBlock: 4n, toBlock: 5n }),
    ).rejects.toThrow("block range too large");
    expect(getLogsCalls().map(range)).toEqual([
      [4, 5],
      [4, 4],
    ]);
  });

  it("throw any other failure, a rate limit included, without narrowing", async () => {
    refuseWiderThan(0, () => "rate limit exceeded for eth_getLogs range");
    await expect(
      getRegistryLogs(plain, { address: registry.address, fromBlock: 1n, toBlock: 10n }),
    ).rejects.toThrow("rate limit exceeded");
    expect(getLogsCalls()).toHaveLength(1);
    refuseWiderThan(0, () => "internal error");
    await expect(
      getRegistryLogs(plain, { address: registry.address, fromBlock: 1n, toBlock: 10n }),
    ).rejects.toThrow("internal error");
    expect(getLogsCalls()).toHaveLength(1);
  });
});

describe("a range refusal", () => {
  const refusal = (message: string, code = -32005) =>
    new RpcRequestError({ body: { method: "eth_getLogs" }, error: { code, message }, url: "http://rpc" });

  it("is recognised however viem wraps it, and by any of the wordings public RPCs use", () => {
    for (const message of [
      "exceed maximum block range: 5000",
      "query timeout exceeded",
      "max allowed block span is 2000",
    ])
      expect(isRangeRefusal(refusal(message)), message).toBe(true);
    expect(
      isRangeRefusal(new RpcRequestError({ body: {}, error: { code: -32000, message: "oops" }, url: "u" })),
    ).toBe(false);
  });

  it("is only ever an RPC's answer, not another viem error about ranges", () => {
    expect(isRangeRefusal(new BaseError("block range too large"))).toBe(false);
  });

  it("is never a rate limit, whatever else the message says", () => {
    expect(isRangeRefusal(refusal("429: block range limited"))).toBe(false);
    expect(isRangeRefusal(refusal("ratelimit: more than 10 requests"))).toBe(false);
  });
});
