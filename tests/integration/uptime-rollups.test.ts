import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import { dropOldProbes, insertProbes } from "@/db/mutations/probes";
import { pruneRollups, recomputeRollups, runRollups } from "@/db/mutations/rollups";
import {
  availabilityByNode,
  currentStates,
  dayBarsForNode,
  latencyByNode,
  networkHealthSummary,
  replicationState,
} from "@/db/queries/uptime";
import { incidents, maintenanceWindows, probes, uptimeRollups } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { histogramOf, quantile } from "@/lib/metrics/histogram";
import type { ProbeInput as ProbeRow } from "@/lib/probe/record";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const MIN = 60_000;
const HOUR = 3_600_000;
let test: TestDatabase;
let db: TestDatabase["handle"]["db"];
const now = new Date();
// A complete UTC hour two hours back, so every bucket under test is in the past.
const T = Math.floor(now.getTime() / HOUR) * HOUR - 2 * HOUR;
const REGIONS = ["us-east", "eu-west", "ap-south"];

function probe(
  nodeId: number,
  minute: number,
  outcome: ProbeRow["outcome"],
  latencyMs = 50,
  second = 10,
): ProbeRow {
  return {
    nodeId,
    at: new Date(T + minute * MIN + second * 1000),
    outcome,
    latencyMs: outcome === "down" ? null : latencyMs,
  };
}

async function store(region: string, rows: ProbeRow[], receivedAt?: Date) {
  await insertProbes(db, { network: "testnet", region, source: "local" }, rows, receivedAt);
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  await seedDatabase(db, test.env);
  await insertNodes(db, "testnet", [
    { nodeId: 100, registeredAt: new Date(T - 30 * 86_400_000) },
    { nodeId: 200, registeredAt: new Date(T - 30 * 86_400_000) },
    { nodeId: 300, registeredAt: new Date(T - 30 * 86_400_000) },
    { nodeId: 400, registeredAt: new Date(T - 30 * 86_400_000), isCanonical: false },
  ]);
  for (const region of REGIONS) {
    const rows: ProbeRow[] = [];
    for (let minute = 0; minute < 10; minute++) {
      // Node 100: always up, latency by region so percentiles have something to show.
      rows.push(probe(100, minute, "up", 40 + REGIONS.indexOf(region) * 20 + minute));
      // Node 200: minutes 3 and 4 down from us-east and eu-west (a quorum), minute 6 down from us-east only.
      const down = (minute === 3 || minute === 4) && region !== "ap-south";
      rows.push(probe(200, minute, down || (minute === 6 && region === "us-east") ? "down" : "up"));
      // Node 300: probed only in minutes 0-4.
      if (minute < 5) rows.push(probe(300, minute, "up"));
    }
    await store(region, rows);
  }
});
afterAll(() => test?.drop());

const minuteWindow = (from: number, to: number) => ({
  from: new Date(T + from * MIN),
  to: new Date(T + to * MIN),
});
const byNode = <T extends { nodeId: number }>(rows: T[]) =>
  Object.fromEntries(rows.map((row) => [row.nodeId, row]));

