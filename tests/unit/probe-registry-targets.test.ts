import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeFunctionData, encodeFunctionResult, type Hex } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nodeRegistryAbi } from "@/lib/chain/abi";
import { parseEnv } from "@/lib/env";
import { registryTargets } from "@/lib/probe/registry-targets";
import { type ScriptedServer, startScriptedServer } from "../support/probe-server";

const REGISTRY = "0x00000000000000000000000000000000000000aa";
const OWNER = "0x00000000000000000000000000000000000000bb";
const node = (nodeId: number, httpAddress: string) => ({
  nodeId,
  node: { signer: OWNER, isCanonical: true, signingPublicKey: "0x02" as Hex, httpAddress },
});

/** A JSON-RPC endpoint that answers the registry's reads, or refuses every call when `refusing`. */
let rpc: ScriptedServer;
let refusing = false;
let hanging = false;
let root: string;
let cacheDir: string;
let run = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "probe-registry-"));
  rpc = await startScriptedServer((request, response) => {
    if (hanging) return; // never answers
    const { id, method, params } = JSON.parse(request.body.toString()) as {
      id: number;
      method: string;
      params: [{ to: string; data: Hex }, string];
    };
    const reply = (body: object) =>
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ jsonrpc: "2.0", id, ...body }));
    if (refusing)
      return reply({
        error: { code: -32601, message: "the method eth_blockNumber does not exist\nsecond line" },
      });
    if (method === "eth_blockNumber") return reply({ result: "0x10" });
    // Every read is of the registry, at the block just read, so the list is one consistent picture.
    if (params[0].to !== REGISTRY || params[1] !== "0x10")
      return reply({
        error: { code: -32601, message: `unexpected call to ${params[0].to} at ${params[1]}` },
      });
    const call = decodeFunctionData({ abi: nodeRegistryAbi, data: params[0].data });
    const results: Record<string, unknown> = {
      getAllNodes: [node(100, "https://a.example"), node(200, ""), node(300, "https://c.example")],
      canonicalNodesCount: 2,
      maxCanonicalNodes: 7,
      ownerOf: OWNER,
      tokenURI: "",
    };
    reply({
      result: encodeFunctionResult({
        abi: nodeRegistryAbi,
        functionName: call.functionName,
        result: results[call.functionName],
      } as never),
    });
  });
});
afterAll(async () => {
  await rpc.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  refusing = false;
  hanging = false;
  cacheDir = join(root, `cache-${run++}`);
});

const env = (overrides: Record<string, string> = {}) =>
  parseEnv({
    SETTLEMENT_RPC_URL: rpc.url,
    NODE_REGISTRY_ADDRESS: REGISTRY,
    RPC_TIMEOUT_MS: "1000",
    ...overrides,
  });

describe("a remote prober's node list from the registry", () => {
  it("lists the registered nodes that have an address, and caches the list beside the spool", async () => {
    const targets = await registryTargets(env(), "local", { cacheDir });
    expect(targets).toEqual([
      { nodeId: 100, httpAddress: "https://a.example" },
      { nodeId: 300, httpAddress: "https://c.example" },
    ]);
    const cached = JSON.parse(await readFile(join(cacheDir, "registry", "targets-local.json"), "utf8"));
    expect(cached).toEqual(targets);
  });

  it("probes the list read last time while the registry cannot be read, and says so", async () => {
    await registryTargets(env(), "local", { cacheDir });
    refusing = true;
    const lines: string[] = [];
    const targets = await registryTargets(env(), "local", { cacheDir, log: (line) => lines.push(line) });
    expect(targets.map((target) => target.nodeId)).toEqual([100, 300]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^registry unreachable \(.*\); probing the 2 nodes read last time$/);
    expect(lines[0]).not.toContain("second line");
    expect(await registryTargets(env(), "local", { cacheDir })).toHaveLength(2);
  });

  it("gives up on a registry that does not answer within RPC_TIMEOUT_MS", { timeout: 15_000 }, async () => {
    await registryTargets(env(), "local", { cacheDir });
    hanging = true;
    const lines: string[] = [];
    const started = performance.now();
    const targets = await registryTargets(env({ RPC_TIMEOUT_MS: "150" }), "local", {
      cacheDir,
      log: (line) => lines.push(line),
    });
    // Far below the 5 s default, so the configured timeout is the one that applied (retries included).
    expect(performance.now() - started).toBeLessThan(4000);
    expect(targets).toHaveLength(2);
    expect(lines[0]).toMatch(/^registry unreachable \(The request took too long to respond\.\); probing/);
  });

  it("fails, naming the network and the cache directory, when there is no list to fall back on", async () => {
    refusing = true;
    await expect(registryTargets(env(), "local", { cacheDir })).rejects.toThrow(
      new RegExp(`^cannot read the local registry \\(.+\\) and no node list is cached in ${cacheDir}$`),
    );
  });

  it("needs both an RPC URL and a registry address", async () => {
    rpc.requests.length = 0;
    for (const missing of [{ SETTLEMENT_RPC_URL: "" }, { NODE_REGISTRY_ADDRESS: "" }] as Record<
      string,
      string
    >[])
      await expect(registryTargets(env(missing), "local", { cacheDir })).rejects.toThrow(
        `cannot read the local registry (no RPC URL or registry address for local) and no node list is cached in ${cacheDir}`,
      );
    expect(rpc.requests).toHaveLength(0);
  });
});
