import { describe, expect, it } from "vitest";
import { availabilityOf, rollUp } from "@/lib/uptime/buckets";
import { currentState, type LatestProbe } from "@/lib/uptime/current-state";
import {
  inMaintenance,
  nodeMinutes,
  type RegionMinute,
  regionOutages,
  regionState,
} from "@/lib/uptime/minutes";
import { dayRollups, daySpans, dirtySpans, type RegionLatency } from "@/lib/uptime/rollups";

const T0 = Date.parse("2026-02-03T10:00:00Z");
const MIN = 60_000;
const HOUR = 3_600_000;

const seen = (
  nodeId: number,
  region: string,
  minute: number,
  outcome: "up" | "degraded" | "down" | "none",
): RegionMinute => ({
  nodeId,
  region,
  minute,
  probes: outcome === "none" ? 0 : 1,
  down: Number(outcome === "down"),
  degraded: Number(outcome === "degraded"),
  latenciesMs: outcome === "up" || outcome === "degraded" ? [40] : [],
});

describe("a region's minute", () => {
  it("is unknown when the region sent no probe", () => {
    expect(regionState({ probes: 0, down: 0, degraded: 0 })).toBe("unknown");
  });
});

describe("a prober's own outage", () => {
  it("is a region that saw each of at least 2 nodes down while another region reached one", () => {
    const rows = [
      seen(100, "eu", T0, "down"),
      seen(200, "eu", T0, "down"),
      seen(100, "us", T0, "up"),
      seen(200, "us", T0, "up"),
    ];
    expect([...regionOutages(rows)]).toEqual([`${T0}|eu`]);
  });

  it("is not told from one node's outage when the region probed a single node", () => {
    const rows = [seen(100, "eu", T0, "down"), seen(100, "us", T0, "up"), seen(200, "us", T0, "up")];
    expect(regionOutages(rows).size).toBe(0);
  });
});

describe("node-minutes", () => {
  it("leaves out a region that was out itself when judging each node", () => {
    const rows = [
      seen(100, "ap", T0, "down"),
      seen(200, "ap", T0, "down"),
      seen(100, "eu", T0, "down"),
      seen(200, "eu", T0, "up"),
      seen(100, "us", T0, "up"),
      seen(200, "us", T0, "up"),
    ];
    const minutes = nodeMinutes(rows);
    expect(minutes.map((minute) => [minute.nodeId, minute.state])).toEqual([
      [100, "up"],
      [200, "up"],
    ]);
    // The probes are still counted as sent.
    expect(minutes[0]).toMatchObject({ probes: 3, failedProbes: 2 });
  });

  it("judges a node only on the regions that probed it in the minute", () => {
    const minutes = nodeMinutes([seen(100, "eu", T0, "down"), seen(100, "us", T0, "none")]);
    expect(minutes.map((minute) => minute.state)).toEqual(["down"]);
  });

  it("produces no row for a minute whose regions sent no probe", () => {
    expect(nodeMinutes([seen(100, "eu", T0, "none"), seen(100, "us", T0, "none")])).toEqual([]);
  });

  it("orders the minutes by node, then by time", () => {
    const rows = [
      seen(200, "eu", T0 + 2 * MIN, "up"),
      seen(100, "eu", T0 + 2 * MIN, "up"),
      seen(200, "eu", T0, "up"),
      seen(100, "eu", T0 + MIN, "up"),
      seen(100, "eu", T0, "up"),
    ];
    expect(nodeMinutes(rows).map((minute) => [minute.nodeId, (minute.minute - T0) / MIN])).toEqual([
      [100, 0],
      [100, 1],
      [100, 2],
      [200, 0],
      [200, 2],
    ]);
  });
});

