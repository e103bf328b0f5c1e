import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceMaintenance } from "@/db/mutations/operations";
import { insertProbes } from "@/db/mutations/probes";
import { runRollups } from "@/db/mutations/rollups";
import { incidents, probes, regionLatencyRollups, uptimeRollups } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { ProbeBackfill } from "@/lib/uptime/backfill";
import { writeProbeBackfill } from "@/server/demo/probes";
import {
  DEMO_REGIONS,
  type DemoProbeEvents,
  demoProbeBackfill,
  demoRegionMinutes,
} from "@/simulation/demo-probes";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const NODES = [100, 200, 300, 400];
// Forty minutes into an hour, so the hour under way holds probes from before and after the backfill.
const now = new Date(Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR + 40 * MIN);
const yesterday = Math.floor(now.getTime() / DAY) * DAY - DAY;
const events: DemoProbeEvents = {
  nodeOutage: {
    nodeId: 300,
    title: "outage",
    from: yesterday + 3 * HOUR,
    to: yesterday + 3 * HOUR + 90 * MIN,
  },
  regionOutage: { region: "ap-southeast", from: yesterday + 6 * HOUR, to: yesterday + 8 * HOUR },
  maintenance: {
    nodeId: 200,
    title: "maintenance",
    from: yesterday + 10 * HOUR,
    to: yesterday + 12 * HOUR,
    announcedAt: yesterday - DAY,
  },
  broken: { nodeId: 700, from: now.getTime() },
};
// The demo's backfill with its events moved into the three days under test.
const demo = demoProbeBackfill("local", now, { degradedMs: 500 });
const backfillOn = (network: string, minutes: ProbeBackfill["minutes"]): ProbeBackfill => ({
  regions: DEMO_REGIONS,
  maintenance: [
    {
      network,
      nodeId: 200,
      title: events.maintenance.title,
      startsAt: new Date(events.maintenance.from),
      endsAt: new Date(events.maintenance.to),
      announcedAt: new Date(events.maintenance.announcedAt),
    },
  ],
  incidents: demo.incidents.map((incident) => ({ ...incident, network })),
  minutes,
});

let test: TestDatabase;
let db: TestDatabase["handle"]["db"];
let backfill: ProbeBackfill;

const rows = (network: string, granularity: "minute" | "hour" | "day") =>
  db
    .select()
    .from(uptimeRollups)
    .where(and(eq(uptimeRollups.network, network), eq(uptimeRollups.granularity, granularity)))
    .orderBy(asc(uptimeRollups.nodeId), asc(uptimeRollups.bucketStart));
const comparable = (list: (typeof uptimeRollups.$inferSelect)[]) =>
  list.map(({ network: _n, computedAt: _c, ...row }) => row);

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  await seedDatabase(db, test.env);
  const registeredAt = new Date(yesterday - DAY + 5 * HOUR); // mid-day: nothing counted before it
  for (const network of ["testnet", "mainnet"])
    await insertNodes(
      db,
      network,
      NODES.map((nodeId) => ({ nodeId, registeredAt })),
    );
  const minutes: ProbeBackfill["minutes"] = (range, registrations) =>
    demoRegionMinutes({ ...range, registeredAt: registrations, events, degradedMs: 500 });
  backfill = backfillOn("testnet", minutes);
  await writeProbeBackfill(db, backfill, {
    network: "testnet",
    days: 3,
    minuteDays: 1,
    liveRegion: "eu-west",
    now,
  });
  // The same minutes as raw probes on another network, rolled up by the probe path.
  const raw = backfillOn("mainnet", minutes);
  for (const window of raw.maintenance) await announceMaintenance(db, window, "test");
  const all = minutes(
    { from: yesterday - 2 * DAY, to: now.getTime() },
    new Map(NODES.map((id) => [id, registeredAt])),
  );
  for (const region of DEMO_REGIONS)
    await insertProbes(
      db,
      { network: "mainnet", region, source: "remote" },
      all
        .filter((row) => row.region === region)
        .map((row) => ({
          nodeId: row.nodeId,
          at: new Date(row.minute),
          outcome: row.down ? "down" : row.degraded ? "degraded" : "up",
          latencyMs: row.latenciesMs[0] ?? null,
        })),
    );
  await runRollups(db, { now });
}, 120_000);
afterAll(() => test?.drop());

describe("a probe backfill", () => {
  it("rolls up exactly as the same minutes sent as raw probes would", async () => {
    expect(comparable(await rows("testnet", "hour"))).toEqual(comparable(await rows("mainnet", "hour")));
    expect(comparable(await rows("testnet", "day"))).toEqual(comparable(await rows("mainnet", "day")));
    const hours = await db
      .select()
      .from(regionLatencyRollups)
      .where(eq(regionLatencyRollups.network, "testnet"));
    expect(new Set(hours.map((row) => row.region))).toEqual(new Set(DEMO_REGIONS));
  });

  it("writes minute rollups only as far back as asked, and the hour under way as raw probes", async () => {
    const minutes = await rows("testnet", "minute");
    expect(minutes.length).toBeGreaterThan(0);
    expect(Math.min(...minutes.map((row) => row.bucketStart.getTime()))).toBeGreaterThanOrEqual(
      now.getTime() - DAY,
    );
    const hourStart = Math.floor(now.getTime() / HOUR) * HOUR;
    const raw = await db.select().from(probes).where(eq(probes.network, "testnet"));
    expect(raw.length).toBe(40 * NODES.length * DEMO_REGIONS.length);
    expect(raw.every((probe) => probe.at.getTime() >= hourStart && probe.at < now)).toBe(true);
    expect(new Set(raw.map((probe) => probe.source))).toEqual(new Set(["local", "remote"]));
  });

  it("keeps the announced maintenance out of availability, and a prober's own outage off the nodes", async () => {
    const days = await rows("testnet", "day");
    const day = (nodeId: number) =>
      days.find((row) => row.nodeId === nodeId && row.bucketStart.getTime() === yesterday);
    expect(day(200)).toMatchObject({ maintenanceMinutes: 120, downMinutes: 0 });
    // ap-southeast saw every node down for two hours; the other regions did not, so no node was.
    expect(day(100)).toMatchObject({ downMinutes: 0, maintenanceMinutes: 0 });
    expect(day(300)?.downMinutes).toBeGreaterThanOrEqual(90);
    expect(await db.select().from(incidents).where(eq(incidents.network, "testnet"))).toHaveLength(1);
  });

  it("counts nothing before a node's registration", async () => {
    const first = (await rows("testnet", "hour")).filter((row) => row.nodeId === 100)[0];
    expect(first?.bucketStart.getTime()).toBe(yesterday - DAY + 5 * HOUR);
  });

  it("keeps the backfilled minutes of the hour under way when the live prober's probes are rolled up", async () => {
    const later = new Date(now.getTime() + 5 * MIN);
    await insertProbes(db, { network: "testnet", region: "eu-west", source: "local" }, [
      { nodeId: 100, at: new Date(now.getTime() + 2 * MIN), outcome: "up", latencyMs: 40 },
    ]);
    await runRollups(db, { now: later });
    const hour = (await rows("testnet", "hour")).find(
      (row) => row.nodeId === 100 && row.bucketStart.getTime() === Math.floor(now.getTime() / HOUR) * HOUR,
    );
    expect(hour ? hour.upMinutes + hour.degradedMinutes : 0).toBe(41);
  });
});
