import { readFileSync } from "node:fs";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropOldProbes, insertProbes } from "@/db/mutations/probes";
import { pruneRollups } from "@/db/mutations/rollups";
import { nodeCursorRollups, nodeCursorSnapshots } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { presetRange } from "@/lib/charts/range";
import { reliabilityView } from "@/server/charts/reliability";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const DAY = 86_400_000;
let test: TestDatabase;
let db: TestDatabase["handle"]["db"];
const now = new Date("2026-11-30T12:00:00Z");
const read = (nodeId: number, at: string, sequence: string, region = "us-east") =>
  insertProbes(db, { network: "testnet", region, source: "remote" }, [
    { nodeId, at: new Date(at), outcome: "up", cursor: { "7": sequence } },
  ]);
const rollups = (granularity: "hour" | "day") =>
  db
    .select({
      nodeId: nodeCursorRollups.nodeId,
      start: nodeCursorRollups.bucketStart,
      at: nodeCursorRollups.at,
      cursor: nodeCursorRollups.cursor,
    })
    .from(nodeCursorRollups)
    .where(and(eq(nodeCursorRollups.network, "testnet"), eq(nodeCursorRollups.granularity, granularity)))
    .orderBy(asc(nodeCursorRollups.bucketStart), asc(nodeCursorRollups.nodeId));

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  await seedDatabase(db, test.env);
  await insertNodes(db, "testnet", [{ nodeId: 100 }, { nodeId: 200 }]);
  // Two reads in one batch within an hour: the later one is the hour's.
  await insertProbes(db, { network: "testnet", region: "us-east", source: "remote" }, [
    { nodeId: 100, at: new Date("2026-10-01T10:05:00Z"), outcome: "up", cursor: { "7": "10" } },
    { nodeId: 100, at: new Date("2026-10-01T10:35:00Z"), outcome: "up", cursor: { "7": "20" } },
    { nodeId: 200, at: new Date("2026-10-01T10:35:00Z"), outcome: "up", cursor: { "7": "15" } },
  ]);
  await read(100, "2026-10-01T11:40:00Z", "30");
  // Another region's spool arriving late, read before the stored 11:40: replaces nothing.
  await read(100, "2026-10-01T11:10:00Z", "25", "eu-west");
  await read(200, "2026-10-01T11:40:30Z", "28", "eu-west");
}, 60_000);

afterAll(() => test?.drop());

describe("cursor rollups kept by the ingest", () => {
  it("keep each node's last cursor per UTC hour and day, whichever region read it and in whatever order", async () => {
    expect(await rollups("hour")).toEqual([
      {
        nodeId: 100,
        start: new Date("2026-10-01T10:00:00Z"),
        at: new Date("2026-10-01T10:35:00Z"),
        cursor: { "7": "20" },
      },
      {
        nodeId: 200,
        start: new Date("2026-10-01T10:00:00Z"),
        at: new Date("2026-10-01T10:35:00Z"),
        cursor: { "7": "15" },
      },
      {
        nodeId: 100,
        start: new Date("2026-10-01T11:00:00Z"),
        at: new Date("2026-10-01T11:40:00Z"),
        cursor: { "7": "30" },
      },
      {
        nodeId: 200,
        start: new Date("2026-10-01T11:00:00Z"),
        at: new Date("2026-10-01T11:40:30Z"),
        cursor: { "7": "28" },
      },
    ]);
    expect(await rollups("day")).toEqual([
      {
        nodeId: 100,
        start: new Date("2026-10-01T00:00:00Z"),
        at: new Date("2026-10-01T11:40:00Z"),
        cursor: { "7": "30" },
      },
      {
        nodeId: 200,
        start: new Date("2026-10-01T00:00:00Z"),
        at: new Date("2026-10-01T11:40:30Z"),
        cursor: { "7": "28" },
      },
    ]);
  });

  it("are what the migration rebuilds from the snapshots kept", async () => {
    const hours = await rollups("hour");
    const days = await rollups("day");
    await db.delete(nodeCursorRollups);
    const migration = readFileSync("db/migrations/0011_cursor_rollups.sql", "utf8");
    await db.execute(sql.raw(migration.split("--> statement-breakpoint").at(-1) as string));
    expect(await rollups("hour")).toEqual(hours);
    expect(await rollups("day")).toEqual(days);
  });

  it("outlive the snapshots: the lag history reads days whose snapshots retention deleted", async () => {
    await dropOldProbes(db, { now, days: 14 });
    expect(await db.select().from(nodeCursorSnapshots)).toEqual([]);
    const view = await reliabilityView(db, {
      network: "testnet",
      range: presetRange("90d", now),
      now,
      hourDays: 400,
      probeIntervalS: 30,
    });
    expect(view.replication.keptDays).toBeNull();
    expect(view.replication.nodeIds).toEqual([100, 200]);
    const day = view.replication.points.find((point) => point.start === "2026-10-01T00:00:00.000Z");
    expect(day?.lags).toEqual(["0", "2"]);
  });

  it("lose their hours to retention with the hour rollups, and keep their days", async () => {
    // Two days after 11:00: the 10:00 hours are past the limit, the 11:00 ones not yet.
    await pruneRollups(db, {
      now: new Date(Date.parse("2026-10-01T11:00:00Z") + 2 * DAY),
      minuteDays: 1,
      hourDays: 2,
    });
    expect((await rollups("hour")).map((row) => row.start.toISOString())).toEqual([
      "2026-10-01T11:00:00.000Z",
      "2026-10-01T11:00:00.000Z",
    ]);
    expect(await rollups("day")).toHaveLength(2);
  });
});