describe("maintenance windows", () => {
  const window = { nodeId: 200, startsAt: new Date(T0), endsAt: new Date(T0 + HOUR) };

  it("apply to their own node only, or to every node when they name none", () => {
    expect(inMaintenance([window], 200, T0)).toBe(true);
    expect(inMaintenance([window], 100, T0)).toBe(false);
    expect(inMaintenance([{ ...window, nodeId: null }], 100, T0)).toBe(true);
  });

  it("hold from their start up to, not including, their end", () => {
    expect(inMaintenance([window], 200, T0 - MIN)).toBe(false);
    expect(inMaintenance([window], 200, T0 + HOUR - MIN)).toBe(true);
    expect(inMaintenance([window], 200, T0 + HOUR)).toBe(false);
  });
});

describe("an hour rolled up from node-minutes", () => {
  it("counts each state's minutes, and keeps an hour every minute of which is known", () => {
    const states = ["up", "degraded", "down", "maintenance"] as const;
    const minutes = Array.from({ length: 60 }, (_, i) => ({
      nodeId: 100,
      minute: T0 + i * MIN,
      state: states[i % 4] ?? "up",
      probes: 2,
      failedProbes: i % 4 === 2 ? 2 : 0,
      histogram: {},
    }));
    const buckets = rollUp(100, minutes, "hour", { from: T0, to: T0 + HOUR, now: new Date(T0 + 2 * HOUR) });
    expect(buckets).toEqual([
      {
        nodeId: 100,
        granularity: "hour",
        start: T0,
        up: 15,
        degraded: 15,
        down: 15,
        maintenance: 15,
        unknown: 0,
        probes: 120,
        failedProbes: 30,
        histogram: {},
        latencyCount: 0,
      },
    ]);
  });
});

describe("availability over an empty window", () => {
  it("has no coverage figure", () => {
    expect(availabilityOf([], 0)).toMatchObject({ coverage: null, availability: null, known: 0 });
  });
});

describe("a node's failure now", () => {
  const probe = (
    secondsAgo: number,
    outcome: LatestProbe["outcome"],
    errorClass: string | null,
  ): LatestProbe => ({
    at: new Date(T0 - secondsAgo * 1000),
    outcome,
    latencyMs: outcome === "down" ? null : 40,
    version: outcome === "down" ? null : "v1",
    errorClass: errorClass as LatestProbe["errorClass"],
    error: errorClass ? `${errorClass} failure` : null,
  });

  it("is the newest failed probe's, even when a region reached the node since", () => {
    const state = currentState({ nodeId: 100, isCanonical: true }, [
      probe(50, "down", "refused"),
      probe(30, "down", "timeout"),
      probe(5, "up", null),
    ]);
    expect(state).toMatchObject({ state: "down", at: new Date(T0 - 5000) });
    expect(state.failure).toEqual({ errorClass: "timeout", error: "timeout failure" });
  });
});

describe("rollup spans", () => {
  it("run from a day's first probed hour to the end of its last", () => {
    const day = Date.parse("2026-02-03T00:00:00Z");
    expect(
      dirtySpans([
        { network: "testnet", hour: day + 10 * HOUR },
        { network: "testnet", hour: day + 13 * HOUR },
        { network: "testnet", hour: day + 11 * HOUR },
      ]),
    ).toEqual([{ network: "testnet", day, from: day + 10 * HOUR, to: day + 14 * HOUR }]);
  });

  it("are none for an empty range", () => {
    expect(daySpans("testnet", T0, T0, 0)).toEqual([]);
  });
});

describe("a day's region latency", () => {
  it("adds up the probes and failures of each hour", () => {
    const day = Date.parse("2026-02-03T00:00:00Z");
    const hour = (at: number, probeCount: number, downCount: number): RegionLatency => ({
      nodeId: 100,
      region: "eu",
      bucketStart: new Date(at),
      probeCount,
      downCount,
      latencyHistogram: {},
      latencyCount: 0,
    });
    const { regions } = dayRollups([], [hour(day, 60, 5), hour(day + HOUR, 60, 2)], {
      day,
      now: new Date(day + 2 * HOUR),
      registeredAt: new Map(),
    });
    expect(regions).toEqual([{ ...hour(day, 120, 7) }]);
  });
});
