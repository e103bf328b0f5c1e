import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nodeRegistryAbi } from "@/lib/chain/abi";
import { createRegistryClient } from "@/lib/chain/client";
import { networkPreset } from "@/lib/chain/networks";
import { parseEnv } from "@/lib/env";

type Call = { id: number; method: string; params?: { to?: string }[] };
let calls: { path: string; call: Call }[] = [];

// A JSON-RPC endpoint that records what it is asked: /down answers 503 (retry at once), /hang never
// answers, anything else answers every call with an execution error.
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    const path = request.url ?? "/";
    const parsed = JSON.parse(body) as Call | Call[];
    for (const call of Array.isArray(parsed) ? parsed : [parsed]) calls.push({ path, call });
    if (path === "/hang") return;
    if (path === "/down") {
      response.writeHead(503, { "retry-after": "0" });
      response.end("busy");
      return;
    }
    const answer = (call: Call) => ({
      jsonrpc: "2.0",
      id: call.id,
      error: { code: 3, message: "execution reverted" },
    });
    response.end(JSON.stringify(Array.isArray(parsed) ? parsed.map(answer) : answer(parsed)));
  });
});
let base = "";
const env = parseEnv({});
const REGISTRY = "0x7C639a2be8B75c4799c1372A42448f41B89D88DE";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  calls = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("a registry client", () => {
  it("retries a failed request twice by default", async () => {
    const client = createRegistryClient(networkPreset(env, "testnet"), { rpcUrl: `${base}/down` });
    await expect(client.getBlockNumber()).rejects.toThrow("HTTP request failed");
    expect(calls).toHaveLength(3);
  });

  it("retries as often as asked", async () => {
    const client = createRegistryClient(networkPreset(env, "testnet"), {
      rpcUrl: `${base}/down`,
      retryCount: 0,
    });
    await expect(client.getBlockNumber()).rejects.toThrow("HTTP request failed");
    expect(calls).toHaveLength(1);
  });

  it("gives up on a request after the timeout it is given", async () => {
    const client = createRegistryClient(networkPreset(env, "testnet"), {
      rpcUrl: `${base}/hang`,
      timeoutMs: 40,
      retryCount: 0,
    });
    const started = performance.now();
    await expect(client.getBlockNumber()).rejects.toThrow("The request took too long to respond.");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("sends reads made together as one Multicall3 call where the chain has it", async () => {
    const preset = networkPreset(env, "testnet");
    const client = createRegistryClient(preset, { rpcUrl: `${base}/rpc`, retryCount: 0 });
    const read = (functionName: "canonicalNodesCount" | "maxCanonicalNodes") =>
      client.readContract({ address: REGISTRY, abi: nodeRegistryAbi, functionName }).catch(() => null);
    await Promise.all([read("canonicalNodesCount"), read("maxCanonicalNodes")]);
    const ethCalls = calls.filter(({ call }) => call.method === "eth_call");
    expect(ethCalls.map(({ call }) => call.params?.[0]?.to?.toLowerCase())).toEqual([
      preset.chain.contracts?.multicall3?.address.toLowerCase(),
    ]);
  });

  it("sends each read on its own on a chain without Multicall3", async () => {
    const client = createRegistryClient(networkPreset(env, "local"), {
      rpcUrl: `${base}/rpc`,
      retryCount: 0,
    });
    const read = (functionName: "canonicalNodesCount" | "maxCanonicalNodes") =>
      client.readContract({ address: REGISTRY, abi: nodeRegistryAbi, functionName }).catch(() => null);
    await Promise.all([read("canonicalNodesCount"), read("maxCanonicalNodes")]);
    expect(calls.map(({ call }) => [call.method, call.params?.[0]?.to])).toEqual([
      ["eth_call", REGISTRY],
      ["eth_call", REGISTRY],
    ]);
  });

  it("answers for the preset's chain", () => {
    expect(createRegistryClient(networkPreset(env, "mainnet"), { rpcUrl: base }).chain?.id).toBe(8453);
  });
});
