import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataSources, jobRuns, nodes, registryEvents, syncCursors } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import { compileTestRegistry } from "../../simulation/evm/compile";
import {
  deployTestRegistry,
  freePort,
  type LocalChain,
  type Registry,
  signingKey,
  startLocalChain,
} from "../../simulation/evm/local-chain";
import { startRpcProxy } from "../fixtures/evm/rpc-proxy";
import { startMetadataServer } from "../fixtures/metadata-server";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let chain: LocalChain;
let registry: Registry;
let metadata: Awaited<ReturnType<typeof startMetadataServer>>;
let proxy: Awaited<ReturnType<typeof startRpcProxy>>;
const run = promisify(execFile);
const databases: TestDatabase[] = [];
const progress: string[] = [];

async function freshDb() {
  const test = await createTestDatabase({
    XMTP_NETWORKS: "local",
    SETTLEMENT_RPC_URL: proxy.url,
    NODE_REGISTRY_ADDRESS: registry.address,
  });
  await seedDatabase(test.handle.db, test.env);
  databases.push(test);
  return test;
}

// [stored, distinct logs] per event: 7 nodes added (7 mints), 4 made canonical, 1 removed, 1 address
// changed, 1 NFT transferred.
const EVERY_EVENT_ONCE = {
  HttpAddressUpdated: [1, 1],
  NodeAdded: [7, 7],
  NodeAddedToCanonicalNetwork: [4, 4],
  NodeRemovedFromCanonicalNetwork: [1, 1],
  Transfer: [8, 8],
};

const FAST_METADATA = { timeoutMs: 1000, maxBytes: 256 * 1024, ttlMs: 3_600_000 };

function sync(test: TestDatabase, options: { chunkSize?: number; confirmations?: number } = {}) {
  return runRegistrySyncJob(test.handle.db, test.env, {
    network: "local",
    trigger: "cli",
    metadata: FAST_METADATA,
    log: (line: string) => progress.push(line),
    ...options,
  });
}

/** What the contract says, read directly: the truth the database must match. */
async function contractState() {
  const { abi } = compileTestRegistry();
  const read = (functionName: string, args: unknown[] = []) =>
    chain.publicClient.readContract({ address: registry.address, abi, functionName, args });
  const all = (await read("getAllNodes")) as { nodeId: number; node: Record<string, unknown> }[];
  return Promise.all(
    all.map(async ({ nodeId, node }) => ({
      nodeId,
      owner: (await read("ownerOf", [BigInt(nodeId)])) as Address,
      signer: node.signer as Address,
      signingPublicKey: node.signingPublicKey as string,
      httpAddress: node.httpAddress as string,
      isCanonical: node.isCanonical as boolean,
    })),
  );
}

async function storedNodes(test: TestDatabase) {
  return test.handle.db
    .select({
      nodeId: nodes.nodeId,
      owner: nodes.owner,
      signer: nodes.signer,
      signingPublicKey: nodes.signingPublicKey,
      httpAddress: nodes.httpAddress,
      isCanonical: nodes.isCanonical,
    })
    .from(nodes)
    .where(eq(nodes.network, "local"))
    .orderBy(asc(nodes.nodeId));
}

async function eventCounts(test: TestDatabase) {
  const rows = await test.handle.db.execute<{ event_name: string; n: number; distinct_logs: number }>(sql`
    select event_name, count(*)::int as n, count(distinct (tx_hash, log_index))::int as distinct_logs
    from registry_events where network = 'local' group by event_name order by event_name`);
  return Object.fromEntries(rows.rows.map((row) => [row.event_name, [row.n, row.distinct_logs]]));
}

beforeAll(async () => {
  chain = await startLocalChain();
  registry = await deployTestRegistry(chain);
  metadata = await startMetadataServer();
  proxy = await startRpcProxy(chain.rpcUrl, await freePort());
  const [, ...operators] = chain.accounts;
  for (let n = 1; n <= 7; n++) {
    await registry.write("addNode", [operators[n - 1], await signingKey(n), `https://node${n}.example.org`]);
  }
  await registry.write("setTokenURI", [100, `${metadata.url}/good/100`]);
  await registry.write("setTokenURI", [200, `${metadata.url}/malformed`]);
  await registry.write("setTokenURI", [300, `${metadata.url}/huge`]);
  await registry.write("setTokenURI", [400, `${metadata.url}/hang`]);
  await registry.write("setTokenURI", [500, `${metadata.url}/wrong-shape`]);
  for (const id of [100, 200, 300, 400]) await registry.write("addToNetwork", [id]);
  await registry.write("removeFromNetwork", [400]);
  await registry.write("setHttpAddress", [500, "https://node5-new.example.org"], operators[4]);
  await registry.write("transferFrom", [operators[5], operators[7], 600n], operators[5]);
  await chain.testClient.mine({ blocks: 12 });
}, 120_000);

