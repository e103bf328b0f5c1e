import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getBestThroughput,
  getForkRate,
  getIntegrationPassRates,
  getLatencyPercentiles,
} from "@/db/queries/results";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import { setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;
const window = {
  network: "testnet",
  from: new Date("2026-11-01T00:00:00Z"),
  to: new Date("2026-11-30T00:00:00Z"),
};

const send = async (endpoint: typeof benchmarksEndpoint, body: unknown) => {
  const response = await endpoint(
    new Request("http://dashboard/api/ingest", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
    { db: test.handle.db, env: test.env },
  );
  expect(response.status).toBe(201);
};

// 1..200 ms in two runs: the exact nearest-rank p50 is 100, p95 190, p99 198.
const durations = Array.from({ length: 200 }, (_, i) => i + 1);

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["benchmarks", "tests", "forks", "throughput"]));
  const run = (runId: string, region: string, values: number[], startedAt = "2026-11-20T10:00:00Z") => ({
    runId,
    source: "qa",
    network: "testnet",
    region,
    sdk: "node",
    startedAt,
    results: [
      { operation: "groupsync-10", durationsMs: values },
      { operation: "newGroup-100", summary: { count: 50, p50: 1500, p95: region === "eu" ? 2600 : 2200 } },
    ],
  });
  await send(benchmarksEndpoint, run("b-us", "us", durations.slice(0, 100)));
  await send(benchmarksEndpoint, run("b-eu", "eu", durations.slice(100)));
  await send(benchmarksEndpoint, run("b-old", "us", [9999], "2026-10-01T00:00:00Z")); // outside the window
  for (let i = 0; i < 6; i++) {
    const startedAt = `2026-11-1${i}T10:00:00Z`;
    await send(integrationTestsEndpoint, {
      runId: `node-${i}`,
      suite: "sdk",
      sdk: "node",
      network: "testnet",
      startedAt,
      passed: 40,
      failed: i === 0 ? 2 : 0,
    });
    if (i < 5) {
      await send(integrationTestsEndpoint, {
        runId: `web-${i}`,
        suite: "sdk",
        sdk: "browser",
        network: "testnet",
        startedAt,
        passed: 38,
        failed: i === 4 ? 2 : 0,
      });
    }
  }
  await send(forkChecksEndpoint, {
    runId: "f-1",
    network: "testnet",
    startedAt: "2026-11-10T00:00:00Z",
    groupsChecked: 100,
    forkedGroups: 0,
  });
  await send(forkChecksEndpoint, {
    runId: "f-2",
    network: "testnet",
    startedAt: "2026-11-11T00:00:00Z",
    groupsChecked: 150,
    forkedGroups: 3,
  });
  const burst = { network: "testnet", kind: "offchain_burst", nodes: 3, errors: 0 };
  await send(throughputEndpoint, {
    ...burst,
    runId: "t-1",
    startedAt: "2026-11-10T00:00:00Z",
    durationS: 60,
    messages: 54_000,
  });
  await send(throughputEndpoint, {
    ...burst,
    runId: "t-2",
    startedAt: "2026-11-11T00:00:00Z",
    durationS: 60,
    messages: 63_000,
  });
  await send(throughputEndpoint, {
    ...burst,
    runId: "t-3",
    kind: "sustained_daily",
    startedAt: "2026-11-12T00:00:00Z",
    durationS: 86_400,
    messages: 11_000_000,
  });
}, 120_000);
afterAll(() => test?.drop());

describe("read models over ingested results", () => {
  it("merge raw durations of every run in the window into one histogram per operation", async () => {
    const rows = await getLatencyPercentiles(test.handle.db, window);
    const sync = rows.find((row) => row.metricKey === "sync_group");
    expect(sync?.samples).toBe(200);
    for (const [estimate, exact] of [
      [sync?.p50Ms, 100],
      [sync?.p95Ms, 190],
      [sync?.p99Ms, 198],
    ] as const) {
      expect(Math.abs((estimate ?? 0) - exact) / exact).toBeLessThanOrEqual(0.02);
    }
    const create = rows.find((row) => row.metricKey === "create_group_100");
    expect(create).toMatchObject({ samples: 0, p95Ms: null, summaryResults: 2, worstSummaryP95Ms: 2600 });
  });

  it("split percentiles by region", async () => {
    const rows = await getLatencyPercentiles(test.handle.db, { ...window, by: "region" });
    const us = rows.find((row) => row.metricKey === "sync_group" && row.region === "us");
    const eu = rows.find((row) => row.metricKey === "sync_group" && row.region === "eu");
    expect([us?.samples, eu?.samples]).toEqual([100, 100]);
    expect(Math.abs((eu?.p50Ms ?? 0) - 150) / 150).toBeLessThanOrEqual(0.02);
  });

  it("judge integration runs over the last five of each SDK", async () => {
    const rates = await getIntegrationPassRates(test.handle.db, { network: "testnet" });
    expect(rates).toEqual([
      {
        sdk: "browser",
        suite: "sdk",
        runs: 5,
        passed: 190,
        failed: 2,
        runsAllPassing: 4,
        passRatePct: (190 / 192) * 100,
        allPassing: false,
      },
      {
        sdk: "node",
        suite: "sdk",
        runs: 5,
        passed: 200,
        failed: 0,
        runsAllPassing: 5,
        passRatePct: 100,
        allPassing: true,
      },
    ]);
  });

  it("give the fork rate with its counts, and the best throughput of each kind", async () => {
    expect(await getForkRate(test.handle.db, window)).toEqual({
      runs: 2,
      groupsChecked: 250,
      forkedGroups: 3,
      forkRatePct: 1.2,
    });
    const best = await getBestThroughput(test.handle.db, window);
    expect(best.offchain_burst).toMatchObject({ runId: "t-2", value: 1050, unit: "msg/s", nodes: 3 });
    expect(best.sustained_daily).toMatchObject({ runId: "t-3", value: 11_000_000, unit: "msg/day" });
    expect(best.onchain_burst).toBeUndefined();
  });
});
