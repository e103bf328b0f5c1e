import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pLimit from "p-limit";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createIngestToken } from "@/db/mutations/tokens";
import { nodes } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { Env } from "@/lib/env";
import type { ProbeBatch } from "@/lib/ingest/schemas";
import { probesEndpoint } from "@/server/ingest/endpoints";
import { runCli } from "./lib/cli";
import { firstLoadJs, seedHistory, startApp, timePage } from "./lib/page-bench";

const usage = `
Usage: npm run bench [-- --only ingest|pages] [--batches N --batch-size N --concurrency N]
                     [--nodes N --days N --requests N]

Measures the quality bars of product.md §7 on this machine, each on a throwaway database (a new
database on the server of DATABASE_URL, or PGlite without it):

  probe ingest   results/s through POST /api/ingest/probes (the route's handler behind a plain
                 HTTP server), in batches, and a raw COPY of the same rows for comparison
  pages          server response times (p50/p95 of sequential requests) of the overview, nodes, node,
                 stage, latency, throughput, reliability and target-history pages and their APIs
                 (/api/v1/summary, latency, throughput, reliability, a node's latency, a target's
                 history), served by the production
                 build (built first when there is none) over --nodes registry nodes with --days days of
                 history (probes, rollups, an hourly QA benchmark run, daily load tests, evaluations), and each page's
                 first-load JavaScript (every script its HTML loads, gzipped)

The last line of output is a JSON summary.

  --only NAME       run one part: ingest or pages (default both)
  --batches N       batches to send (default 50)
  --batch-size N    probes per batch (default 1000)
  --concurrency N   requests in flight (default 4)
  --nodes N         registry nodes for the pages (default 100)
  --days N          days of history for the pages (default 90)
  --requests N      requests per page, after 5 to warm up (default 100)
`;

const NODES = 100;

await runCli({
  usage,
  options: {
    only: { type: "string" },
    batches: { type: "string" },
    "batch-size": { type: "string" },
    concurrency: { type: "string" },
    nodes: { type: "string" },
    days: { type: "string" },
    requests: { type: "string" },
  },
  main: async ({ values, env }) => {
    const number = (flag: string, value: string | undefined, fallback: number) => {
      if (value === undefined) return fallback;
      if (!/^[1-9]\d*$/.test(value))
        throw new Error(`--${flag} must be a positive whole number (got "${value}")`);
      return Number(value);
    };
    if (values.only !== undefined && !["ingest", "pages"].includes(values.only))
      throw new Error(`--only must be ingest or pages (got "${values.only}")`);
    const ingestSettings = {
      batches: number("batches", values.batches, 50),
      batchSize: number("batch-size", values["batch-size"], 1000),
      concurrency: number("concurrency", values.concurrency, 4),
    };
    const pageSettings = {
      nodes: number("nodes", values.nodes, 100),
      days: number("days", values.days, 90),
      requests: number("requests", values.requests, 100),
    };
    const summary: Record<string, unknown> = {};
    if (values.only !== "pages") summary.probeIngest = await ingestBench(env, ingestSettings);
    if (values.only !== "ingest") summary.pages = await pagesBench(env, pageSettings);
    return summary;
  },
});

async function ingestBench(env: Env, settings: { batches: number; batchSize: number; concurrency: number }) {
  const { handle, drop } = await throwawayDatabase(env.databaseUrl);
  try {
    console.error(`database: ${handle.location}`);
    const benchEnv = {
      ...env,
      INGEST_RATE_LIMIT_PER_MIN: 1_000_000,
      INGEST_MAX_BODY_BYTES: 4 * 1024 * 1024,
    };
    await seedDatabase(handle.db, benchEnv);
    await handle.db.insert(nodes).values(
      Array.from({ length: NODES }, (_, i) => ({
        network: "testnet",
        nodeId: (i + 1) * 100,
        owner: `0x${"a".repeat(40)}`,
        signer: `0x${"b".repeat(40)}`,
        signingPublicKey: "0x04",
        httpAddress: `https://node-${i}.example.org`,
      })),
    );
    const { token } = await createIngestToken(handle.db, {
      name: "bench",
      scopes: ["probes"],
      actor: "bench",
    });
    return await probeIngest(handle, benchEnv, token, settings);
  } finally {
    await drop();
  }
}

