import { describe, expect, it } from "vitest";
import {
  availabilitySeries,
  dayRowsOf,
  forkSeries,
  integrationSuites,
  judgedRunsOf,
  minutesOfDays,
  replicationSeries,
} from "@/lib/reliability/view";

const DAYS = ["2026-11-01", "2026-11-02"];
const FULL = [1440, 1440];

describe("availability per day", () => {
  it("floors, so a node just short of 99.99% never reads as meeting it", () => {
    // 999,899 of 1,000,000 minutes up is 99.9899%: rounding would show 99.99%.
    const [node] = availabilitySeries(
      [{ nodeId: 1, name: null }],
      [{ nodeId: 1, day: "2026-11-01", up: 999_899, degraded: 0, down: 101 }],
      DAYS,
      FULL,
    );
    expect(node?.availabilityPct).toBe(99.9899);
    expect(node?.daily.availabilityPct[0]).toBe(99.9899);
  });

  it("counts degraded minutes as up, and a day without measured minutes as a gap", () => {
    const [node] = availabilitySeries(
      [{ nodeId: 1, name: "one" }],
      [{ nodeId: 1, day: "2026-11-02", up: 700, degraded: 20, down: 720 }],
      DAYS,
      FULL,
    );
    expect(node?.daily).toEqual({
      availabilityPct: [null, 50],
      measuredMinutes: [0, 1440],
      downMinutes: [0, 720],
    });
    expect(node?.coveragePct).toBe(50);
    expect(node && dayRowsOf(node, DAYS, FULL)).toEqual([
      {
        day: "2026-11-01",
        availabilityPct: null,
        measuredMinutes: 0,
        downMinutes: 0,
        coveragePct: 0,
        partial: false,
      },
      {
        day: "2026-11-02",
        availabilityPct: 50,
        measuredMinutes: 1440,
        downMinutes: 720,
        coveragePct: 100,
        partial: false,
      },
    ]);
  });

  it("counts today's coverage against the minutes so far, and marks it partial", () => {
    const now = new Date("2026-11-02T06:00:30Z");
    expect(minutesOfDays([...DAYS, "2026-11-03"], now)).toEqual([1440, 360, 0]);
    const dayMinutes = minutesOfDays(DAYS, now);
    const [node] = availabilitySeries(
      [{ nodeId: 1, name: null }],
      [
        { nodeId: 1, day: "2026-11-01", up: 1080, degraded: 0, down: 0 },
        { nodeId: 1, day: "2026-11-02", up: 270, degraded: 0, down: 0 },
      ],
      DAYS,
      dayMinutes,
    );
    const [yesterday, today] = node ? dayRowsOf(node, DAYS, dayMinutes) : [];
    expect(yesterday).toMatchObject({ coveragePct: 75, partial: false });
    expect(today).toMatchObject({ availabilityPct: 100, coveragePct: 75, partial: true });
    expect(node?.coveragePct).toBe(75);
  });

  it("marks one worst node, the first of equals, and none when nothing was measured", () => {
    const nodes = [1, 2, 3].map((nodeId) => ({ nodeId, name: null }));
    const rows = [
      { nodeId: 1, day: "2026-11-01", up: 1430, degraded: 0, down: 10 },
      { nodeId: 2, day: "2026-11-01", up: 1430, degraded: 0, down: 10 },
      { nodeId: 3, day: "2026-11-01", up: 1440, degraded: 0, down: 0 },
    ];
    expect(availabilitySeries(nodes, rows, DAYS, FULL).map((node) => node.worst)).toEqual([
      true,
      false,
      false,
    ]);
    expect(availabilitySeries(nodes, [], DAYS, FULL).some((node) => node.worst)).toBe(false);
  });
});

describe("fork checks per day", () => {
  it("lists every day, with a rate only where groups were checked", () => {
    expect(forkSeries([{ day: "2026-11-02", runs: 2, groupsChecked: 3000, forkedGroups: 1 }], DAYS)).toEqual([
      { day: "2026-11-01", runs: 0, groupsChecked: 0, forkedGroups: 0, forkRatePct: null },
      { day: "2026-11-02", runs: 2, groupsChecked: 3000, forkedGroups: 1, forkRatePct: 0.0334 },
    ]);
  });

  it("rounds up, so one forked group among millions never reads as the 0% target, and a clean day is 0", () => {
    const [forked, clean, exact] = forkSeries(
      [
        { day: "a", runs: 1, groupsChecked: 10_000_000, forkedGroups: 1 },
        { day: "b", runs: 1, groupsChecked: 500, forkedGroups: 0 },
        { day: "c", runs: 1, groupsChecked: 100, forkedGroups: 7 },
      ],
      ["a", "b", "c"],
    );
    expect(forked?.forkRatePct).toBe(0.0001);
    expect(clean?.forkRatePct).toBe(0);
    // 7/100 × 100 is 7.000000000000001 in floats: counted from whole numbers, it stays 7.
    expect(exact?.forkRatePct).toBe(7);
  });
});

