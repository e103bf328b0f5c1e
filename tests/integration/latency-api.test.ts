import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LATENCY_CSV_COLUMNS, type LatencyView } from "@/lib/latency/view";
import { histogramOf, quantile } from "@/lib/metrics/histogram";
import { getLatencyApi } from "@/server/api/latency-api";
import { benchmarksEndpoint } from "@/server/ingest/endpoints";
import { setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;
const NOW = new Date("2026-11-30T12:00:00Z");

const send = async (body: unknown) => {
  const response = await benchmarksEndpoint(
    new Request("http://dashboard/api/ingest/benchmarks", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
    { db: test.handle.db, env: test.env },
  );
  expect(response.status).toBe(201);
};

const get = (query: string) =>
  getLatencyApi(new Request(`http://dashboard/api/v1/latency?${query}`), {
    db: test.handle.db,
    now: NOW,
    env: test.env,
  });
const json = async (query: string) => {
  const response = await get(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as LatencyView;
};

/** A minimal CSV reader: the API quotes no cell of these figures. */
const parseCsv = (text: string) => {
  const [header, ...lines] = text.trimEnd().split("\r\n");
  const columns = (header as string).split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])));
};

const run = (runId: string, region: string, sdk: string, startedAt: string, syncMs: number[]) => ({
  runId,
  source: "qa",
  network: "testnet",
  region,
  sdk,
  startedAt,
  results: [
    { operation: "groupsync-10", durationsMs: syncMs },
    { operation: "newGroup-100", summary: { count: 50, p50: 1500, p95: 2200 } },
  ],
});

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["benchmarks"]));
  await send(run("us-1", "us-east", "xmtp-js", "2026-11-28T02:00:00Z", [40, 50, 60]));
  await send(run("eu-1", "eu-west", "xmtp-js", "2026-11-28T03:00:00Z", [400, 500]));
  await send(run("us-2", "us-east", "libxmtp", "2026-11-30T02:00:00Z", [45]));
  await send(run("old", "us-east", "xmtp-js", "2026-09-01T02:00:00Z", [9_999]));
}, 60_000);

afterAll(() => test?.drop());

