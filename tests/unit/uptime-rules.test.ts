import { describe, expect, it } from "vitest";
import { availabilityOf, countableMinutes, rollUp } from "@/lib/uptime/buckets";
import { dayBars, downDaysText } from "@/lib/uptime/day-bars";
import { nodeMinutes, quorumState, type RegionMinute, regionOutages } from "@/lib/uptime/minutes";

const T0 = Date.parse("2026-02-03T10:00:00Z");
const MIN = 60_000;

/** One region's single probe of a node in a minute. */
const seen = (
  nodeId: number,
  region: string,
  minute: number,
  outcome: "up" | "degraded" | "down",
  latencyMs = 40,
): RegionMinute => ({
  nodeId,
  region,
  minute,
  probes: 1,
  down: Number(outcome === "down"),
  degraded: Number(outcome === "degraded"),
  latenciesMs: outcome === "down" ? [] : [latencyMs],
});

describe("the regional quorum", () => {
  it("calls a minute down when 2 of 3 regions saw the node down, and up when 1 of 3 did", () => {
    expect(quorumState(["down", "down", "up"])).toBe("down");
    expect(quorumState(["down", "up", "up"])).toBe("up");
    const rows = [
      seen(100, "us-east", T0, "down"),
      seen(100, "eu-west", T0, "down"),
      seen(100, "ap-south", T0, "up"),
      seen(100, "us-east", T0 + MIN, "down"),
      seen(100, "eu-west", T0 + MIN, "up"),
      seen(100, "ap-south", T0 + MIN, "up"),
    ];
    expect(nodeMinutes(rows).map((minute) => minute.state)).toEqual(["down", "up"]);
  });

  it("does not let one region's bad minute outvote the others: 1 of 2 is not a majority", () => {
    expect(quorumState(["down", "up"])).toBe("up");
    expect(quorumState(["down", "degraded", "degraded"])).toBe("degraded");
  });

  it("calls a region's minute down only when most of its probes that minute failed", () => {
    const twoProbes = (down: number): RegionMinute => ({
      nodeId: 1,
      region: "r",
      minute: T0,
      probes: 2,
      down,
      degraded: 0,
      latenciesMs: down === 2 ? [] : [50],
    });
    expect(nodeMinutes([twoProbes(1)])[0]?.state).toBe("degraded");
    expect(nodeMinutes([twoProbes(2)])[0]?.state).toBe("down");
  });
});

describe("prober outages", () => {
  it("leaves minutes nobody probed unknown, and out of availability", () => {
    // Probed at 10:00 and 10:03 only: the prober was down in between.
    const minutes = nodeMinutes([seen(100, "us-east", T0, "up"), seen(100, "us-east", T0 + 3 * MIN, "down")]);
    expect(minutes).toHaveLength(2);
    const [hour] = rollUp(100, minutes, "hour", { from: T0, to: T0 + 60 * MIN, now: new Date(T0 + 5 * MIN) });
    expect(hour).toMatchObject({ up: 1, down: 1, unknown: 4 });
    const availability = availabilityOf([hour as NonNullable<typeof hour>], 6);
    expect(availability.availability).toBe(0.5); // 1 up / (1 up + 1 down): the 4 unknown minutes do not count
    expect(availability.coverage).toBeCloseTo(2 / 6);
  });

  it("ignores a region that saw every node down while another region reached them", () => {
    const rows = [
      seen(100, "eu-west", T0, "down"),
      seen(200, "eu-west", T0, "down"),
      seen(300, "eu-west", T0, "down"),
      seen(100, "us-east", T0, "up"),
      seen(200, "us-east", T0, "up"),
      seen(300, "us-east", T0, "down"),
    ];
    expect([...regionOutages(rows)]).toEqual([`${T0}|eu-west`]);
    expect(nodeMinutes(rows).map((minute) => [minute.nodeId, minute.state])).toEqual([
      [100, "up"],
      [200, "up"],
      [300, "down"],
    ]);
  });

  it("still reports a real outage that every region sees", () => {
    const rows = ["us-east", "eu-west"].flatMap((region) => [
      seen(100, region, T0, "down"),
      seen(200, region, T0, "down"),
    ]);
    expect(regionOutages(rows).size).toBe(0);
    expect(nodeMinutes(rows).map((minute) => minute.state)).toEqual(["down", "down"]);
  });
});