describe("uptime rollups", () => {
  it("apply the quorum rule per minute and leave unprobed minutes unknown", async () => {
    const result = await runRollups(db, { now });
    expect(result).toEqual({ hours: 1, days: 1 });
    const availability = byNode(await availabilityByNode(db, "testnet", minuteWindow(0, 10), now));
    expect(availability[100]).toMatchObject({ up: 10, down: 0, availability: 1, coverage: 1 });
    expect(availability[200]).toMatchObject({ up: 8, down: 2, availability: 0.8, coverage: 1 });
    expect(availability[300]).toMatchObject({ up: 5, known: 5, availability: 1, coverage: 0.5 });
    expect(availability[400]).toMatchObject({ known: 0, availability: null, coverage: 0 });
  });

  it("roll minutes into the hour and the hour into its UTC day, unknown minutes filled in", async () => {
    const [hour] = await db
      .select()
      .from(uptimeRollups)
      .where(and(eq(uptimeRollups.nodeId, 200), eq(uptimeRollups.granularity, "hour")));
    expect(hour).toMatchObject({
      upMinutes: 8,
      downMinutes: 2,
      unknownMinutes: 50,
      probeCount: 30,
      failedProbeCount: 5,
    });
    const [day] = await db
      .select()
      .from(uptimeRollups)
      .where(and(eq(uptimeRollups.nodeId, 200), eq(uptimeRollups.granularity, "day")));
    expect(day?.bucketStart.getTime()).toBe(Math.floor(T / 86_400_000) * 86_400_000);
    expect(day).toMatchObject({ upMinutes: 8, downMinutes: 2, probeCount: 30 });
  });

  it("are idempotent: running again with nothing new changes nothing", async () => {
    const snapshot = async () =>
      db.execute(sql`select node_id, granularity, bucket_start, up_minutes, down_minutes, unknown_minutes, latency_count
                     from uptime_rollups order by 1, 2, 3`);
    const before = (await snapshot()).rows;
    await runRollups(db, { now });
    expect((await snapshot()).rows).toEqual(before);
  });

  it("serialize two runs at once (the worker and `npm run rollup`): neither fails, the result is the same", async () => {
    const snapshot = async () =>
      db.execute(sql`select node_id, granularity, bucket_start, up_minutes, down_minutes, latency_count
                     from uptime_rollups order by 1, 2, 3`);
    const before = (await snapshot()).rows;
    const range = { from: new Date(T - HOUR), to: new Date(T + HOUR), now };
    await Promise.all([
      recomputeRollups(db, "testnet", range),
      recomputeRollups(db, "testnet", range),
      recomputeRollups(db, "testnet", range),
    ]);
    expect((await snapshot()).rows).toEqual(before);
  });

  it("correct a bucket when late probes arrive (a remote prober's spool)", async () => {
    // Node 300's minute 7, seen down by every region, delivered an hour late.
    for (const region of REGIONS) await store(region, [probe(300, 7, "down")], new Date());
    await runRollups(db, { now: new Date() });
    const availability = byNode(await availabilityByNode(db, "testnet", minuteWindow(0, 10), now));
    expect(availability[300]).toMatchObject({ up: 5, down: 1, known: 6 });
    expect(availability[300]?.availability).toBeCloseTo(5 / 6);
  });

  it("read any window from day, hour and minute rows, counting every minute once", async () => {
    const minuteSums = async (from: Date, to: Date) => {
      const rows = await db.execute<{ node_id: number; up: number; down: number }>(sql`
        select node_id, sum(up_minutes + degraded_minutes)::int as up, sum(down_minutes)::int as down
        from uptime_rollups where granularity = 'minute' and bucket_start >= ${from} and bucket_start < ${to}
        group by node_id`);
      return Object.fromEntries(rows.rows.map((row) => [row.node_id, { up: row.up, down: row.down }]));
    };
    for (const window of [
      { from: new Date(T - 3 * HOUR), to: now },
      { from: new Date(T + 4 * MIN), to: new Date(T + 7 * MIN + 30_000) },
      { from: new Date(T - 86_400_000 * 2), to: new Date(T + HOUR) },
      { from: new Date(T + 5 * MIN), to: new Date(T + 2 * HOUR) },
    ]) {
      const tiled = await availabilityByNode(db, "testnet", window, now);
      const truth = await minuteSums(window.from, window.to);
      for (const node of tiled) {
        expect({ up: node.up + node.degraded, down: node.down }).toEqual(
          truth[node.nodeId] ?? { up: 0, down: 0 },
        );
      }
    }
  });

  it("read one node's availability alone, the same figures as among all nodes", async () => {
    const window = { from: new Date(T - 3 * HOUR), to: now };
    const all = byNode(await availabilityByNode(db, "testnet", window, now));
    const alone = await availabilityByNode(db, "testnet", window, now, { nodeId: 200 });
    expect(alone).toEqual([all[200]]);
    expect(await availabilityByNode(db, "testnet", window, now, { nodeId: 999 })).toEqual([]);
  });

  it("take announced maintenance out of the denominator once rolled up again", async () => {
    await db.insert(maintenanceWindows).values({
      network: "testnet",
      nodeId: 200,
      title: "upgrade",
      startsAt: new Date(T + 3 * MIN),
      endsAt: new Date(T + 5 * MIN),
      createdBy: "test",
    });
    await recomputeRollups(db, "testnet", { from: new Date(T + 3 * MIN), to: new Date(T + 5 * MIN), now });
    const availability = byNode(await availabilityByNode(db, "testnet", minuteWindow(0, 10), now));
    expect(availability[200]).toMatchObject({ up: 8, down: 0, maintenance: 2, availability: 1, coverage: 1 });
  });
});

