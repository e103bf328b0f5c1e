import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestToken } from "@/db/mutations/tokens";
import { jobRuns, nodeCursorSnapshots, probes } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { ProbeClient } from "@/lib/probe/client";
import { ProbeSpool, toBatches } from "@/lib/probe/push";
import { probeRound } from "@/lib/probe/round";
import { probesEndpoint } from "@/server/ingest/endpoints";
import { runProbeJob } from "@/server/jobs/probe";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import {
  deployTestRegistry,
  freePort,
  type LocalChain,
  type Registry,
  signingKey,
  startLocalChain,
} from "../../simulation/evm/local-chain";
import { type SimulatedNode, startSimulatedNodes } from "../../simulation/xmtpd-node";
import { ingestServer } from "../support/ingest-server";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const run = promisify(execFile);
let chain: LocalChain;
let registry: Registry;
let nodes: SimulatedNode[];
let test: TestDatabase;
let client: ProbeClient;
const dirs: string[] = [];
const probesFrom = (region: string) => test.handle.db.$count(probes, eq(probes.region, region));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  chain = await startLocalChain();
  registry = await deployTestRegistry(chain);
  // Three nodes: healthy, slow (degraded), and one that answers HTTP 503.
  nodes = await startSimulatedNodes(3, (i) => ({
    behaviour: (["healthy", "slow", "http503"] as const)[i],
    slowMs: 1200,
    cursor: { 0: 50n, 100: 1000n - BigInt(i * 10) },
  }));
  const owner = chain.accounts[1] ?? chain.accounts[0];
  for (const [i, node] of nodes.entries())
    await registry.write("addNode", [owner, await signingKey(i + 1), node.url]);
  test = await createTestDatabase({
    XMTP_NETWORKS: "local",
    SETTLEMENT_RPC_URL: chain.rpcUrl,
    NODE_REGISTRY_ADDRESS: registry.address,
    PROBE_ALLOW_PRIVATE: "1",
    PROBE_TIMEOUT_MS: "4000",
    PROBE_DEGRADED_MS: "800",
    INGEST_RATE_LIMIT_PER_MIN: "100000",
  });
  await seedDatabase(test.handle.db, test.env);
  await runRegistrySyncJob(test.handle.db, test.env, { network: "local", trigger: "cli", confirmations: 0 });
  client = new ProbeClient({ allowPrivate: true });
}, 120_000);

