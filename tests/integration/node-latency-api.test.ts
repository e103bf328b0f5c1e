import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regionLatencyRollups } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { NODE_LATENCY_CSV_COLUMNS, type NodeLatencyView } from "@/lib/latency/node-view";
import { histogramCount, histogramOf, quantile } from "@/lib/metrics/histogram";
import { getNodeLatencyApi } from "@/server/api/node-latency-api";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
const NOW = new Date("2026-11-30T12:30:00Z");

const get = (id: string, query = "") =>
  getNodeLatencyApi(
    new Request(`http://dashboard/api/v1/nodes/${id}/latency?${query}`),
    { db: test.handle.db, now: NOW, env: test.env },
    id,
  );
const json = async (id: string, query = "") => {
  const response = await get(id, query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as NodeLatencyView;
};
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

const row = (region: string, granularity: "hour" | "day", start: string, durations: number[]) => {
  const latencyHistogram = histogramOf(durations);
  return {
    network: "testnet",
    nodeId: 100,
    region,
    granularity,
    bucketStart: new Date(start),
    probeCount: durations.length,
    latencyHistogram,
    latencyCount: histogramCount(latencyHistogram),
  };
};

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDatabase(test.handle.db, test.env);
  await insertNodes(test.handle.db, "testnet", [{ nodeId: 100 }, { nodeId: 200 }]);
  await test.handle.db.insert(regionLatencyRollups).values([
    row("us-east", "hour", "2026-11-30T10:00:00Z", [40, 42, 44, 90]),
    row("us-east", "hour", "2026-11-30T12:00:00Z", [45]), // the hour under way counts
    row("eu-west", "hour", "2026-11-30T11:00:00Z", [120, 130]),
    row("us-east", "day", "2026-11-29T00:00:00Z", [50, 60]),
    row("eu-west", "day", "2026-11-20T00:00:00Z", [200]), // outside 7 days
    { ...row("us-east", "hour", "2026-11-30T10:00:00Z", [999]), nodeId: 200 }, // another node
  ]);
}, 60_000);

afterAll(() => test?.drop());

describe("GET /api/v1/nodes/{id}/latency", () => {
  it("gives a node's probe latency per region and UTC hour over 24 hours, gaps where nothing was probed", async () => {
    const view = await json("100", "window=24h");
    expect(view.range.bucket).toBe("hour");
    expect(view.regions.map((one) => one.region)).toEqual(["eu-west", "us-east"]);
    const us = view.regions[1];
    expect(us?.points).toHaveLength(25); // 12:30 yesterday's hour through the hour under way
    const at = (start: string) => us?.points.find((point) => point.start === start);
    const histogram = histogramOf([40, 42, 44, 90]);
    expect(at("2026-11-30T10:00:00.000Z")).toEqual({
      start: "2026-11-30T10:00:00.000Z",
      samples: 4,
      p50Ms: round(quantile(histogram, 0.5)),
      p95Ms: round(quantile(histogram, 0.95)),
      p99Ms: round(quantile(histogram, 0.99)),
    });
    expect(at("2026-11-30T11:00:00.000Z")).toMatchObject({ samples: 0, p50Ms: null, p95Ms: null });
    expect(at("2026-11-30T12:00:00.000Z")?.samples).toBe(1);
    expect(us?.overall.samples).toBe(5);
  });

  it("reads days beyond two days, and one region when asked", async () => {
    const view = await json("100", "window=7d&region=us-east");
    expect(view.range.bucket).toBe("day");
    expect(view.regions.map((one) => one.region)).toEqual(["us-east"]);
    expect(view.regions[0]?.points.find((point) => point.start === "2026-11-29T00:00:00.000Z")?.samples).toBe(
      2,
    );
    expect((await json("100", "window=7d")).regions.map((one) => one.region)).toEqual(["us-east"]);
  });

  it("answers as CSV exactly its JSON", async () => {
    const view = await json("100", "window=24h");
    const response = await get("100", "window=24h&format=csv");
    const [header, ...lines] = (await response.text()).trimEnd().split("\r\n");
    expect(header).toBe(NODE_LATENCY_CSV_COLUMNS.join(","));
    const cell = (value: unknown) => (value === null ? "" : String(value));
    expect(lines).toEqual(
      view.regions.flatMap(({ region, points }) =>
        points.map((point) =>
          [region, point.start, point.samples, point.p50Ms, point.p95Ms, point.p99Ms].map(cell).join(","),
        ),
      ),
    );
  });

  it("refuses a bad id or query with a 400 naming it, and a node never listed with a 404", async () => {
    for (const [id, query, message] of [
      ["abc", "", /^id: must be a node id/],
      ["0", "", /^id: must be a node id/],
      ["100", "window=1y", /^window: /],
      ["100", "network=local", /^network: is not collected here/],
      ["100", "format=xml", /^format: /],
    ] as const) {
      const response = await get(id, query);
      expect(response.status, `${id} ${query}`).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    const missing = await get("4242");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("id: the registry of testnet never listed node 4242");
  });
});
