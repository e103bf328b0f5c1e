import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramOf, mergeHistograms } from "@/lib/metrics/histogram";
import { type Bucket, rollUp } from "@/lib/uptime/buckets";
import { nodeMinutes, type RegionMinute } from "@/lib/uptime/minutes";
import {
  dayRollups,
  daySpans,
  dirtySpans,
  type RegionLatency,
  regionLatency,
  spanRollups,
} from "@/lib/uptime/rollups";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const D = Date.parse("2026-02-03T00:00:00Z");
const at = (hours: number, minutes = 0) => D + hours * HOUR + minutes * MIN;
const LONG_AGO = new Date("2025-01-01T00:00:00Z");

/** One region's probes of a node in one minute; `down` of them failed, the rest answered in `latencyMs`. */
const seen = (
  nodeId: number,
  region: string,
  minute: number,
  { probes = 1, down = 0, degraded = 0, latencyMs = 40 } = {},
): RegionMinute => ({
  nodeId,
  region,
  minute,
  probes,
  down,
  degraded,
  latenciesMs: Array.from({ length: probes - down }, () => latencyMs),
});
const isDown = { down: 1 };

describe("dirty spans", () => {
  it("merges the probed hours of one network's UTC day into one span, first hour to last hour + 1h", () => {
    expect(
      dirtySpans([
        { network: "testnet", hour: at(7) },
        { network: "testnet", hour: at(3) },
        { network: "testnet", hour: at(5) },
        { network: "testnet", hour: at(3) },
      ]),
    ).toEqual([{ network: "testnet", day: D, from: at(3), to: at(8) }]);
  });

  it("keeps different days and different networks apart", () => {
    const spans = dirtySpans([
      { network: "testnet", hour: at(23) },
      { network: "testnet", hour: at(24) },
      { network: "mainnet", hour: at(2) },
      { network: "testnet", hour: at(1) },
      { network: "testnet", hour: at(26) },
    ]);
    expect(spans).toHaveLength(3);
    expect(spans).toEqual(
      expect.arrayContaining([
        { network: "testnet", day: D, from: at(1), to: at(24) },
        { network: "testnet", day: D + DAY, from: at(24), to: at(27) },
        { network: "mainnet", day: D, from: at(2), to: at(3) },
      ]),
    );
  });

  it("gives nothing for no hours", () => {
    expect(dirtySpans([])).toEqual([]);
  });

  it("covers every dirty hour, each span within its UTC day", () => {
    const hours = fc.array(
      fc.record({
        network: fc.constantFrom("testnet", "mainnet"),
        hour: fc.integer({ min: 0, max: 24 * 5 - 1 }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(hours, (input) => {
        const rows = input.map(({ network, hour }) => ({ network, hour: at(hour) }));
        const spans = dirtySpans(rows);
        for (const row of rows)
          expect(
            spans.filter((s) => s.network === row.network && s.from <= row.hour && row.hour + HOUR <= s.to),
          ).toHaveLength(1);
        for (const span of spans) {
          expect(span.from).toBeGreaterThanOrEqual(span.day);
          expect(span.to).toBeLessThanOrEqual(span.day + DAY);
          expect(span.day % DAY).toBe(0);
        }
        expect(new Set(spans.map((s) => `${s.network}|${s.day}`)).size).toBe(spans.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("day spans", () => {
  it("widens the range to whole hours and cuts it at UTC midnight", () => {
    expect(daySpans("testnet", at(22, 30), at(25, 10), 0)).toEqual([
      { network: "testnet", day: D, from: at(22), to: at(24) },
      { network: "testnet", day: D + DAY, from: at(24), to: at(26) },
    ]);
  });

  it("gives one span per day for a range over several days", () => {
    const spans = daySpans("mainnet", at(10), at(58), 0);
    expect(spans.map((s) => [s.day, s.from, s.to])).toEqual([
      [D, at(10), at(24)],
      [D + DAY, at(24), at(48)],
      [D + 2 * DAY, at(48), at(58)],
    ]);
  });

  it("does not open a span for the day a range ends on at midnight", () => {
    expect(daySpans("testnet", at(10), at(24), 0)).toEqual([
      { network: "testnet", day: D, from: at(10), to: at(24) },
    ]);
  });

  it("starts nothing before `kept`", () => {
    expect(daySpans("testnet", at(20), at(27), at(25))).toEqual([
      { network: "testnet", day: D + DAY, from: at(25), to: at(27) },
    ]);
    expect(daySpans("testnet", at(20), at(27), at(30))).toEqual([]);
  });

  it("gives nothing when nothing is kept", () => {
    expect(daySpans("testnet", at(0), at(48), Number.POSITIVE_INFINITY)).toEqual([]);
  });
});

describe("region latency", () => {
  it("counts probes, failures and latencies per node, region and hour", () => {
    const rows = [
      seen(1, "us-east", at(10, 1), { probes: 2, down: 1, latencyMs: 30 }),
      seen(1, "us-east", at(10, 59), { probes: 3, latencyMs: 50 }),
      seen(1, "us-east", at(11, 0), { probes: 1, latencyMs: 70 }),
      seen(1, "eu-west", at(10, 5), { probes: 1, down: 1 }),
      seen(2, "us-east", at(10, 5), { probes: 1, latencyMs: 90 }),
    ];
    const result = regionLatency(rows);
    const find = (nodeId: number, region: string, hour: number) =>
      result.find((r) => r.nodeId === nodeId && r.region === region && r.bucketStart.getTime() === hour);
    expect(result).toHaveLength(4);
    expect(find(1, "us-east", at(10))).toEqual({
      nodeId: 1,
      region: "us-east",
      bucketStart: new Date(at(10)),
      probeCount: 5,
      downCount: 1,
      latencyHistogram: histogramOf([30, 50, 50, 50]),
      latencyCount: 4,
    });
    expect(find(1, "us-east", at(11))).toMatchObject({ probeCount: 1, downCount: 0, latencyCount: 1 });
    expect(find(1, "eu-west", at(10))).toMatchObject({
      probeCount: 1,
      downCount: 1,
      latencyHistogram: {},
      latencyCount: 0,
    });
    expect(find(2, "us-east", at(10))).toMatchObject({ probeCount: 1, latencyHistogram: histogramOf([90]) });
  });
});

describe("a span's rollups", () => {
  const span = { from: at(10), to: at(12) };
  const after = new Date(at(13));
  const regions = ["us-east", "eu-west", "ap-south"];
  // Node 100: minutes 10:00–10:04 probed from three regions; 10:02 down from two of them (a quorum),
  // 10:03 down from one (no quorum). Node 200: one probe at 11:30 from one region.
  const rows: RegionMinute[] = [
    ...[0, 1, 2, 3, 4].flatMap((m) =>
      regions.map((region, r) =>
        seen(100, region, at(10, m), (m === 2 && r < 2) || (m === 3 && r === 0) ? isDown : {}),
      ),
    ),
    seen(200, "us-east", at(11, 30), { latencyMs: 25 }),
  ];
  const registeredAt = new Map([
    [100, LONG_AGO],
    [200, LONG_AGO],
    [300, LONG_AGO],
  ]);
  const hoursOf = (hours: Bucket[], nodeId: number) =>
    hours.filter((h) => h.nodeId === nodeId).map((h) => [h.start, h.up, h.down, h.unknown]);

  it("applies the quorum rule to each minute", () => {
    const { minutes } = spanRollups(rows, { span, now: after, maintenance: [], registeredAt });
    expect(minutes.filter((m) => m.nodeId === 100).map((m) => m.state)).toEqual([
      "up",
      "up",
      "down",
      "up",
      "up",
    ]);
    expect(minutes).toEqual(nodeMinutes(rows));
  });

  it("gives every registered node its hours, probed or not, with unprobed minutes unknown", () => {
    const { hours } = spanRollups(rows, { span, now: after, maintenance: [], registeredAt });
    expect(hoursOf(hours, 100)).toEqual([
      [at(10), 4, 1, 55],
      [at(11), 0, 0, 60],
    ]);
    expect(hoursOf(hours, 200)).toEqual([
      [at(10), 0, 0, 60],
      [at(11), 1, 0, 59],
    ]);
    expect(hoursOf(hours, 300)).toEqual([
      [at(10), 0, 0, 60],
      [at(11), 0, 0, 60],
    ]);
    const first = hours.find((h) => h.nodeId === 100 && h.start === at(10));
    expect(first).toMatchObject({ granularity: "hour", probes: 15, failedProbes: 3, latencyCount: 12 });
  });

  it("rolls the minutes up as rollUp does, node by node", () => {
    const { minutes, hours } = spanRollups(rows, { span, now: after, maintenance: [], registeredAt });
    for (const nodeId of [100, 200, 300])
      expect(hours.filter((h) => h.nodeId === nodeId)).toEqual(
        rollUp(
          nodeId,
          minutes.filter((m) => m.nodeId === nodeId),
          "hour",
          { from: span.from, to: span.to, registeredAt: LONG_AGO, now: after },
        ),
      );
  });

  it("counts no minutes before a node was registered or after now", () => {
    const { hours } = spanRollups([], {
      span,
      now: new Date(at(11, 19) + 30_000), // 11:19:30: the minute under way counts
      maintenance: [],
      registeredAt: new Map([[300, new Date(at(10, 45))]]),
    });
    expect(hoursOf(hours, 300)).toEqual([
      [at(10), 0, 0, 15],
      [at(11), 0, 0, 20],
    ]);
    const { hours: early } = spanRollups([], {
      span,
      now: new Date(at(10, 30)),
      maintenance: [],
      registeredAt: new Map([[300, LONG_AGO]]),
    });
    expect(hoursOf(early, 300)).toEqual([[at(10), 0, 0, 31]]); // no bucket for an hour not yet begun
  });

  it("counts no probe dated before the node's registration, so coverage never passes 100%", () => {
    const probed = [
      seen(300, "us-east", at(10, 40)),
      seen(300, "us-east", at(10, 44), isDown),
      seen(300, "us-east", at(10, 45)),
      seen(300, "us-east", at(10, 46), isDown),
    ];
    const { minutes, hours, regions } = spanRollups(probed, {
      span,
      now: after,
      maintenance: [],
      registeredAt: new Map([[300, new Date(at(10, 45) + 20_000)]]),
    });
    expect(minutes.map((m) => [m.minute, m.state])).toEqual([
      [at(10, 45), "up"],
      [at(10, 46), "down"],
    ]);
    const [tenOClock] = hoursOf(hours, 300);
    expect(tenOClock).toEqual([at(10), 1, 1, 13]);
    expect(regions.map((r) => r.probeCount)).toEqual([2]);
  });

  it("gives hours to a probed node the registry has no registration time for", () => {
    const { hours } = spanRollups([seen(400, "us-east", at(10, 0))], {
      span,
      now: after,
      maintenance: [],
      registeredAt: new Map(),
    });
    expect(hoursOf(hours, 400)).toEqual([
      [at(10), 1, 0, 59],
      [at(11), 0, 0, 60],
    ]);
  });

  it("takes maintenance minutes out as maintenance, and follows the quorum rule it is given", () => {
    const maintenance = [{ nodeId: 100, startsAt: new Date(at(10, 2)), endsAt: new Date(at(10, 3)) }];
    const { hours } = spanRollups(rows, { span, now: after, maintenance, registeredAt });
    expect(hours.find((h) => h.nodeId === 100 && h.start === at(10))).toMatchObject({
      up: 4,
      down: 0,
      maintenance: 1,
      unknown: 55,
    });
    // With a one-in-three quorum, the minute one region saw down is down too.
    const strict = spanRollups(rows, {
      span,
      now: after,
      maintenance: [],
      registeredAt,
      rule: { quorum: 0.3 },
    });
    expect(strict.hours.find((h) => h.nodeId === 100 && h.start === at(10))).toMatchObject({
      up: 3,
      down: 2,
    });
  });

  it("gives latency per region and hour from the raw region-minutes", () => {
    const { regions: latency } = spanRollups(rows, { span, now: after, maintenance: [], registeredAt });
    expect(latency).toEqual(regionLatency(rows));
    expect(latency.find((r) => r.nodeId === 100 && r.region === "us-east")).toMatchObject({
      probeCount: 5,
      downCount: 2,
      latencyCount: 3,
    });
  });
});

describe("a day's rollups", () => {
  const day = D;
  const now = new Date(D + 2 * DAY);
  const hour = (nodeId: number, h: number, fields: Partial<Bucket>): Bucket => ({
    nodeId,
    granularity: "hour",
    start: at(h),
    up: 0,
    degraded: 0,
    down: 0,
    maintenance: 0,
    unknown: 0,
    probes: 0,
    failedProbes: 0,
    histogram: {},
    latencyCount: 0,
    ...fields,
  });
  const regionHour = (
    nodeId: number,
    region: string,
    h: number,
    latencies: number[],
    down = 0,
  ): RegionLatency => ({
    nodeId,
    region,
    bucketStart: new Date(at(h)),
    probeCount: latencies.length + down,
    downCount: down,
    latencyHistogram: histogramOf(latencies),
    latencyCount: latencies.length,
  });

  it("sums each node's hours into its day, the rest of the day unknown", () => {
    const hours = [
      hour(1, 3, {
        up: 50,
        down: 5,
        unknown: 5,
        probes: 165,
        failedProbes: 15,
        histogram: histogramOf([40, 50]),
      }),
      hour(1, 4, { up: 58, degraded: 2, probes: 180, histogram: histogramOf([60]) }),
      hour(2, 3, { up: 60, probes: 60 }),
    ];
    const { days } = dayRollups(hours, [], { day, now, registeredAt: new Map([[1, LONG_AGO]]) });
    expect(days).toHaveLength(2);
    expect(days[0]).toEqual({
      nodeId: 1,
      granularity: "day",
      start: D,
      up: 108,
      degraded: 2,
      down: 5,
      maintenance: 0,
      unknown: 24 * 60 - 115,
      probes: 345,
      failedProbes: 15,
      histogram: histogramOf([40, 50, 60]),
      latencyCount: 3,
    });
    expect(days[1]).toMatchObject({ nodeId: 2, start: D, up: 60, unknown: 24 * 60 - 60 });
  });

  it("counts a node's day from its registration", () => {
    const { days } = dayRollups([hour(1, 20, { up: 30 })], [], {
      day,
      now,
      registeredAt: new Map([[1, new Date(at(19, 30))]]),
    });
    expect(days[0]).toMatchObject({ up: 30, unknown: 4.5 * 60 - 30 });
  });

  it("sums region latency per node and region into rows that start at the day", () => {
    const { regions } = dayRollups(
      [],
      [
        regionHour(1, "us-east", 3, [40, 50], 1),
        regionHour(1, "eu-west", 3, [90]),
        regionHour(1, "us-east", 9, [60]),
        regionHour(2, "us-east", 3, [20], 2),
      ],
      { day, now, registeredAt: new Map() },
    );
    expect(regions).toEqual([
      {
        nodeId: 1,
        region: "us-east",
        bucketStart: new Date(D),
        probeCount: 4,
        downCount: 1,
        latencyHistogram: mergeHistograms([histogramOf([40, 50]), histogramOf([60])]),
        latencyCount: 3,
      },
      {
        nodeId: 1,
        region: "eu-west",
        bucketStart: new Date(D),
        probeCount: 1,
        downCount: 0,
        latencyHistogram: histogramOf([90]),
        latencyCount: 1,
      },
      {
        nodeId: 2,
        region: "us-east",
        bucketStart: new Date(D),
        probeCount: 3,
        downCount: 2,
        latencyHistogram: histogramOf([20]),
        latencyCount: 1,
      },
    ]);
  });

  it("gives the same day from a span's hours as rolling the minutes straight into the day", () => {
    const rows = [
      ...[0, 1, 2].map((m) => seen(1, "us-east", at(5, m), m === 1 ? isDown : {})),
      seen(1, "us-east", at(17, 40), { latencyMs: 80 }),
    ];
    const registeredAt = new Map([[1, LONG_AGO]]);
    const { minutes, hours } = spanRollups(rows, {
      span: { from: day, to: day + DAY },
      now,
      maintenance: [],
      registeredAt,
    });
    expect(hours).toHaveLength(24);
    const { days } = dayRollups(hours, [], { day, now, registeredAt });
    expect(days).toEqual(
      rollUp(1, minutes, "day", { from: day, to: day + DAY, registeredAt: LONG_AGO, now }),
    );
    expect(days[0]).toMatchObject({ up: 3, down: 1, unknown: 24 * 60 - 4, latencyCount: 3 });
  });
});