async function pagesBench(
  env: Env,
  { nodes: nodeCount, days, requests }: { nodes: number; days: number; requests: number },
) {
  const database = await throwawayDatabase(env.databaseUrl, { onDisk: true });
  try {
    console.error(
      `pages: seeding ${nodeCount} nodes with ${days} days of history in ${database.handle.location}`,
    );
    const seeded = performance.now();
    await seedDatabase(database.handle.db, env);
    await seedHistory(database.handle.db, { nodes: nodeCount, days });
    console.error(`pages: seeded in ${Math.round((performance.now() - seeded) / 1000)} s`);
    await database.release(); // PGlite: the app must be the only process holding the directory
    const app = await startApp(database.appEnv);
    try {
      const middle = Math.ceil(nodeCount / 2) * 100;
      const paths = {
        overview: "/?network=testnet",
        nodes: "/nodes?network=testnet",
        node: `/nodes/${middle}?network=testnet`,
        stage: "/stages/2",
        latency: "/latency?network=testnet",
        latency90d: "/latency?network=testnet&range=90d",
        summaryApi: "/api/v1/summary?network=testnet",
        latencyApi: "/api/v1/latency?network=testnet",
        throughput: "/throughput?network=testnet",
        throughputApi: "/api/v1/throughput?network=testnet",
        reliability: "/reliability?network=testnet",
        reliability90d: "/reliability?network=testnet&range=90d",
        reliabilityApi: "/api/v1/reliability?network=testnet",
        nodeLatencyApi: `/api/v1/nodes/${middle}/latency?network=testnet`,
        target: "/targets/node_reliability",
        targetHistoryApi: "/api/v1/criteria/node_reliability/history",
        changelog: "/changelog",
        admin: "/admin",
      };
      const timings: Record<string, Awaited<ReturnType<typeof timePage>>> = {};
      for (const [name, path] of Object.entries(paths)) {
        timings[name] = await timePage(`${app.url}${path}`, { requests });
        const { p50Ms, p95Ms } = timings[name];
        console.error(`pages: ${path} p50 ${p50Ms} ms, p95 ${p95Ms} ms (target p95 ≤ 100 ms)`);
      }
      const firstLoad: Record<string, Awaited<ReturnType<typeof firstLoadJs>>> = {};
      for (const [name, path] of Object.entries(paths)) {
        if (path.startsWith("/api/")) continue;
        firstLoad[name] = await firstLoadJs(`${app.url}${path}`);
        const { gzipKb, files, walletCode } = firstLoad[name];
        const wallet =
          name === "admin" ? "" : walletCode ? ", WALLET CODE on a public page" : ", no wallet code";
        console.error(
          `pages: ${path} first-load JS ${gzipKb} kB gzipped in ${files} files (target ≤ 250 kB)${wallet}`,
        );
      }
      return { driver: database.handle.driver, nodeCount, days, ...timings, firstLoadJs: firstLoad };
    } finally {
      app.stop();
    }
  } finally {
    await database.drop();
  }
}

