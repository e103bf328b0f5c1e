import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createIngestToken } from "@/db/mutations/tokens";
import { nodes } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { probesEndpoint } from "@/lib/ingest/endpoints";
import { runCli } from "./lib/cli";

const usage = `
Usage: npm run bench [-- --batches N --batch-size N --concurrency N]

Measures the quality bars of product.md §7 on this machine, on a throwaway database (a new
database on the server of DATABASE_URL, or an in-memory PGlite without it):

  probe ingest   results/s through POST /api/ingest/probes (the route's handler behind a plain
                 HTTP server), in batches, and a raw COPY of the same rows for comparison

The last line of output is a JSON summary.

  --batches N       batches to send (default 50)
  --batch-size N    probes per batch (default 1000)
  --concurrency N   requests in flight (default 4)
`;

const NODES = 100;

await runCli({
  usage,
  options: { batches: { type: "string" }, "batch-size": { type: "string" }, concurrency: { type: "string" } },
  main: async ({ values, env }) => {
    const number = (flag: string, value: string | undefined, fallback: number) => {
      if (value === undefined) return fallback;
      if (!/^[1-9]\d*$/.test(value))
        throw new Error(`--${flag} must be a positive whole number (got "${value}")`);
      return Number(value);
    };
    const batches = number("batches", values.batches, 50);
    const batchSize = number("batch-size", values["batch-size"], 1000);
    const concurrency = number("concurrency", values.concurrency, 4);
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
      const ingest = await probeIngest(handle, benchEnv, token, { batches, batchSize, concurrency });
      return { probeIngest: ingest };
    } finally {
      await drop();
    }
  },
});

async function throwawayDatabase(
  url: string | undefined,
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (!url) {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(handle);
    return { handle, drop: () => handle.close() };
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
    drop: async () => {
      await handle.close();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

type Probe = {
  nodeId: number;
  at: string;
  outcome: "up" | "down";
  latencyMs: number | null;
  version: string;
  httpStatus: number;
  grpcStatus: number;
};

function makeProbes(count: number, start: number): Probe[] {
  // Distinct (node, time) pairs: one probe per node every 30 s, going back from `start`.
  return Array.from({ length: count }, (_, i) => {
    const up = i % 50 !== 0;
    return {
      nodeId: ((i % NODES) + 1) * 100,
      at: new Date(start - Math.floor(i / NODES) * 30_000 - (i % 7)).toISOString(),
      outcome: up ? "up" : "down",
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
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as string;
        const sent = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body,
        });
        if (response.status !== 201)
          throw new Error(`batch refused: HTTP ${response.status} ${await response.text()}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
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
        p.version,
        p.httpStatus,
        p.grpcStatus,
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
