import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProbes } from "@/db/mutations/probes";
import { runRollups } from "@/db/mutations/rollups";
import { availabilityByNode, dayBarsForNode } from "@/db/queries/uptime";
import { uptimeRollups } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { ProbeInput } from "@/lib/probe/record";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const MIN = 60_000;
const DAY = 86_400_000;
const REGIONS = ["us-east", "eu-west", "ap-south"];
let test: TestDatabase;
let db: TestDatabase["handle"]["db"];
const now = new Date();
// Yesterday's UTC midnight: the minutes on both sides of it are over whatever the time of day.
const MIDNIGHT = Math.floor(now.getTime() / DAY) * DAY - DAY;
const SLOW = 500;
const DOWN = 600;

/** Probes from every region at minutes −3 … +2 around midnight; what each minute shows is given. */
const around = (nodeId: number, outcomeAt: (minute: number) => ProbeInput["outcome"]): ProbeInput[] =>
  [-3, -2, -1, 0, 1, 2].map((minute) => ({
    nodeId,
    at: new Date(MIDNIGHT + minute * MIN + 20_000),
    outcome: outcomeAt(minute),
    latencyMs: outcomeAt(minute) === "down" ? null : outcomeAt(minute) === "degraded" ? 2_500 : 40,
  }));

const rollup = (nodeId: number, granularity: "minute" | "hour" | "day") =>
  db
    .select()
    .from(uptimeRollups)
    .where(and(eq(uptimeRollups.nodeId, nodeId), eq(uptimeRollups.granularity, granularity)))
    .orderBy(asc(uptimeRollups.bucketStart));

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  await seedDatabase(db, test.env);
  await insertNodes(db, "testnet", [
    { nodeId: SLOW, registeredAt: new Date(MIDNIGHT - 30 * DAY) },
    { nodeId: DOWN, registeredAt: new Date(MIDNIGHT - 30 * DAY) },
  ]);
  for (const region of REGIONS)
    await insertProbes(db, { network: "testnet", region, source: "local" }, [
      // Slow (degraded) for the two minutes before midnight and the first one after it.
      ...around(SLOW, (minute) => (minute >= -2 && minute <= 0 ? "degraded" : "up")),
      // Down in the last minute of the day and the first of the next.
      ...around(DOWN, (minute) => (minute === -1 || minute === 0 ? "down" : "up")),
    ]);
  await runRollups(db, { now });
});
afterAll(() => test?.drop());

describe("degraded minutes", () => {
  it("stay up at every rollup level: minute, hour and day", async () => {
    const minutes = await rollup(SLOW, "minute");
    expect(minutes.map((row) => [row.upMinutes, row.degradedMinutes, row.downMinutes])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
      [1, 0, 0],
    ]);
    for (const granularity of ["hour", "day"] as const) {
      const rows = await rollup(SLOW, granularity);
      expect(rows.map((row) => [row.upMinutes, row.degradedMinutes, row.downMinutes])).toEqual([
        [1, 2, 0],
        [2, 1, 0],
      ]);
    }
  });

  it("count as available, beside the degraded count", async () => {
    const window = { from: new Date(MIDNIGHT - DAY), to: new Date(MIDNIGHT + DAY) };
    const [slow] = await availabilityByNode(db, "testnet", window, now, { nodeId: SLOW });
    expect(slow).toMatchObject({ up: 3, degraded: 3, down: 0, availability: 1 });
  });
});

describe("the UTC midnight edge", () => {
  it("puts 23:59 in the old day's last hour and 00:00 in the new day's first", async () => {
    const hours = await rollup(DOWN, "hour");
    expect(
      hours.map((row) => [row.bucketStart.getTime() - MIDNIGHT, row.upMinutes, row.downMinutes]),
    ).toEqual([
      [-3_600_000, 2, 1],
      [0, 2, 1],
    ]);
    const days = await rollup(DOWN, "day");
    expect(days.map((row) => [row.bucketStart.getTime() - MIDNIGHT, row.upMinutes, row.downMinutes])).toEqual(
      [
        [-DAY, 2, 1],
        [0, 2, 1],
      ],
    );
  });

  it("reads a window ending or starting at midnight with only that side's minutes", async () => {
    const before = { from: new Date(MIDNIGHT - DAY), to: new Date(MIDNIGHT) };
    const after = { from: new Date(MIDNIGHT), to: new Date(MIDNIGHT + DAY) };
    expect((await availabilityByNode(db, "testnet", before, now, { nodeId: DOWN }))[0]).toMatchObject({
      up: 2,
      down: 1,
    });
    expect((await availabilityByNode(db, "testnet", after, now, { nodeId: DOWN }))[0]).toMatchObject({
      up: 2,
      down: 1,
    });
  });

  it("draws the down minute of each side on its own day's bar", async () => {
    const bars = await dayBarsForNode(db, "testnet", DOWN, { days: 3, now });
    const byDay = Object.fromEntries(bars.map((bar) => [bar.day, bar]));
    const name = (at: number) => new Date(at).toISOString().slice(0, 10);
    expect(byDay[name(MIDNIGHT - DAY)]).toMatchObject({ down: 1 });
    expect(byDay[name(MIDNIGHT)]).toMatchObject({ down: 1 });
  });
});