describe("maintenance", () => {
  it("takes announced maintenance minutes out of the denominator", () => {
    const rows = [0, 1, 2, 3].map((i) => seen(100, "us-east", T0 + i * MIN, i < 2 ? "down" : "up"));
    const maintenance = [{ nodeId: 100, startsAt: new Date(T0), endsAt: new Date(T0 + 2 * MIN) }];
    const minutes = nodeMinutes(rows, { maintenance });
    expect(minutes.map((minute) => minute.state)).toEqual(["maintenance", "maintenance", "up", "up"]);
    const availability = availabilityOf(
      rollUp(100, minutes, "hour", { from: T0, to: T0 + 60 * MIN, now: new Date(T0 + 4 * MIN) }),
      4,
    );
    expect(availability).toMatchObject({ up: 2, down: 0, maintenance: 2, availability: 1, coverage: 1 });
  });

  it("applies a network-wide window to every node, and no window to other networks' minutes", () => {
    const minutes = nodeMinutes(
      [seen(100, "a", T0, "down"), seen(200, "a", T0, "down"), seen(100, "a", T0 + 5 * MIN, "down")],
      {
        maintenance: [{ nodeId: null, startsAt: new Date(T0), endsAt: new Date(T0 + MIN) }],
      },
    );
    expect(minutes.map((minute) => minute.state)).toEqual(["maintenance", "down", "maintenance"]);
  });
});

describe("day bars", () => {
  const midnight = Date.parse("2026-02-04T00:00:00Z");

  it("splits minutes across a UTC midnight into the two days they belong to", () => {
    const rows = [-2, -1, 0, 1, 2].map((i) =>
      seen(100, "us-east", midnight + i * MIN, i === 1 ? "down" : "up"),
    );
    const minutes = nodeMinutes(rows);
    const now = new Date(midnight + 3 * MIN);
    const hours = rollUp(100, minutes, "hour", { from: midnight - 60 * MIN, to: midnight + 60 * MIN, now });
    const days = rollUp(100, hours, "day", { from: midnight - 86_400_000, to: midnight + 86_400_000, now });
    expect(days.map((day) => [new Date(day.start).toISOString().slice(0, 10), day.up, day.down])).toEqual([
      ["2026-02-03", 2, 0],
      ["2026-02-04", 2, 1],
    ]);
    const bars = dayBars(days, { days: 2, now, registeredAt: new Date("2026-01-01T00:00:00Z") });
    expect(bars.map((bar) => [bar.day, bar.tone, bar.partial])).toEqual([
      ["2026-02-03", "up", false],
      ["2026-02-04", "down", true],
    ]);
    expect(bars[1]?.windowMinutes).toBe(4); // 00:00 to 00:03 inclusive of the minute under way
  });

  it("leaves days before registration blank, counts the registration day from the registration minute", () => {
    const registeredAt = new Date("2026-02-03T12:00:00Z");
    const now = new Date("2026-02-04T12:00:00Z");
    const dayStart = Date.parse("2026-02-03T00:00:00Z");
    const bars = dayBars([{ start: dayStart, up: 720, degraded: 0, down: 0, maintenance: 0 }], {
      days: 3,
      now,
      registeredAt,
    });
    expect(bars.map((bar) => bar.tone)).toEqual(["not_registered", "up", "no_data"]);
    expect(bars[1]).toMatchObject({ windowMinutes: 720, coverage: 1, availability: 1 });
    expect(bars[0]?.label).toBe("2026-02-02 UTC: not registered yet");
    expect(countableMinutes(dayStart, dayStart + 86_400_000, { registeredAt, now })).toBe(720);
  });

  it("colours a day by its share of down minutes, not by one failed probe, and names it for screen readers", () => {
    const now = new Date("2026-02-05T00:00:00Z");
    const start = Date.parse("2026-02-03T00:00:00Z");
    const bars = dayBars(
      [
        { start, up: 1439, degraded: 0, down: 1, maintenance: 0 },
        { start: start + 86_400_000, up: 1000, degraded: 0, down: 440, maintenance: 0 },
      ],
      { days: 3, now, incidentsByDay: { "2026-02-03": 2 } },
    );
    expect(bars.map((bar) => bar.tone)).toEqual(["degraded", "down", "no_data"]);
    expect(bars[0]?.label).toBe("2026-02-03 UTC: 99.93% up, 1 min down, 2 incidents");
    expect(bars[2]?.label).toBe("2026-02-05 UTC: no data");
  });

  it("names a day's announced maintenance, which leaves its availability whole", () => {
    const now = new Date("2026-02-04T00:00:00Z");
    const start = Date.parse("2026-02-03T00:00:00Z");
    const [bar] = dayBars([{ start, up: 1320, degraded: 0, down: 0, maintenance: 120 }], { days: 2, now });
    expect(bar).toMatchObject({ tone: "up", maintenance: 120, availability: 1 });
    expect(bar?.label).toBe("2026-02-03 UTC: 100.00% up, 0 min down, 120 min maintenance, 0 incidents");
  });
});

