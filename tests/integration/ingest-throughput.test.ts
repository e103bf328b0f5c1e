import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeRunOnce } from "@/db/mutations/ingest/runs";
import { benchmarkResults, benchmarkRuns, throughputRuns } from "@/db/schema";
import { throughputEndpoint } from "@/server/ingest/endpoints";
import { callEndpoint, setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["throughput"]));
});
afterAll(() => test?.drop());

const post = (body: unknown, query = "") => callEndpoint(throughputEndpoint, test, body, { token, query });

describe("POST /api/ingest/throughput", () => {
  it("stores a run in the dashboard's own shape", async () => {
    const response = await post({
      runId: "burst-1",
      network: "testnet",
      kind: "offchain_burst",
      nodes: 3,
      startedAt: "2026-11-20T10:00:00Z",
      durationS: 60,
      messages: 66_000,
      errors: 12,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ runId: "burst-1", messages: 66_000, nodes: 3 });
  });

  it("takes the load tester's step objects, with the run named in the query", async () => {
    const steps = [
      {
        name: "warmup",
        count: 1000,
        rps: 200,
        p50_latency_ms: 20,
        p95_latency_ms: 40,
        p99_latency_ms: 60,
        error_pct: 0,
      },
      {
        name: "peak",
        count: 60000,
        rps: 1100.5,
        p50_latency_ms: 35,
        p95_latency_ms: 90,
        p99_latency_ms: 140,
        error_pct: 0.5,
        ok_count: 59700,
        err_count: 300,
      },
    ];
    const response = await post(
      steps,
      "?runId=lt-1&network=testnet&kind=offchain_burst&startedAt=2026-11-20T11:00:00Z&durationS=65",
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      runId: "lt-1",
      messages: 60_700,
      errors: 300,
      peakRps: 1100.5,
      nodes: null,
    });
    const [row] = await test.handle.db
      .select()
      .from(throughputRuns)
      .where(sql`${throughputRuns.runId} = 'lt-1'`);
    expect(row?.steps).toHaveLength(2);
  });

  it("names what the query lacks for step objects, and bad steps", async () => {
    const step = { name: "peak", count: 10, rps: 5, error_pct: 0 };
    const missing = await post(step, "?runId=lt-2&network=testnet");
    expect((await missing.json()).error.issues.map((i: { path: string }) => i.path)).toEqual([
      "kind",
      "startedAt",
    ]);
    const bad = await post(
      { ...step, error_pct: 140 },
      "?runId=lt-3&network=testnet&kind=onchain_burst&startedAt=2026-11-20T11:00:00Z",
    );
    expect((await bad.json()).error.issues[0].path).toBe("0.error_pct");
  });
});

describe("a write that fails half way", () => {
  it("leaves no partial run: the run and its parts are one transaction", async () => {
    const count = async () =>
      (
        await test.handle.db.execute<{ n: number }>(
          sql`select (select count(*) from benchmark_runs) + (select count(*) from benchmark_results) as n`,
        )
      ).rows[0]?.n;
    const before = await count();
    await expect(
      storeRunOnce(
        test.handle.db,
        benchmarkRuns,
        { runId: "killed", hash: "h" },
        async (tx) => {
          const [run] = await tx
            .insert(benchmarkRuns)
            .values({
              runId: "killed",
              network: "testnet",
              source: "qa",
              startedAt: new Date(),
              bodyHash: "h",
            })
            .returning({ id: benchmarkRuns.id });
          await tx.insert(benchmarkResults).values({
            runId: Number(run?.id),
            network: "testnet",
            startedAt: new Date(),
            operation: "sync-10",
            count: 1,
          });
          throw new Error("the process died here");
        },
        async () => null,
      ),
    ).rejects.toThrow("the process died here");
    expect(await count()).toBe(before);
  });
});