/** A migrated database nobody else uses: a new one on the server of `url`, or PGlite (in memory, or in a temp dir). */
async function throwawayDatabase(
  url: string | undefined,
  { onDisk = false } = {},
): Promise<{
  handle: DatabaseHandle;
  appEnv: Record<string, string>;
  release: () => Promise<void>;
  drop: () => Promise<void>;
}> {
  let closed = false;
  const closeOnce = async (handle: DatabaseHandle) => {
    if (!closed) await handle.close();
    closed = true;
  };
  if (!url) {
    const dir = onDisk ? mkdtempSync(join(tmpdir(), "bench-pglite-")) : null;
    const pgliteDir = dir ? join(dir, "pglite") : "memory://";
    const handle = await openDatabase({ pgliteDir });
    await migrateDatabase(handle);
    return {
      handle,
      appEnv: { DATABASE_URL: "", POSTGRES_URL: "", PGLITE_DIR: pgliteDir },
      release: () => closeOnce(handle),
      drop: async () => {
        await closeOnce(handle);
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ url: target.toString() });
  await migrateDatabase(handle);
  return {
    handle,
    appEnv: { DATABASE_URL: target.toString() },
    release: () => closeOnce(handle),
    drop: async () => {
      await closeOnce(handle);
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

type Probe = ProbeBatch["probes"][number];

function makeProbes(count: number, start: number): Probe[] {
  // Distinct (node, time) pairs: one probe per node every 30 s, going back from `start`.
  return Array.from({ length: count }, (_, i) => {
    const up = i % 50 !== 0;
    return {
      nodeId: ((i % NODES) + 1) * 100,
      at: new Date(start - Math.floor(i / NODES) * 30_000 - (i % 7)).toISOString(),
      outcome: up ? ("up" as const) : ("down" as const),
      latencyMs: up ? 20 + (i % 400) : null,
      version: "v0.6.1",
      httpStatus: up ? 200 : 503,
      grpcStatus: up ? 0 : 14,
    };
  });
}

async function probeIngest(
  handle: DatabaseHandle,
  env: Parameters<typeof probesEndpoint>[1]["env"],
  token: string,
  { batches, batchSize, concurrency }: { batches: number; batchSize: number; concurrency: number },
) {
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(`http://bench${incoming.url}`, {
      method: "POST",
      headers: incoming.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await probesEndpoint(request, { db: handle.db, env });
    outgoing.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ingest/probes`;
  const all = makeProbes(batches * batchSize, Date.now() - 60_000);
  const bodies = Array.from({ length: batches }, (_, b) =>
    JSON.stringify({
      network: "testnet",
      region: "bench-http",
      probes: all.slice(b * batchSize, (b + 1) * batchSize),
    }),
  );
  console.error(`probe ingest: ${batches} batches of ${batchSize} over HTTP, ${concurrency} at a time`);
  const latencies: number[] = [];
  const started = performance.now();
  await pLimit(concurrency).map(bodies, async (body) => {
    const sent = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });
    if (response.status !== 201)
      throw new Error(`batch refused: HTTP ${response.status} ${await response.text()}`);
    latencies.push(performance.now() - sent);
  });
  const httpSeconds = (performance.now() - started) / 1000;
  server.close();

  const csv = all
    .map((p) =>
      [
        "testnet",
        p.nodeId,
        "bench-copy",
        p.at,
        p.outcome,
        p.latencyMs ?? "",
        p.version ?? "",
        p.httpStatus ?? "",
        p.grpcStatus ?? "",
      ].join(","),
    )
    .join("\n");
  const copySql =
    "copy probes (network, node_id, region, at, outcome, latency_ms, version, http_status, grpc_status) from stdin with (format csv, null '')";
  const copyStarted = performance.now();
  if (handle.driver === "postgres") {
    const client = await handle.pool.connect();
    try {
      await pipeline(Readable.from([csv]), client.query(copyFrom(copySql)));
    } finally {
      client.release();
    }
  } else {
    await handle.client.query(copySql.replace("from stdin", "from '/dev/blob'"), [], {
      blob: new Blob([csv]),
    });
  }
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const total = batches * batchSize;
  latencies.sort((a, b) => a - b);
  const result = {
    driver: handle.driver,
    results: total,
    batchSize,
    concurrency,
    resultsPerSecond: Math.round(total / httpSeconds),
    batchP50Ms: Math.round(latencies[Math.floor(latencies.length * 0.5)] ?? 0),
    batchP95Ms: Math.round(latencies[Math.ceil(latencies.length * 0.95) - 1] ?? 0),
    copyResultsPerSecond: Math.round(total / copySeconds),
    copyRatio: Number((total / copySeconds / (total / httpSeconds)).toFixed(2)),
  };
  console.error(
    `probe ingest: ${result.resultsPerSecond.toLocaleString("en")} results/s over HTTP (target ≥ 10,000); ` +
      `batch p50 ${result.batchP50Ms} ms, p95 ${result.batchP95Ms} ms; raw COPY ${result.copyResultsPerSecond.toLocaleString("en")} rows/s (${result.copyRatio}× the endpoint)`,
  );
  return result;
}