describe("GET /api/v1/latency", () => {
  it("draws each of the seven latency targets over 30 days by default, with gaps where nothing ran", async () => {
    const view = await json("");
    expect(view.network).toBe("testnet");
    expect(view.range).toMatchObject({ preset: "30d", bucket: "day", to: NOW.toISOString() });
    expect(view.operations.map((op) => op.key)).toEqual([
      "sync_group",
      "send_message",
      "create_group_100",
      "register_identity",
      "add_member_10",
      "add_member_250",
      "rename_group_10",
    ]);
    const sync = view.operations[0] as LatencyView["operations"][number];
    expect(sync).toMatchObject({ title: "Sync a group", comparator: "lt", target: 100, baseline: 100 });
    expect(sync.points).toHaveLength(31); // 30 days back from midday: a part-day at each end
    expect(sync.overall.samples).toBe(6); // the September run is outside
    const byDay = Object.fromEntries(sync.points.map((point) => [point.start.slice(0, 10), point.samples]));
    expect(byDay).toMatchObject({ "2026-11-28": 5, "2026-11-29": 0, "2026-11-30": 1 });
    expect(sync.points.find((point) => point.start.startsWith("2026-11-29"))?.p95Ms).toBeNull();
    // The day's two runs are merged into one histogram in SQL: their percentiles, not an average.
    const merged = histogramOf([40, 50, 60, 400, 500]);
    const rounded = (q: number) => Math.round((quantile(merged, q) as number) * 100) / 100;
    expect(sync.points.find((point) => point.start.startsWith("2026-11-28"))).toMatchObject({
      p50Ms: rounded(0.5),
      p95Ms: rounded(0.95),
      p99Ms: rounded(0.99),
    });
    // Summaries cannot be merged into percentiles: counted, not drawn.
    const create = view.operations[2] as LatencyView["operations"][number];
    expect(create.summaryResults).toBe(3);
    expect(create.overall.samples).toBe(0);
    expect(view.options).toEqual({ regions: ["eu-west", "us-east"], sdks: ["libxmtp", "xmtp-js"] });
  });

  it("filters by region and SDK", async () => {
    const us = await json("region=us-east");
    expect(us.operations[0]?.overall.samples).toBe(4);
    expect(us.region).toBe("us-east");
    const js = await json("sdk=xmtp-js&region=eu-west");
    expect(js.operations[0]?.overall).toMatchObject({ samples: 2 });
    expect(js.operations[0]?.overall.p50Ms).toBeGreaterThan(390);
    expect((await json("region=ap-south")).operations[0]?.overall.samples).toBe(0);
  });

  it("buckets a custom UTC range by the hour", async () => {
    const view = await json("from=2026-11-28&to=2026-11-28");
    expect(view.range).toEqual({
      preset: "custom",
      from: "2026-11-28T00:00:00.000Z",
      to: "2026-11-29T00:00:00.000Z",
      bucket: "hour",
    });
    const sync = view.operations[0];
    expect(sync?.points).toHaveLength(24);
    expect(sync?.points[2]).toMatchObject({ start: "2026-11-28T02:00:00.000Z", samples: 3 });
    expect(sync?.points[3]).toMatchObject({ start: "2026-11-28T03:00:00.000Z", samples: 2 });
  });

  it("answers one operation as CSV with exactly the figures of its JSON", async () => {
    const query = "range=7d&operation=sync_group";
    const view = await json(query);
    expect(view.operations.map((op) => op.key)).toEqual(["sync_group"]);
    const response = await get(`${query}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="latency-sync_group.csv"');
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(LATENCY_CSV_COLUMNS.join(","));
    const cell = (value: number | null) => (value === null ? "" : String(value));
    expect(parseCsv(text)).toEqual(
      view.operations[0]?.points.map((point) => ({
        operation: "sync_group",
        bucketStart: point.start,
        samples: String(point.samples),
        p50Ms: cell(point.p50Ms),
        p95Ms: cell(point.p95Ms),
        p99Ms: cell(point.p99Ms),
      })),
    );
    const all = parseCsv(await (await get("range=7d&format=csv")).text());
    expect(new Set(all.map((row) => row.operation)).size).toBe(7);
  });

  it("refuses a bad query with a 400 naming the parameter, and an unknown operation with a 404", async () => {
    const cases: [string, RegExp][] = [
      ["network=local", /^network: is not collected here/],
      ["range=1y", /^range: /],
      ["from=2026-11-01", /^to: a custom range needs both/],
      ["from=2026-11-05&to=2026-11-01", /^to: must be after from/],
      ["from=2026-02-30&to=2026-03-02", /^from: must be a UTC day/],
      ["format=xml", /^format: /],
      ["operation=DROP%20TABLE", /^operation: must be a criterion key/],
    ];
    for (const [query, message] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message, query).toMatch(message);
    }
    // A repeated parameter counts by its first value, as on the page.
    expect((await get("network=testnet&network=local")).status).toBe(200);
    expect((await get("network=local&network=testnet")).status).toBe(400);
    const unknown = await get("operation=throughput_burst");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("operation: no latency target throughput_burst");
  });

  it("counts runs pushed at once into the same hour, and a replayed run once", async () => {
    const before = (await json("from=2026-11-29&to=2026-11-29&region=ap-south")).operations[0]?.overall
      .samples;
    expect(before).toBe(0);
    const runs = Array.from({ length: 4 }, (_, i) =>
      run(`ap-${i}`, "ap-south", "xmtp-js", `2026-11-29T10:0${i}:00Z`, [30 + i, 31 + i]),
    );
    await Promise.all(runs.map((body) => send(body)));
    const replay = await benchmarksEndpoint(
      new Request("http://dashboard/api/ingest/benchmarks", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(runs[0]),
      }),
      { db: test.handle.db, env: test.env },
    );
    expect(replay.status).toBe(200);
    const view = await json("from=2026-11-29&to=2026-11-29&region=ap-south");
    expect(view.operations[0]?.points[10]).toMatchObject({ start: "2026-11-29T10:00:00.000Z", samples: 8 });
    expect(view.operations[2]?.summaryResults).toBe(4);
  });

  it("takes runs pushed at once whose results come in different orders, with no deadlock", async () => {
    const operations = [
      "groupsync-10",
      "newGroup-100",
      "create",
      "addMember-10",
      "addMember-250",
      "updateName-10",
    ];
    const runs = Array.from({ length: 8 }, (_, i) => ({
      ...run(`order-${i}`, "sa-east", "xmtp-js", `2026-11-29T15:0${i}:00Z`, []),
      // Each run lists the operations rotated, so two runs name shared buckets in different orders.
      results: operations.map((_, j) => ({
        operation: operations[(i + j) % operations.length],
        durationsMs: [20 + i],
      })),
    }));
    await Promise.all(runs.map((body) => send(body)));
    const view = await json("from=2026-11-29&to=2026-11-29&region=sa-east");
    for (const operation of view.operations.filter((op) => op.overall.samples > 0))
      expect(operation.points[15]?.samples, operation.key).toBe(8);
    expect(view.operations.filter((op) => op.overall.samples > 0)).toHaveLength(6);
  });

  it("rebuilds from the stored results, in its migration, the rollups the runs added one by one", async () => {
    const rollups = () =>
      test.handle.db.execute(sql`select network, metric_key, region, sdk, granularity, bucket_start, histogram,
        summary_results from benchmark_rollups order by 1, 2, 3, 4, 5, 6`);
    const incremental = (await rollups()).rows;
    expect(incremental.length).toBeGreaterThan(10);
    const migration = readFileSync("db/migrations/0007_benchmark_rollups.sql", "utf8").split(
      "--> statement-breakpoint",
    );
    await test.handle.db.execute(sql`delete from benchmark_rollups`);
    await test.handle.db.execute(sql.raw(migration.at(-1) as string));
    expect((await rollups()).rows).toEqual(incremental);
  });
});