describe("health read models", () => {
  it("give latency percentiles per node and region from the merged histograms, with sample counts", async () => {
    const rows = await latencyByNode(
      db,
      "testnet",
      { from: new Date(T), to: now },
      { minSamples: 10, nodeId: 100 },
    );
    const overall = rows.find((row) => row.region === null);
    const all = REGIONS.flatMap((_region, r) => Array.from({ length: 10 }, (_, m) => 40 + r * 20 + m));
    expect(overall?.samples).toBe(30);
    expect(overall?.p95).toBeCloseTo(quantile(histogramOf(all), 0.95) as number, 6);
    const exact95 = [...all].sort((a, b) => a - b)[Math.ceil(0.95 * 30) - 1] as number;
    expect(Math.abs((overall?.p95 as number) - exact95) / exact95).toBeLessThanOrEqual(0.02);
    const euWest = rows.find((row) => row.region === "eu-west");
    expect(euWest).toMatchObject({ samples: 10 });
    expect(Math.abs((euWest?.p50 as number) - 64) / 64).toBeLessThanOrEqual(0.02);
    const insufficient = await latencyByNode(
      db,
      "testnet",
      { from: new Date(T), to: now },
      { minSamples: 100, nodeId: 100 },
    );
    expect(insufficient[0]).toMatchObject({ samples: 30, p50: null, p95: null, p99: null });
  });

  it("count the latency of the hour under way, not only of finished hours", async () => {
    const justNow = new Date();
    const recent = [1, 2, 3].map((back) => ({
      nodeId: 400,
      at: new Date(justNow.getTime() - back * 1000),
      outcome: "up" as const,
      latencyMs: 25,
    }));
    await store("us-east", recent);
    await runRollups(db, { now: justNow });
    const [overall] = await latencyByNode(
      db,
      "testnet",
      { from: new Date(justNow.getTime() - HOUR), to: justNow },
      { minSamples: 1, nodeId: 400 },
    );
    expect(overall).toMatchObject({ region: null, samples: 3 });
    expect(Math.abs((overall?.p50 as number) - 25) / 25).toBeLessThanOrEqual(0.02);
  });

  it("give daily bars with incidents and the words a screen reader says", async () => {
    await db.insert(incidents).values({
      network: "testnet",
      nodeIds: [200],
      title: "node 200 unreachable",
      severity: "minor",
      status: "resolved",
      startedAt: new Date(T + 3 * MIN),
      createdBy: "test",
    });
    const bars = await dayBarsForNode(db, "testnet", 200, { days: 3, now });
    const day = new Date(T).toISOString().slice(0, 10);
    const bar = bars.find((entry) => entry.day === day);
    expect(bar).toMatchObject({ up: 8, down: 0, maintenance: 2, incidents: 1, tone: "up" });
    expect(bar?.label).toBe(`${day} UTC: 100.00% up, 0 min down, 2 min maintenance, 1 incident`);
  });

  it("give each node's current state by quorum, and the network summary with the official thresholds", async () => {
    const at = new Date(now.getTime() - 30_000);
    const current = (nodeId: number, outcome: ProbeRow["outcome"]): ProbeRow => ({
      nodeId,
      at,
      outcome,
      latencyMs: 30,
      version: "v0.6.0",
      ...(outcome === "down" ? { errorClass: "http_status", error: "HTTP 503" } : {}),
    });
    await store("us-east", [
      current(100, "up"),
      current(200, "down"),
      current(300, "down"),
      current(400, "up"),
    ]);
    await store("eu-west", [current(100, "up"), current(200, "down"), current(300, "up")]);
    const states = byNode(await currentStates(db, "testnet", { now }));
    expect(states[100]).toMatchObject({ state: "up", regions: 2, version: "v0.6.0" });
    expect(states[200]).toMatchObject({
      state: "down",
      regions: 2,
      failure: { errorClass: "http_status", error: "HTTP 503" },
    });
    expect(states[100]?.failure).toBeNull();
    expect(states[300]).toMatchObject({ state: "up", regions: 2 }); // 1 of 2 regions is no quorum
    const summary = await networkHealthSummary(db, "testnet", { now });
    expect(summary).toMatchObject({ canonicalUp: 2, canonicalTotal: 3, status: "degraded" });
    const later = await networkHealthSummary(db, "testnet", { now: new Date(now.getTime() + 3_600_000) });
    expect(later).toMatchObject({ canonicalUp: 0, canonicalUnknown: 3, status: "unknown" });
  });

  it("give replication lag and per-originator divergence from the latest cursors", async () => {
    const at = new Date(now.getTime() - 10_000);
    const cursorProbe = (nodeId: number, cursor: Record<string, string>): ProbeRow => ({
      nodeId,
      at,
      outcome: "up",
      latencyMs: 20,
      cursor,
    });
    await store("cursor-region", [
      cursorProbe(100, { 0: "500", 100: "9007199254740993", 200: "70" }),
      cursorProbe(200, { 0: "480", 100: "9007199254740990", 200: "70" }),
      cursorProbe(300, { 0: "500", 100: "9007199254740993" }),
    ]);
    const replication = await replicationState(db, "testnet");
    expect(replication.originators).toEqual([
      { originator: "0", max: "500", min: "480", divergence: "20", nodes: 3 },
      { originator: "100", max: "9007199254740993", min: "9007199254740990", divergence: "3", nodes: 3 },
      { originator: "200", max: "70", min: "0", divergence: "70", nodes: 3 },
    ]);
    expect(byNode(replication.nodes)[200]).toMatchObject({
      lag: "20",
      lagByOriginator: { 0: "20", 100: "3", 200: "0" },
    });
    expect(byNode(replication.nodes)[300]?.lag).toBe("70");
  });
});

