import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeEvaluation } from "@/db/mutations/evaluations";
import { criteriaWithTimeline } from "@/db/queries/criteria";
import { seedDatabase } from "@/db/seed";
import { timeline } from "@/lib/roadmap/readiness";
import type { CriterionStatus } from "@/lib/roadmap/vocabulary";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await seedDatabase(test.handle.db, test.env);
});
afterAll(() => test?.drop());

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 10, 59);
const store = (criterionKey: string, status: CriterionStatus, measured: number, at: number) =>
  storeEvaluation(test.handle.db, {
    criterionKey,
    network: "testnet",
    version: 1,
    at: new Date(at),
    evaluation: {
      status,
      measured,
      target: 100,
      baseline: null,
      unit: "ms",
      window: { from: new Date(at - 7 * 24 * HOUR), to: new Date(at) },
      samples: 500,
      evidence: {},
    },
  });
const timelineOf = async (key: string) =>
  (await criteriaWithTimeline(test.handle.db)).find((row) => row.key === key);

describe("storing criterion evaluations", () => {
  it("drops an evaluation older than one already stored, so a slow run cannot rewrite the timeline", async () => {
    expect(await store("sync_group", "pass", 90, T0)).toBe(true);
    expect(await store("sync_group", "pass", 90, T0 + HOUR + 30_000)).toBe(true); // heartbeat
    expect(await store("sync_group", "fail", 150, T0 + HOUR)).toBe(false); // a run that started earlier
    const row = await timelineOf("sync_group");
    expect(row?.status).toBe("pass");
    expect(row?.passingSince).toEqual(new Date(T0));
  });

  it("reads the same timeline from change points as from every row, values drifting or not", async () => {
    const values = [100, 100.00009, 100.00018, 100, 100, 120];
    for (const [hour, value] of values.entries())
      await store("send_message", "fail", value, T0 + hour * HOUR);
    const rows = await test.handle.db.query.criterionEvaluations.findMany({
      where: (table, { eq }) => eq(table.criterionKey, "send_message"),
    });
    expect(rows).toHaveLength(values.length);
    expect(rows.filter((row) => !row.changed).length).toBeGreaterThan(0);
    const full = timeline(rows);
    const fromChanges = await timelineOf("send_message");
    expect(fromChanges?.lastChangedAt).toEqual(full.lastChangedAt);
    expect(fromChanges?.lastChangedAt).toEqual(new Date(T0 + 5 * HOUR));
  });
});
