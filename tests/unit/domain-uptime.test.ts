import { describe, expect, it } from "vitest";
import { histogramOf } from "@/lib/metrics/histogram";
import { dayBars } from "@/lib/uptime/day-bars";
import { latencyPercentiles } from "@/lib/uptime/latency";
import { replication } from "@/lib/uptime/replication";
import { resolveWindow, tiling } from "@/lib/uptime/windows";

const DAY = 86_400_000;
const NOW = new Date("2026-02-05T12:30:00Z");

describe("a window in the URL", () => {
  it("resolves each preset to the span ending now", () => {
    expect(resolveWindow("24h", NOW)).toEqual({ from: new Date(NOW.getTime() - DAY), to: NOW });
    expect(resolveWindow("7d", NOW)).toEqual({ from: new Date(NOW.getTime() - 7 * DAY), to: NOW });
    expect(resolveWindow("30d", NOW).from).toEqual(new Date(NOW.getTime() - 30 * DAY));
    expect(resolveWindow("90d", NOW).from).toEqual(new Date(NOW.getTime() - 90 * DAY));
  });

  it("keeps a custom range in the past as it is", () => {
    const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-02T06:00:00Z") };
    expect(resolveWindow(range, NOW)).toEqual(range);
  });

  it("ends a custom range that reaches into the future now", () => {
    const range = { from: new Date("2026-02-05T00:00:00Z"), to: new Date("2026-02-06T00:00:00Z") };
    expect(resolveWindow(range, NOW)).toEqual({ from: range.from, to: NOW });
  });

  it("refuses a range that does not start before it ends", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(() => resolveWindow({ from: at, to: at }, NOW)).toThrow(
      new RangeError("a window's start must be before its end"),
    );
    expect(() => resolveWindow({ from: NOW, to: at }, NOW)).toThrow(RangeError);
    expect(() => resolveWindow({ from: new Date(at.getTime() - 1), to: at }, NOW)).not.toThrow();
  });
});

describe("the tiling of a window", () => {
  it("has empty day and hour ranges, at the next boundary, for a window inside one hour", () => {
    const from = new Date("2026-02-05T10:05:00Z");
    const to = new Date("2026-02-05T10:50:00Z");
    expect(tiling({ from, to })).toEqual({
      days: { from: new Date("2026-02-06T00:00:00Z"), to: new Date("2026-02-06T00:00:00Z") },
      hours: { from: new Date("2026-02-05T11:00:00Z"), to: new Date("2026-02-05T11:00:00Z") },
      minutes: { from, to },
    });
  });

  it("has whole hours but no whole day for a window inside one day", () => {
    const from = new Date("2026-02-05T10:05:00Z");
    const to = new Date("2026-02-05T13:50:00Z");
    const { days, hours } = tiling({ from, to });
    expect(days).toEqual({ from: new Date("2026-02-06T00:00:00Z"), to: new Date("2026-02-06T00:00:00Z") });
    expect(hours).toEqual({ from: new Date("2026-02-05T11:00:00Z"), to: new Date("2026-02-05T13:00:00Z") });
  });
});

describe("day bars", () => {
  const today = Date.parse("2026-02-05T00:00:00Z");
  const row = (daysAgo: number, up: number, degraded: number, down: number) => ({
    start: today - daysAgo * DAY,
    up,
    degraded,
    down,
    maintenance: 0,
  });

  it("counts degraded minutes as measured, up minutes", () => {
    const [bar] = dayBars([row(1, 5, 5, 0)], { days: 2, now: NOW });
    expect(bar).toMatchObject({ tone: "up", availability: 1, degraded: 5 });
  });

  it("turns red at 5% of measured minutes down, not below", () => {
    const bars = dayBars([row(2, 95, 0, 5), row(1, 96, 0, 4)], { days: 3, now: NOW });
    expect(bars.map((bar) => bar.tone)).toEqual(["down", "degraded", "no_data"]);
  });

  it("is red when half the measured minutes were down", () => {
    const [bar] = dayBars([row(1, 5, 0, 5)], { days: 2, now: NOW });
    expect(bar?.tone).toBe("down");
  });

  it("shares the down minutes over up and degraded ones alike", () => {
    // 5 down of 100 measured (60 up, 35 degraded) is 5%: red.
    const [bar] = dayBars([row(1, 60, 35, 5)], { days: 2, now: NOW });
    expect(bar?.tone).toBe("down");
  });

  it("says '1 incident' for one and counts incidents on a day without data", () => {
    const bars = dayBars([row(1, 1440, 0, 0)], {
      days: 3,
      now: NOW,
      incidentsByDay: { "2026-02-03": 2, "2026-02-04": 1, "2026-02-05": 1 },
    });
    expect(bars.map((bar) => bar.label)).toEqual([
      "2026-02-03 UTC: no data, 2 incidents",
      "2026-02-04 UTC: 100.00% up, 0 min down, 1 incident",
      "2026-02-05 UTC: no data, 1 incident",
    ]);
    expect(bars.map((bar) => bar.incidents)).toEqual([2, 1, 1]);
  });

  it("leaves the day before a registration at midnight blank", () => {
    const bars = dayBars([], { days: 3, now: NOW, registeredAt: new Date(today - DAY) });
    expect(bars.map((bar) => [bar.day, bar.tone])).toEqual([
      ["2026-02-03", "not_registered"],
      ["2026-02-04", "no_data"],
      ["2026-02-05", "no_data"],
    ]);
  });
});

describe("latency percentiles per region", () => {
  it("puts each node's overall row before its regions, whatever their names", () => {
    const histogram = histogramOf([40, 50, 60]);
    const rows = latencyPercentiles(
      [
        { nodeId: 100, region: "us-east", latencyHistogram: histogram },
        { nodeId: 100, region: "ap-south-1", latencyHistogram: histogram },
        { nodeId: 100, region: "0-lab", latencyHistogram: histogram },
      ],
      1,
    );
    expect(rows.map((row) => [row.region, row.samples])).toEqual([
      [null, 9],
      ["0-lab", 3],
      ["ap-south-1", 3],
      ["us-east", 3],
    ]);
  });
});

describe("replication spread", () => {
  it("finds each originator's max and min whatever order the nodes come in", () => {
    const at = new Date("2026-02-05T12:00:00Z");
    const values = ["7", "3", "9", "1", "5", "9", "2"];
    const result = replication(
      values.map((seq, i) => ({ nodeId: (i + 1) * 100, at, cursor: { "100": seq } })),
    );
    expect(result.originators).toEqual([
      { originator: "100", max: "9", min: "1", divergence: "8", nodes: 7 },
    ]);
    expect(result.nodes.map((node) => node.lag)).toEqual(["2", "6", "0", "8", "4", "0", "7"]);
  });

  it("lags a node by its largest shortfall over originators", () => {
    const at = new Date("2026-02-05T12:00:00Z");
    const result = replication([
      { nodeId: 100, at, cursor: { "0": "10", "100": "50", "200": "7" } },
      { nodeId: 200, at, cursor: { "0": "4", "100": "49", "200": "8" } },
    ]);
    expect(result.nodes).toEqual([
      { nodeId: 100, at, lag: "1", lagByOriginator: { "0": "0", "100": "0", "200": "1" } },
      { nodeId: 200, at, lag: "6", lagByOriginator: { "0": "6", "100": "1", "200": "0" } },
    ]);
  });
});