describe("retention", () => {
  it("drops raw probe partitions past 14 days and prunes minute and hour rollups, keeping days", async () => {
    const old = new Date(now.getTime() - 20 * 86_400_000);
    await ensureProbePartitions(db, { now: old, daysAhead: 0 });
    await store("us-east", [{ nodeId: 100, at: old, outcome: "up", latencyMs: 10 }]);
    const part = `probes_${new Date(old).toISOString().slice(0, 10).replaceAll("-", "")}`;
    const dropped = await dropOldProbes(db, { now, days: 14 });
    expect(dropped).toContain(part);
    const left = await db.select().from(probes).where(eq(probes.at, old));
    expect(left).toHaveLength(0);
    const rollup = (granularity: "minute" | "hour" | "day", daysAgo: number) => ({
      network: "testnet",
      nodeId: 100,
      granularity,
      bucketStart: new Date(Math.floor((now.getTime() - daysAgo * 86_400_000) / HOUR) * HOUR),
      upMinutes: 1,
    });
    await db.insert(uptimeRollups).values([rollup("minute", 36), rollup("hour", 401), rollup("day", 800)]);
    expect(await pruneRollups(db, { now, minuteDays: 35, hourDays: 400 })).toEqual({ minutes: 1, hours: 1 });
    const days = await db.select().from(uptimeRollups).where(eq(uptimeRollups.granularity, "day"));
    expect(days.some((row) => row.bucketStart.getTime() < now.getTime() - 700 * 86_400_000)).toBe(true);
  });
});