afterAll(async () => {
  for (const test of databases) await test.drop();
  await proxy?.stop();
  await metadata?.stop();
  await chain?.stop();
});

describe("registry sync against a local EVM", () => {
  let test: TestDatabase;

  it("makes the database match the contract exactly, with every event once", async () => {
    test = await freshDb();
    const started = Date.now();
    const summary = await sync(test);
    expect(summary).toMatchObject({ nodes: 7, canonical: 3, newEvents: 21 });
    expect(summary.cursorBlock).toBe(summary.headBlock - 12);
    expect(await storedNodes(test)).toEqual(await contractState());
    expect(await eventCounts(test)).toEqual(EVERY_EVENT_ONCE);
    const [node600] = await test.handle.db.select().from(nodes).where(eq(nodes.nodeId, 600));
    expect(node600?.owner).toBe(chain.accounts[8]);
    const [added] = await test.handle.db
      .select()
      .from(registryEvents)
      .where(
        and(eq(registryEvents.eventName, "NodeAddedToCanonicalNetwork"), eq(registryEvents.nodeId, 300)),
      );
    expect(added?.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(added?.blockTime.getTime()).toBeGreaterThan(0);
    // The hanging metadata server is cut off by the timeout, so the whole pass stays bounded.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("records metadata, and each kind of bad metadata as an error without failing the sync", async () => {
    const rows = await test.handle.db
      .select({
        nodeId: nodes.nodeId,
        metadata: nodes.metadata,
        error: nodes.metadataError,
        registeredAt: nodes.registeredAt,
      })
      .from(nodes)
      .orderBy(asc(nodes.nodeId));
    const byId = Object.fromEntries(rows.map((row) => [row.nodeId, row]));
    expect(byId[100]?.metadata).toEqual({
      operator_name: "Operator 100",
      region: "eu-west",
      external_url: "https://op.example.org",
    });
    expect(byId[100]?.error).toBeNull();
    expect(byId[200]?.error).toBe("metadata is not valid JSON");
    expect(byId[300]?.error).toBe("metadata is larger than 262144 bytes");
    expect(metadata.sent.huge).toBeLessThan(10 * 1024 * 1024); // the reader stopped, it did not drain 10 MB
    expect(byId[400]?.error).toBe("metadata server gave no full answer within 1000 ms");
    expect(byId[500]?.error).toMatch(/^metadata is malformed \(operator_name: .*; external_url: /);
    expect(byId[600]).toMatchObject({ metadata: null, error: null }); // no metadata URI at all
    expect(rows.every((row) => row.registeredAt !== null)).toBe(true);
    const seen = await test.handle.db.select({ lastSeenBlock: nodes.lastSeenBlock }).from(nodes);
    const head = Number(await chain.publicClient.getBlockNumber());
    expect(seen.every((row) => row.lastSeenBlock === head)).toBe(true);
  });

  it("changes nothing on a second pass", async () => {
    const before = await test.handle.db.execute(
      sql`select json_agg(n order by node_id)::text as j from nodes n`,
    );
    const eventsBefore = await test.handle.db.execute(
      sql`select json_agg(e order by id)::text as j from registry_events e`,
    );
    const summary = await sync(test);
    expect(summary.newEvents).toBe(0);
    expect(
      (await test.handle.db.execute(sql`select json_agg(n order by node_id)::text as j from nodes n`)).rows,
    ).toEqual(before.rows);
    expect(
      (await test.handle.db.execute(sql`select json_agg(e order by id)::text as j from registry_events e`))
        .rows,
    ).toEqual(eventsBefore.rows);
  });

  it("records a pass with the RPC down as failed, and leaves the nodes as they were", async () => {
    const before = await storedNodes(test);
    await proxy.stop();
    try {
      await expect(sync(test)).rejects.toThrow(/registry sync of local failed: connection refused/);
    } finally {
      await proxy.start();
    }
    const [run] = await test.handle.db.select().from(jobRuns).orderBy(sql`${jobRuns.id} desc`).limit(1);
    expect(run).toMatchObject({ job: "registry_sync", network: "local", outcome: "failed" });
    expect(run?.error).toMatch(/connection refused/);
    expect(run?.finishedAt).not.toBeNull();
    expect(await storedNodes(test)).toEqual(before);
  });
});

describe("resumable, bounded history scans", () => {
  it("resumes a scan cut off half way from its cursor, without gaps or duplicates", async () => {
    const test = await freshDb();
    proxy.failAfterGetLogs(3); // three 5-block chunks, then the RPC goes away mid-scan
    await expect(sync(test, { chunkSize: 5 })).rejects.toThrow(/failed/);
    proxy.reset();
    await proxy.start();
    const partial = await test.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from registry_events`,
    );
    expect(partial.rows[0]?.n).toBeGreaterThan(0);
    expect(partial.rows[0]?.n).toBeLessThan(21);
    const [cursor] = await test.handle.db.select().from(syncCursors);
    expect(cursor?.blockNumber).toBeGreaterThanOrEqual(4);
    progress.length = 0;
    const summary = await sync(test, { chunkSize: 5 });
    expect(progress[0]).toMatch(new RegExp(`^scanned blocks ${(cursor?.blockNumber ?? 0) + 1}-`));
    expect(summary.newEvents + (partial.rows[0]?.n ?? 0)).toBe(21);
    expect(progress[0]).toMatch(/^scanned blocks \d+-\d+ \(1\/\d+, \d+%\), \d+ events$/);
    expect(await eventCounts(test)).toEqual(EVERY_EVENT_ONCE);
  });

  it("halves the block range when the RPC refuses a wide one", async () => {
    const narrow = await startRpcProxy(chain.rpcUrl, await freePort(), { maxLogRange: 4 });
    try {
      const test = await createTestDatabase({
        XMTP_NETWORKS: "local",
        SETTLEMENT_RPC_URL: narrow.url,
        NODE_REGISTRY_ADDRESS: registry.address,
      });
      databases.push(test);
      await seedDatabase(test.handle.db, test.env);
      const summary = await runRegistrySyncJob(test.handle.db, test.env, {
        network: "local",
        trigger: "cli",
        metadata: FAST_METADATA,
      });
      expect(summary.newEvents).toBe(21);
      expect(narrow.getLogsCalls).toBeGreaterThan(1);
    } finally {
      await narrow.stop();
    }
  });
});

describe("reorgs", () => {
  it("replaces logs of blocks that were reorged away, leaving none orphaned", async () => {
    const test = await freshDb();
    await sync(test);
    const [, operator1] = chain.accounts;
    const snapshotId = await chain.testClient.snapshot();
    await registry.write("setHttpAddress", [100, "https://reorged-away.example.org"], operator1);
    await sync(test);
    const seen = await test.handle.db
      .select()
      .from(registryEvents)
      .where(eq(registryEvents.eventName, "HttpAddressUpdated"));
    expect(seen.map((event) => event.args.httpAddress)).toContain("https://reorged-away.example.org");

    await chain.testClient.revert({ id: snapshotId });
    await registry.write("addToNetwork", [500]);
    await chain.testClient.mine({ blocks: 2 });
    await sync(test);

    const after = await test.handle.db
      .select()
      .from(registryEvents)
      .where(eq(registryEvents.network, "local"));
    expect(after.map((event) => event.args.httpAddress)).not.toContain("https://reorged-away.example.org");
    expect(
      after.filter((event) => event.eventName === "NodeAddedToCanonicalNetwork").map((event) => event.nodeId),
    ).toContain(500);
    const hashes = await Promise.all(
      [...new Set(after.map((event) => event.blockNumber))].map(async (blockNumber) => [
        blockNumber,
        (await chain.publicClient.getBlock({ blockNumber: BigInt(blockNumber) })).hash,
      ]),
    );
    const canonical = new Map(hashes as [number, string][]);
    expect(after.every((event) => canonical.get(event.blockNumber) === event.blockHash)).toBe(true);
    const [node100] = await test.handle.db.select().from(nodes).where(eq(nodes.nodeId, 100));
    expect(node100?.httpAddress).toBe("https://node1.example.org");
  });

  it("drops events of blocks a shorter reorganised chain no longer has", async () => {
    const test = await freshDb();
    await sync(test);
    const snapshotId = await chain.testClient.snapshot();
    await registry.write(
      "setHttpAddress",
      [200, "https://gone-with-the-revert.example.org"],
      chain.accounts[2],
    );
    await sync(test);
    await chain.testClient.revert({ id: snapshotId }); // the chain is now shorter than the stored events
    await sync(test);
    const after = await test.handle.db.select().from(registryEvents);
    expect(after.map((event) => event.args.httpAddress)).not.toContain(
      "https://gone-with-the-revert.example.org",
    );
    expect(progress.some((line) => /removed 1 events above the chain's head/.test(line))).toBe(true);
  });

  it("finds the common ancestor of a reorg deeper than the confirmation depth", async () => {
    const test = await freshDb();
    const snapshotId = await chain.testClient.snapshot();
    await registry.write("setHttpAddress", [300, "https://deeply-reorged.example.org"], chain.accounts[3]);
    await chain.testClient.mine({ blocks: 5 });
    await sync(test, { confirmations: 2 }); // the cursor moves past the soon-to-vanish event
    await chain.testClient.revert({ id: snapshotId });
    await registry.write("addToNetwork", [600]);
    await chain.testClient.mine({ blocks: 8 });
    progress.length = 0;
    await sync(test, { confirmations: 2 });
    expect(progress.some((line) => /changed since the last pass: rescanning from block \d+/.test(line))).toBe(
      true,
    );
    const after = await test.handle.db.select().from(registryEvents);
    expect(after.map((event) => event.args.httpAddress)).not.toContain("https://deeply-reorged.example.org");
    expect(
      after.filter((event) => event.eventName === "NodeAddedToCanonicalNetwork").map((e) => e.nodeId),
    ).toContain(600);
  });

  it("absorbs a reorg shallower than the confirmation depth in the rescan window, the cursor staying confirmed", async () => {
    const test = await freshDb();
    const cursorRow = async () =>
      (await test.handle.db.select().from(syncCursors).where(eq(syncCursors.network, "local")))[0];
    const chainHash = async (blockNumber: number) =>
      (await chain.publicClient.getBlock({ blockNumber: BigInt(blockNumber) })).hash;
    await sync(test);
    const head = Number(await chain.publicClient.getBlockNumber());
    const first = await cursorRow();
    expect(first).toMatchObject({ blockNumber: head - 12, blockHash: await chainHash(head - 12) });

    const snapshotId = await chain.testClient.snapshot();
    await registry.write("setHttpAddress", [200, "https://shallow-reorg.example.org"], chain.accounts[2]);
    await sync(test);
    expect((await cursorRow())?.blockNumber).toBe(head + 1 - 12); // the new block is not yet confirmed
    await chain.testClient.revert({ id: snapshotId });
    await chain.testClient.mine({ blocks: 3 });
    progress.length = 0;
    await sync(test);

    // The cursor's block is untouched by the reorg: no walk back, the window above it is rescanned.
    expect(progress.some((line) => /changed since the last pass/.test(line))).toBe(false);
    const after = await test.handle.db
      .select()
      .from(registryEvents)
      .where(eq(registryEvents.network, "local"));
    expect(after.map((event) => event.args.httpAddress)).not.toContain("https://shallow-reorg.example.org");
    expect(await cursorRow()).toMatchObject({
      blockNumber: head + 3 - 12,
      blockHash: await chainHash(head + 3 - 12),
    });
    const [node200] = await test.handle.db
      .select()
      .from(nodes)
      .where(and(eq(nodes.network, "local"), eq(nodes.nodeId, 200)));
    expect(node200?.httpAddress).toBe("https://node2.example.org");
  });

  it("starts history afresh when the registry moves to another contract", async () => {
    const test = await freshDb();
    await sync(test);
    const moved = await deployTestRegistry(chain);
    await moved.write("addNode", [chain.accounts[9], await signingKey(9), "https://moved.example.org"]);
    const summary = await runRegistrySyncJob(test.handle.db, test.env, {
      network: "local",
      trigger: "cli",
      address: moved.address,
      metadata: FAST_METADATA,
    });
    expect(summary).toMatchObject({ nodes: 1, newEvents: 2 });
    expect(await eventCounts(test)).toEqual({ NodeAdded: [1, 1], Transfer: [1, 1] });
    const listed = await test.handle.db
      .select({ nodeId: nodes.nodeId, inRegistry: nodes.inRegistry })
      .from(nodes);
    expect(listed.filter((node) => node.inRegistry).map((node) => node.nodeId)).toEqual([100]);
  });
});

describe("what the dashboard says about the RPC", () => {
  const sourceOf = async (test: TestDatabase, network: string) => {
    const [row] = await test.handle.db.select().from(dataSources).where(eq(dataSources.network, network));
    return row;
  };

  it("says since when it is unreachable, keeps that time across failures, and clears it on recovery", async () => {
    const test = await freshDb();
    await sync(test);
    expect(await sourceOf(test, "local")).toMatchObject({ source: "rpc", status: "ok", failingSince: null });
    await proxy.stop();
    try {
      await sync(test).catch(() => {});
      const first = await sourceOf(test, "local");
      await sync(test).catch(() => {});
      const second = await sourceOf(test, "local");
      expect(first?.status).toBe("unreachable");
      expect(first?.lastError).toBe("connection refused (ECONNREFUSED)");
      expect(second?.failingSince).toEqual(first?.failingSince);
      expect(second?.lastCheckedAt?.getTime()).toBeGreaterThan(first?.lastCheckedAt?.getTime() ?? 0);
    } finally {
      await proxy.start();
    }
    await sync(test);
    expect(await sourceOf(test, "local")).toMatchObject({
      status: "ok",
      failingSince: null,
      lastError: null,
    });
  });

  it("refuses an RPC of another chain, naming both chain ids", async () => {
    const test = await createTestDatabase({ XMTP_NETWORKS: "testnet", TESTNET_RPC_URL: proxy.url });
    databases.push(test);
    await seedDatabase(test.handle.db, test.env);
    await expect(
      runRegistrySyncJob(test.handle.db, test.env, { network: "testnet", trigger: "cli" }),
    ).rejects.toThrow("registry sync of testnet failed: the RPC answers for chain 31337, expected 84532");
  });

  it("gives up on an RPC that never answers, saying after how long", async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
      const test = await createTestDatabase({
        XMTP_NETWORKS: "testnet",
        TESTNET_RPC_URL: url,
        RPC_TIMEOUT_MS: "300",
      });
      databases.push(test);
      await seedDatabase(test.handle.db, test.env);
      await expect(
        runRegistrySyncJob(test.handle.db, test.env, { network: "testnet", trigger: "cli" }),
      ).rejects.toThrow("registry sync of testnet failed: no answer within 300 ms");
      expect((await sourceOf(test, "testnet"))?.lastError).toBe("no answer within 300 ms");
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});

describe("npm run registry:sync", () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ["--import", "tsx", "scripts/registry-sync.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", POSTGRES_URL: "", XMTP_NETWORKS: "testnet", ...env },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("syncs a registry given by --rpc and --address and ends with a JSON summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "registry-cli-"));
    try {
      const result = await cli(["--rpc", proxy.url, "--address", registry.address, "--chunk-size", "10"], {
        PGLITE_DIR: join(dir, "pglite"),
      });
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "");
      expect(summary).toMatchObject({ nodes: 7, newEvents: expect.any(Number) });
      expect(summary.newEvents).toBeGreaterThanOrEqual(21);
      expect(summary.cursorBlock).toBe(summary.headBlock - 12);
      expect(result.stderr).toMatch(/scanned blocks 0-9 \(1\/\d+, \d+%\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects bad flags with a message naming them", async () => {
    const bad = await cli(["--address", "0x1234"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--address must be a 0x-prefixed 20-byte address (got "0x1234")');
    const network = await cli(["--network", "devnet"]);
    expect(network.stderr).toContain('--network must be one of testnet, mainnet, local (got "devnet")');
    const block = await cli(["--rpc", proxy.url, "--address", registry.address, "--from-block", "ten"]);
    expect(block.stderr).toContain('--from-block must be a whole number (got "ten")');
  });
});