describe("the list of days with down minutes", () => {
  const now = new Date("2026-02-10T12:00:00Z");
  const day = (n: number) => Date.parse("2026-02-01T00:00:00Z") + n * 86_400_000;
  const row = (n: number, up: number, down: number) => ({
    start: day(n),
    up,
    degraded: 0,
    down,
    maintenance: 0,
  });

  it("names each day with its down minutes and incidents, and leaves out days without any", () => {
    const bars = dayBars([row(0, 1440, 0), row(1, 1437, 3), row(2, 1000, 440)], {
      days: 3,
      now: new Date("2026-02-03T12:00:00Z"),
      incidentsByDay: { "2026-02-03": 1 },
    });
    expect(downDaysText(bars)).toEqual(["2026-02-02 (3 min)", "2026-02-03 (440 min, 1 incident)"]);
  });

  it("reads a run of three or more days down from start to end as one range, shorter runs day by day", () => {
    const rows = [row(0, 1400, 40), row(1, 0, 1440), row(2, 0, 1440), row(3, 1440, 0), row(4, 0, 1440)];
    rows.push(row(5, 0, 1440), row(6, 0, 1440), row(7, 0, 1440), row(8, 1440, 0), row(9, 0, 720));
    const bars = dayBars(rows, { days: 10, now });
    expect(downDaysText(bars)).toEqual([
      "2026-02-01 (40 min)",
      "2026-02-02 (1440 min)",
      "2026-02-03 (1440 min)",
      "2026-02-05 to 2026-02-08 (down all 4 days, 5760 min)",
      "2026-02-10 (720 min)",
    ]);
  });

  it("joins only days that follow each other, when given some of the bars", () => {
    const rows = [row(0, 0, 1440), row(1, 0, 1440), row(2, 1430, 10), row(3, 0, 1440), row(4, 0, 1440)];
    const bars = dayBars(rows, { days: 5, now: new Date("2026-02-05T23:59:00Z") });
    expect(downDaysText(bars.filter((bar) => bar.tone === "down"))).toEqual([
      "2026-02-01 (1440 min)",
      "2026-02-02 (1440 min)",
      "2026-02-04 (1440 min)",
      "2026-02-05 (1440 min)",
    ]);
  });

  it("keeps a day with an incident on its own, so the incident stays named", () => {
    const rows = [row(0, 0, 1440), row(1, 0, 1440), row(2, 0, 1440)];
    const bars = dayBars(rows, {
      days: 3,
      now: new Date("2026-02-03T23:59:00Z"),
      incidentsByDay: { "2026-02-02": 1 },
    });
    expect(downDaysText(bars)).toEqual([
      "2026-02-01 (1440 min)",
      "2026-02-02 (1440 min, 1 incident)",
      "2026-02-03 (1440 min)",
    ]);
  });
});

describe("coverage", () => {
  it("is known minutes over the window's minutes, and availability is undefined without data", () => {
    expect(availabilityOf([{ up: 90, degraded: 5, down: 5, maintenance: 0 }], 200)).toMatchObject({
      availability: 0.95,
      coverage: 0.5,
      known: 100,
    });
    expect(availabilityOf([], 1440)).toMatchObject({ availability: null, coverage: 0 });
  });

  it("counts only the minutes up to now, with the minute under way included", () => {
    const now = new Date(T0 + 90 * 1000); // 10:01:30
    expect(countableMinutes(T0, T0 + 3_600_000, { now })).toBe(2);
  });
});

describe("the network status banner", () => {
  it("uses the official page's thresholds on the share of canonical nodes up", async () => {
    const { networkStatus } = await import("@/lib/uptime/status");
    expect(networkStatus(4, 5, 5)).toBe("operational"); // 80%
    expect(networkStatus(3, 4, 4)).toBe("degraded"); // 75%
    expect(networkStatus(1, 2, 2)).toBe("degraded"); // 50%
    expect(networkStatus(2, 5, 5)).toBe("major_outage"); // 40%
    expect(networkStatus(1, 100, 100)).toBe("major_outage"); // 1%
    expect(networkStatus(0, 3, 3)).toBe("outage");
    expect(networkStatus(0, 3, 0)).toBe("unknown"); // nobody probed: no claim either way
    expect(networkStatus(0, 0, 0)).toBe("unknown");
    expect(networkStatus(0, 0, 2)).toBe("unknown"); // no canonical nodes: nothing to share out
  });
});
