import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { criterionEvaluations } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { type CriterionHistoryView, HISTORY_CSV_COLUMNS } from "@/lib/roadmap/history-view";
import { getCriterionHistoryApi } from "@/server/api/criterion-history-api";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
const NOW = new Date("2026-11-30T12:00:00Z");

const get = (key: string, query = "") =>
  getCriterionHistoryApi(
    new Request(`http://dashboard/api/v1/criteria/${key}/history?${query}`),
    { db: test.handle.db, now: NOW, env: test.env },
    key,
  );
const json = async (key: string, query = "") => {
  const response = await get(key, query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as CriterionHistoryView;
};

const evaluation = (
  at: string,
  status: "pass" | "fail" | "insufficient_data",
  measured: number | null,
  changed = true,
) => ({
  criterionKey: "sync_group",
  network: "testnet",
  status,
  measured,
  target: 100,
  unit: "ms",
  windowStart: new Date(Date.parse(at) - 7 * 86_400_000),
  windowEnd: new Date(at),
  samples: 500,
  evidence: {},
  evaluatedAt: new Date(at),
  changed,
});

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDatabase(test.handle.db, test.env);
  await test.handle.db.insert(criterionEvaluations).values([
    evaluation("2026-11-20T10:00:00Z", "insufficient_data", null),
    evaluation("2026-11-25T09:00:00Z", "fail", 130),
    evaluation("2026-11-25T21:00:00Z", "fail", 120, false), // the day's last counts
    evaluation("2026-11-27T03:00:00Z", "pass", 90),
    evaluation("2026-11-29T03:00:00Z", "fail", 105),
    evaluation("2026-11-30T11:00:00Z", "pass", 95),
  ]);
}, 60_000);

afterAll(() => test?.drop());

describe("GET /api/v1/criteria/{key}/history", () => {
  it("gives the last verdict of each UTC day over 90 days, a gap where none, and when the target first passed", async () => {
    const view = await json("sync_group");
    expect(view.range.preset).toBe("90d");
    expect(view.points).toHaveLength(91);
    const on = (day: string) => view.points.find((point) => point.start === `${day}T00:00:00.000Z`);
    expect(on("2026-11-25")).toMatchObject({
      status: "fail",
      measured: 120,
      evaluatedAt: "2026-11-25T21:00:00.000Z",
    });
    expect(on("2026-11-26")).toEqual({
      start: "2026-11-26T00:00:00.000Z",
      status: null,
      measured: null,
      samples: null,
      evaluatedAt: null,
    });
    expect(on("2026-11-20")).toMatchObject({ status: "insufficient_data", measured: null });
    expect(view).toMatchObject({
      target: 100,
      status: "pass",
      measured: 95,
      firstPassedAt: "2026-11-27T03:00:00.000Z",
      passingSince: "2026-11-30T11:00:00.000Z",
    });
    expect(view.evidenceUrl).toMatch(/^\/api\/v1\/criteria\/sync_group\/evidence\?from=/);
  });

  it("reads hours over a day or two", async () => {
    const view = await json("sync_group", "from=2026-11-25&to=2026-11-25");
    expect(view.range.bucket).toBe("hour");
    expect(view.points.filter((point) => point.status !== null).map((point) => point.measured)).toEqual([
      130, 120,
    ]);
  });

  it("answers as CSV exactly its JSON", async () => {
    const view = await json("sync_group", "range=7d");
    const [header, ...lines] = (await (await get("sync_group", "range=7d&format=csv")).text())
      .trimEnd()
      .split("\r\n");
    expect(header).toBe(HISTORY_CSV_COLUMNS.join(","));
    const cell = (value: unknown) => (value === null ? "" : String(value));
    expect(lines).toEqual(
      view.points.map((point) =>
        [point.start, point.evaluatedAt, point.status, point.measured, point.samples, 100, "ms"]
          .map(cell)
          .join(","),
      ),
    );
  });

  it("refuses a bad range with a 400 naming it and an unknown target with a 404", async () => {
    const bad = await get("sync_group", "range=1y");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^range: /);
    const unknown = await get("no_such_target");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe('no criterion "no_such_target"');
  });
});