afterAll(async () => {
  await client?.close();
  await Promise.all((nodes ?? []).map((node) => node.stop()));
  await chain?.stop();
  await test?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const probeCount = async () =>
  Number(
    (await test.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from probes`)).rows[0]?.n,
  );

describe("the probe job", () => {
  it("probes every registry node and stores each outcome with its cursor", async () => {
    const summary = await runProbeJob(test.handle.db, test.env, {
      network: "local",
      trigger: "cli",
      client,
      region: "test-a",
    });
    expect(summary).toMatchObject({ probed: 3, up: 1, degraded: 1, down: 1, skipped: 0 });
    const rows = await test.handle.db.select().from(probes).orderBy(probes.nodeId);
    expect(
      rows.map((row) => [row.nodeId, row.region, row.outcome, row.errorClass, row.httpStatus, row.version]),
    ).toEqual([
      [100, "test-a", "up", null, 200, "v1.0.0"],
      [200, "test-a", "degraded", null, 200, "v1.0.0"],
      [300, "test-a", "down", "http_status", 503, null],
    ]);
    const cursors = await test.handle.db
      .select()
      .from(nodeCursorSnapshots)
      .orderBy(nodeCursorSnapshots.nodeId);
    expect(cursors.map((row) => [row.nodeId, row.cursor])).toEqual([
      [100, { 0: "50", 100: "1000" }],
      [200, { 0: "50", 100: "990" }],
    ]);
    const [job] = await test.handle.db.select().from(jobRuns).where(eq(jobRuns.job, "probe"));
    expect(job).toMatchObject({
      outcome: "ok",
      network: "local",
      summary: expect.objectContaining({ probed: 3 }),
    });
  });

  it("runs as `npm run probe -- --once` and ends with the JSON summary", async () => {
    const dir = tempDir("probe-cli-");
    const env = {
      ...process.env,
      DATABASE_URL: "",
      POSTGRES_URL: "",
      PGLITE_DIR: join(dir, "pglite"),
      XMTP_NETWORKS: "local",
      SETTLEMENT_RPC_URL: chain.rpcUrl,
      NODE_REGISTRY_ADDRESS: registry.address,
      PROBE_ALLOW_PRIVATE: "1",
      PROBE_DEGRADED_MS: "800",
    };
    await run(process.execPath, ["--import", "tsx", "scripts/registry-sync.ts", "--confirmations", "0"], {
      env,
    });
    const result = await run(
      process.execPath,
      ["--import", "tsx", "scripts/probe.ts", "--once", "--region", "cli-test"],
      { env },
    );
    const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "");
    expect(summary).toEqual({
      probed: 3,
      up: 1,
      degraded: 1,
      down: 1,
      skipped: 0,
      durationMs: expect.any(Number),
    });
    expect(result.stderr).toContain("local: 3 probed, 1 up, 1 degraded, 1 down");
  });

  it("pushes to a dashboard with --push, reading the nodes from the registry contract", async () => {
    const { token } = await createIngestToken(test.handle.db, {
      name: "cli-prober",
      scopes: ["probes"],
      actor: "test",
    });
    const dashboard = ingestServer(test, { "/api/ingest/probes": probesEndpoint }, await freePort());
    await dashboard.start();
    const spoolDir = tempDir("cli-spool-");
    try {
      const result = await run(
        process.execPath,
        [
          "--import",
          "tsx",
          "scripts/probe.ts",
          "--once",
          "--region",
          "us-west",
          "--push",
          dashboard.url,
          "--spool",
          spoolDir,
        ],
        {
          env: {
            ...process.env,
            XMTP_NETWORKS: "local",
            SETTLEMENT_RPC_URL: chain.rpcUrl,
            NODE_REGISTRY_ADDRESS: registry.address,
            PROBE_ALLOW_PRIVATE: "1",
            PROBE_DEGRADED_MS: "800",
            PROBE_PUSH_TOKEN: token,
          },
        },
      );
      const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "");
      expect(summary).toMatchObject({
        probed: 3,
        up: 1,
        degraded: 1,
        down: 1,
        delivered: 1,
        stored: 3,
        pending: 0,
      });
      const rows = await test.handle.db.select().from(probes).where(eq(probes.region, "us-west"));
      expect(rows).toHaveLength(3);
    } finally {
      await dashboard.stop();
    }
  });

  it("refuses bad flags with a message naming them", async () => {
    const bad: { code?: number; stderr: string } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/probe.ts", "--once", "--push", "ftp://x"],
      {
        env: { ...process.env, XMTP_NETWORKS: "testnet" },
      },
    ).catch((error) => error as { code: number; stdout: string; stderr: string });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--push must be the dashboard\'s http(s) URL (got "ftp://x")');
    const noToken = await run(
      process.execPath,
      ["--import", "tsx", "scripts/probe.ts", "--once", "--push", "http://127.0.0.1:9"],
      {
        env: { ...process.env, XMTP_NETWORKS: "testnet", PROBE_PUSH_TOKEN: "" },
      },
    ).catch((error) => error as { code: number; stderr: string });
    expect(noToken.stderr).toContain("--push needs --token");
  });
});

describe("push mode", () => {
  it("spools while the dashboard is down and delivers everything once it is back, with no duplicates", async () => {
    const { token } = await createIngestToken(test.handle.db, {
      name: "eu-prober",
      scopes: ["probes"],
      actor: "test",
    });
    const dashboard = ingestServer(test, { "/api/ingest/probes": probesEndpoint }, await freePort());
    const spool = new ProbeSpool(tempDir("spool-"));
    const before = await probeCount();
    const targets = nodes.map((node, i) => ({ nodeId: (i + 1) * 100, httpAddress: node.url }));

    // Two rounds while the dashboard is unreachable: both stay on disk.
    for (let round = 0; round < 2; round++) {
      const { results } = await probeRound(client, targets, { timeoutMs: 4000, degradedMs: 800 });
      for (const batch of toBatches("local", "eu-west", results)) await spool.add(batch);
      const report = await spool.deliver(dashboard.url, token);
      expect(report).toMatchObject({ delivered: 0, pending: round + 1 });
      expect(report.error).toMatch(/dashboard unreachable at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
    }
    expect(await probeCount()).toBe(before);

    // Back up: everything arrives; a batch whose answer was lost and is sent again changes nothing.
    await dashboard.start();
    try {
      const [first] = await spool.pending();
      const resent = (first as string).replace(/-\d{6}\.json$/, "-999999.json");
      copyFileSync(join(spool.dir, first as string), join(spool.dir, resent));
      const report = await spool.deliver(dashboard.url, token);
      expect(report).toMatchObject({ delivered: 3, stored: 6, duplicates: 3, pending: 0 });
      expect(await spool.pending()).toEqual([]);
      expect(await probeCount()).toBe(before + 6);
      const remote = await test.handle.db.select().from(probes).where(eq(probes.region, "eu-west"));
      expect(remote.map((row) => row.source)).toEqual(Array(6).fill("remote"));
    } finally {
      await dashboard.stop();
    }
  });

  it("sets aside a batch refused as invalid, drops only the probes of nodes the dashboard does not know, and sends nothing else", async () => {
    const { token } = await createIngestToken(test.handle.db, {
      name: "ap-prober",
      scopes: ["probes"],
      actor: "test",
    });
    const dashboard = ingestServer(test, { "/api/ingest/probes": probesEndpoint }, await freePort());
    const spool = new ProbeSpool(tempDir("spool-"));
    const at = new Date().toISOString();
    const probe = (nodeId: number, outcome = "up") => ({ nodeId, at, outcome }) as never;
    const region = "ap-south";
    await spool.add({ network: "local", region, probes: [probe(100, "sideways")] });
    await spool.add({ network: "local", region, probes: [probe(100), probe(999), probe(200)] });
    await spool.add({ network: "local", region, probes: [probe(998)] });
    // The registry cache lives beside the spool; a stray file there is not a batch to send.
    writeFileSync(join(spool.dir, "notes.json"), "{}");
    const before = await probesFrom(region);
    await dashboard.start();
    try {
      const lines: string[] = [];
      const report = await spool.deliver(dashboard.url, token, { log: (line) => lines.push(line) });
      expect(report).toMatchObject({ delivered: 1, rejected: 1, dropped: 2, stored: 2, pending: 0 });
      expect(lines[0]).toMatch(/refused \(HTTP 400: the body does not match the expected shape\)/);
      expect(lines[1]).toMatch(
        /dropped 1 refused probes \(node 999 is not in the local registry\); re-sending 2/,
      );
      expect(readdirSync(join(spool.dir, "rejected"))).toHaveLength(1);
      expect(await spool.pending()).toEqual([]);
      expect(readdirSync(spool.dir).sort()).toEqual(["notes.json", "rejected"]);
      expect((await probesFrom(region)) - before).toBe(2);
      // A token the dashboard refuses keeps the batch for later instead.
      await spool.add({
        network: "local",
        region: "ap-south",
        probes: [{ nodeId: 200, at, outcome: "up" } as never],
      });
      const refused = await spool.deliver(dashboard.url, "not-a-token");
      expect(refused).toMatchObject({ delivered: 0, pending: 1 });
      expect(refused.error).toMatch(/HTTP 401/);
    } finally {
      await dashboard.stop();
    }
  });
});
