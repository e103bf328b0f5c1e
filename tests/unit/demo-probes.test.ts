import { describe, expect, it } from "vitest";
import { nodeMinutes } from "@/lib/uptime/minutes";
import {
  DEMO_REGIONS,
  demoProbeBackfill,
  demoProbeEvents,
  demoRegionMinutes,
} from "@/simulation/demo-probes";

const DAY = 86_400_000;
const now = new Date("2026-12-02T18:30:00Z");
const start = Math.floor(now.getTime() / DAY) * DAY - 89 * DAY;
const events = demoProbeEvents(now);
const registeredAt = new Map([100, 300, 400, 700].map((id) => [id, new Date(start - DAY)]));
const all = demoRegionMinutes({ from: start, to: now.getTime(), registeredAt, events, degradedMs: 500 });
const minutes = nodeMinutes(all, {
  maintenance: [
    { nodeId: 200, startsAt: new Date(events.maintenance.from), endsAt: new Date(events.maintenance.to) },
  ],
});
const share = (nodeId: number, state: string) => {
  const own = minutes.filter((minute) => minute.nodeId === nodeId);
  return own.filter((minute) => minute.state === state).length / own.length;
};

describe("the demo's probe history", () => {
  it("is the same for the same range, and any day reads the same on its own", () => {
    const day = start + 10 * DAY;
    const alone = demoRegionMinutes({ from: day, to: day + DAY, registeredAt, events, degradedMs: 500 });
    expect(alone).toEqual(all.filter((row) => row.minute >= day && row.minute < day + DAY));
  });

  it("has each region probe each registered node once a minute, and nothing before registration", () => {
    expect(all.length).toBe(4 * DEMO_REGIONS.length * ((now.getTime() - start) / 60_000));
    const late = new Map([[500, new Date(now.getTime() - 2 * 3_600_000)]]);
    const rows = demoRegionMinutes({
      from: start,
      to: now.getTime(),
      registeredAt: late,
      events,
      degradedMs: 500,
    });
    expect(Math.min(...rows.map((row) => row.minute))).toBe(now.getTime() - 2 * 3_600_000);
  });

  it("has the flaky node down about 0.2% of its minutes outside its long outage, the steady one never", () => {
    const outage = (events.nodeOutage.to - events.nodeOutage.from) / 60_000;
    const flaky = share(300, "down") - outage / minutes.filter((minute) => minute.nodeId === 300).length;
    expect(flaky).toBeGreaterThan(0.001);
    expect(flaky).toBeLessThan(0.004);
    expect(share(100, "down")).toBe(0);
  });

  it("has the broken node down from every region since it left the canonical set, and up before", () => {
    const own = all.filter((row) => row.nodeId === events.broken.nodeId);
    const since = own.filter((row) => row.minute >= events.broken.from);
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((row) => row.down === 1)).toBe(true);
    const before = minutes.filter((m) => m.nodeId === events.broken.nodeId && m.minute < events.broken.from);
    expect(before.filter((m) => m.state === "down")).toEqual([]);
  });

  it("has the slow node degraded often, the steady one rarely", () => {
    expect(share(400, "degraded")).toBeGreaterThan(0.15);
    expect(share(100, "degraded")).toBe(0);
  });

  it("has one region reach nothing during its outage, which the quorum leaves off the nodes", () => {
    const inOutage = all.filter(
      (row) =>
        row.region === events.regionOutage.region &&
        row.minute >= events.regionOutage.from &&
        row.minute < events.regionOutage.to,
    );
    expect(inOutage.length).toBeGreaterThan(0);
    expect(inOutage.every((row) => row.down === 1)).toBe(true);
    const steady = minutes.filter(
      (minute) =>
        minute.nodeId === 100 &&
        minute.minute >= events.regionOutage.from &&
        minute.minute < events.regionOutage.to,
    );
    expect(steady.every((minute) => minute.state === "up")).toBe(true);
  });

  it("announces the maintenance before it starts and records the long outage as a resolved incident", () => {
    const backfill = demoProbeBackfill("local", now, { degradedMs: 500 });
    const [window] = backfill.maintenance;
    expect(window && window.announcedAt < window.startsAt).toBe(true);
    expect(backfill.incidents).toMatchObject([{ nodeIds: [300], status: "resolved" }]);
    expect(backfill.regions).toEqual(DEMO_REGIONS);
  });
});