describe("integration suites", () => {
  const run = (id: number, sdk: string, day: string, failed = 0) => ({
    id,
    runId: `${sdk}-${id}`,
    sdk,
    suite: "e2e",
    startedAt: new Date(`${day}T05:00:00Z`),
    passed: 10 - failed,
    failed,
    skipped: 0,
  });

  it("orders each suite's runs oldest first, marks the runs the verdict read, and attaches failed cases", () => {
    const suites = integrationSuites(
      [
        run(3, "js", "2026-11-03", 1),
        run(1, "js", "2026-11-01"),
        run(2, "js", "2026-11-02"),
        run(4, "android", "2026-11-01"),
      ],
      [{ runId: 3, name: "adds a member", message: "timeout", total: 7 }],
      judgedRunsOf({
        suites: [
          { suite: "js · e2e", runIds: ["js-2", "js-3"] },
          { suite: "android · other", runIds: ["android-4"] },
        ],
      }),
    );
    expect(suites.map((suite) => suite.sdk)).toEqual(["android", "js"]);
    const js = suites[1]?.runs ?? [];
    expect(js.map((one) => [one.runId, one.judged])).toEqual([
      ["js-1", false],
      ["js-2", true],
      ["js-3", true],
    ]);
    // The same run id in another suite is not this one.
    expect(suites[0]?.runs[0]?.judged).toBe(false);
    expect(js[2]).toMatchObject({
      passRatePct: 90,
      failedCases: [{ name: "adds a member", message: "timeout" }],
      failedCasesTotal: 7,
    });
  });

  it("gives a run with no passed or failed tests no pass rate, not 0% or 100%", () => {
    const [suite] = integrationSuites([{ ...run(1, "js", "2026-11-01"), passed: 0 }], [], new Set());
    expect(suite?.runs[0]?.passRatePct).toBeNull();
  });

  it("rounds the pass rate down, so 9,999 of 10,000 never reads as the 100% target", () => {
    const [suite] = integrationSuites(
      [{ ...run(1, "js", "2026-11-01"), passed: 9_999, failed: 1 }],
      [],
      new Set(),
    );
    expect(suite?.runs[0]?.passRatePct).toBe(99.99);
  });

  it("reads no judged runs from evidence that is missing or malformed", () => {
    expect(judgedRunsOf(undefined).size).toBe(0);
    expect(judgedRunsOf({ suites: "x" }).size).toBe(0);
    expect(
      judgedRunsOf({
        suites: [
          { suite: 1, runIds: ["a"] },
          { suite: "s", runIds: [2, "b"] },
        ],
      }).size,
    ).toBe(1);
  });
});

describe("replication lag per bucket", () => {
  it("measures each node against the furthest node of the same bucket, and leaves silent nodes null", () => {
    const start = Date.parse("2026-11-01T00:00:00Z");
    const next = start + 3_600_000;
    const points = replicationSeries(
      [
        { nodeId: 1, start, at: new Date(start + 1000), cursor: { "1": "100", "2": "50" } },
        { nodeId: 2, start, at: new Date(start + 2000), cursor: { "1": "90", "2": "60" } },
        { nodeId: 1, start: next, at: new Date(next + 1000), cursor: { "1": "200" } },
      ],
      [start, next],
      [1, 2, 3],
      60_000,
    );
    expect(points).toEqual([
      { start: "2026-11-01T00:00:00.000Z", lags: ["10", "10", null] },
      { start: "2026-11-01T01:00:00.000Z", lags: ["0", null, null] },
    ]);
  });

  it("compares only cursors read at one moment: a node silent since early in the bucket is a gap", () => {
    const start = Date.parse("2026-11-01T00:00:00Z");
    const points = replicationSeries(
      [
        { nodeId: 1, start, at: new Date(start + 3_500_000), cursor: { "1": "900" } },
        { nodeId: 2, start, at: new Date(start + 3_480_000), cursor: { "1": "880" } },
        // Last read 50 minutes before the others: its 100 is not 800 behind.
        { nodeId: 3, start, at: new Date(start + 500_000), cursor: { "1": "100" } },
      ],
      [start],
      [1, 2, 3],
      60_000,
    );
    expect(points[0]?.lags).toEqual(["0", "20", null]);
  });
});
