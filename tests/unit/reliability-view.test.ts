import { describe, expect, it } from "vitest";
import {
  availabilitySeries,
  dayRowsOf,
  forkSeries,
  integrationSuites,
  replicationSeries,
} from "@/lib/reliability/view";

const DAYS = ["2026-11-01", "2026-11-02"];

describe("availability per day", () => {
  it("floors, so a node just short of 99.99% never reads as meeting it", () => {
    // 999,899 of 1,000,000 minutes up is 99.9899%: rounding would show 99.99%.
    const [node] = availabilitySeries(
      [{ nodeId: 1, name: null }],
      [{ nodeId: 1, day: "2026-11-01", up: 999_899, degraded: 0, down: 101 }],
      DAYS,
    );
    expect(node?.availabilityPct).toBe(99.9899);
    expect(node?.daily.availabilityPct[0]).toBe(99.9899);
  });

  it("counts degraded minutes as up, and a day without measured minutes as a gap", () => {
    const [node] = availabilitySeries(
      [{ nodeId: 1, name: "one" }],
      [{ nodeId: 1, day: "2026-11-02", up: 700, degraded: 20, down: 720 }],
      DAYS,
    );
    expect(node?.daily).toEqual({
      availabilityPct: [null, 50],
      measuredMinutes: [0, 1440],
      downMinutes: [0, 720],
    });
    expect(node && dayRowsOf(node, DAYS)).toEqual([
      { day: "2026-11-01", availabilityPct: null, measuredMinutes: 0, downMinutes: 0 },
      { day: "2026-11-02", availabilityPct: 50, measuredMinutes: 1440, downMinutes: 720 },
    ]);
  });

  it("marks one worst node, the first of equals, and none when nothing was measured", () => {
    const nodes = [1, 2, 3].map((nodeId) => ({ nodeId, name: null }));
    const rows = [
      { nodeId: 1, day: "2026-11-01", up: 1430, degraded: 0, down: 10 },
      { nodeId: 2, day: "2026-11-01", up: 1430, degraded: 0, down: 10 },
      { nodeId: 3, day: "2026-11-01", up: 1440, degraded: 0, down: 0 },
    ];
    expect(availabilitySeries(nodes, rows, DAYS).map((node) => node.worst)).toEqual([true, false, false]);
    expect(availabilitySeries(nodes, [], DAYS).some((node) => node.worst)).toBe(false);
  });
});

describe("fork checks per day", () => {
  it("lists every day, with a rate only where groups were checked", () => {
    expect(forkSeries([{ day: "2026-11-02", runs: 2, groupsChecked: 3000, forkedGroups: 1 }], DAYS)).toEqual([
      { day: "2026-11-01", runs: 0, groupsChecked: 0, forkedGroups: 0, forkRatePct: null },
      { day: "2026-11-02", runs: 2, groupsChecked: 3000, forkedGroups: 1, forkRatePct: 0.0333 },
    ]);
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

  it("orders each suite's runs oldest first, marks the latest ones judged, and attaches failed cases", () => {
    const suites = integrationSuites(
      [
        run(3, "js", "2026-11-03", 1),
        run(1, "js", "2026-11-01"),
        run(2, "js", "2026-11-02"),
        run(4, "android", "2026-11-01"),
      ],
      [{ runId: 3, name: "adds a member", message: "timeout", total: 7 }],
      2,
    );
    expect(suites.map((suite) => suite.sdk)).toEqual(["android", "js"]);
    const js = suites[1]?.runs ?? [];
    expect(js.map((one) => [one.runId, one.judged])).toEqual([
      ["js-1", false],
      ["js-2", true],
      ["js-3", true],
    ]);
    expect(js[2]).toMatchObject({
      passRatePct: 90,
      failedCases: [{ name: "adds a member", message: "timeout" }],
      failedCasesTotal: 7,
    });
  });

  it("gives a run with no passed or failed tests no pass rate, not 0% or 100%", () => {
    const [suite] = integrationSuites([{ ...run(1, "js", "2026-11-01"), passed: 0 }], [], 5);
    expect(suite?.runs[0]?.passRatePct).toBeNull();
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
    );
    expect(points).toEqual([
      { start: "2026-11-01T00:00:00.000Z", lags: { 1: "10", 2: "10", 3: null } },
      { start: "2026-11-01T01:00:00.000Z", lags: { 1: "0", 2: null, 3: null } },
    ]);
  });
});
