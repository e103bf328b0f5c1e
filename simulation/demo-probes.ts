import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { ProbeBackfill } from "@/lib/uptime/backfill";
import type { RegionMinute } from "@/lib/uptime/minutes";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SEED = 20_261_202;

/** The three regions the demo's probers ran from; the live prober is the first. */
export const DEMO_REGIONS = ["eu-west", "us-east", "ap-southeast"] as const;

/** Typical probe round trip of each node from the first region, in ms (the slow node's is slow). */
const TYPICAL_MS: Record<number, number> = { 100: 38, 200: 62, 300: 55, 400: 420, 500: 70, 600: 45, 700: 40 };
/** What each further region adds to it. */
const REGION_EXTRA_MS: Record<string, number> = { "eu-west": 0, "us-east": 35, "ap-southeast": 110 };

type Window = { from: number; to: number };

/** How long ago the node with bad metadata left the canonical set, and began answering HTTP 503. */
export const DEMO_NODE_BROKEN_DAYS_AGO = 20;

/** The days the demo's probe history remembers: an outage, a prober's own outage, announced maintenance. */
export type DemoProbeEvents = {
  nodeOutage: Window & { nodeId: number; title: string };
  regionOutage: Window & { region: string };
  maintenance: Window & { nodeId: number; title: string; announcedAt: number };
  /** The node answering HTTP 503 ever since it was taken out of the canonical set. */
  broken: { nodeId: number; from: number };
};

/** The events, at fixed distances before `now` (whole UTC hours, so they read well on the pages). */
export function demoProbeEvents(now: Date): DemoProbeEvents {
  const day = (daysAgo: number, hour: number) =>
    Math.floor(now.getTime() / DAY_MS) * DAY_MS - daysAgo * DAY_MS + hour * HOUR_MS;
  return {
    nodeOutage: {
      nodeId: 300,
      title: "Polar Relay unreachable after a failed upgrade",
      from: day(12, 14) + 5 * MINUTE_MS,
      to: day(12, 15) + 40 * MINUTE_MS,
    },
    regionOutage: { region: "ap-southeast", from: day(37, 2), to: day(37, 5) + 30 * MINUTE_MS },
    maintenance: {
      nodeId: 200,
      title: "Nodeworks database migration",
      from: day(23, 9),
      to: day(23, 11),
      announcedAt: day(26, 16),
    },
    broken: { nodeId: 700, from: now.getTime() - DEMO_NODE_BROKEN_DAYS_AGO * DAY_MS },
  };
}

/**
 * What the demo's three probing regions saw of each node, minute by minute over [from, to): one
 * probe a minute from each region, latencies spread around each node's typical figure (the slow
 * node above the degraded threshold about a third of the time), the flaky node down for a few
 * minutes most days (about 0.2% of its minutes) plus its long outage, every node down in its
 * maintenance window, the broken node down since it left the canonical set, and one region's own outage in which it reached nothing. Nodes count from
 * their registration. The same seed and range, the same minutes.
 */
export function demoRegionMinutes({
  from,
  to,
  registeredAt,
  events,
  degradedMs,
}: {
  from: number;
  to: number;
  registeredAt: ReadonlyMap<number, Date | null>;
  events: DemoProbeEvents;
  degradedMs: number;
}): RegionMinute[] {
  const rows: RegionMinute[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
    // One generator per day, so any range of days draws the same minutes; the day is scrambled
    // into the seed, as neighbouring seeds start out drawing alike.
    const rng = xoroshiro128plus(SEED ^ Math.imul(day / DAY_MS, 0x9e3779b1));
    const random = () => uniformFloat64(rng);
    const flakyDown = flakyOutages(day, random);
    for (const [nodeId, since] of registeredAt) {
      const typical = TYPICAL_MS[nodeId] ?? 50;
      for (let minute = day; minute < day + DAY_MS; minute += MINUTE_MS) {
        const draws = DEMO_REGIONS.map(() => random()); // drawn for every minute, kept or not
        if (minute < from || minute >= to || (since && minute < since.getTime())) continue;
        const nodeDown =
          (nodeId === 300 && (flakyDown.has(minute) || within(events.nodeOutage, minute))) ||
          (nodeId === events.maintenance.nodeId && within(events.maintenance, minute)) ||
          (nodeId === events.broken.nodeId && minute >= events.broken.from);
        DEMO_REGIONS.forEach((region, index) => {
          const regionDown = region === events.regionOutage.region && within(events.regionOutage, minute);
          if (nodeDown || regionDown) {
            rows.push({ nodeId, region, minute, probes: 1, down: 1, degraded: 0, latenciesMs: [] });
            return;
          }
          const latency = Math.round(latencyOf(typical, REGION_EXTRA_MS[region] ?? 0, draws[index] ?? 0.5));
          const degraded = Number(latency > degradedMs);
          rows.push({ nodeId, region, minute, probes: 1, down: 0, degraded, latenciesMs: [latency] });
        });
      }
    }
  }
  return rows;
}

const within = (window: Window, minute: number) => window.from <= minute && minute < window.to;

/** Most latencies close to the typical one, a long tail up to about twice it. */
function latencyOf(typicalMs: number, extraMs: number, draw: number) {
  const spread = draw < 0.85 ? 0.8 + draw * 0.35 : 1.1 + (draw - 0.85) * 6;
  return typicalMs * spread + extraMs;
}

/** The flaky node's short outages of one day: none to two, each one to five minutes long (about 3 a day). */
function flakyOutages(day: number, random: () => number) {
  const down = new Set<number>();
  const draw = random();
  const count = draw < 0.35 ? 0 : draw < 0.75 ? 1 : 2;
  for (let i = 0; i < count; i += 1) {
    const start = day + Math.floor(random() * 1435) * MINUTE_MS;
    const length = 1 + Math.floor(random() * 5);
    for (let m = 0; m < length; m += 1) down.add(start + m * MINUTE_MS);
  }
  return down;
}

/** The demo's probe history as a backfill: its minutes, the announced maintenance, the outage's incident. */
export function demoProbeBackfill(
  network: "local",
  now: Date,
  { degradedMs }: { degradedMs: number },
): ProbeBackfill {
  const events = demoProbeEvents(now);
  const { nodeOutage, maintenance } = events;
  return {
    regions: DEMO_REGIONS,
    maintenance: [
      {
        network,
        nodeId: maintenance.nodeId,
        title: maintenance.title,
        startsAt: new Date(maintenance.from),
        endsAt: new Date(maintenance.to),
        announcedAt: new Date(maintenance.announcedAt),
      },
    ],
    incidents: [
      {
        network,
        nodeIds: [nodeOutage.nodeId],
        title: nodeOutage.title,
        body: "The node stopped answering after an upgrade and was rolled back.",
        severity: "major",
        status: "resolved",
        startedAt: new Date(nodeOutage.from),
        resolvedAt: new Date(nodeOutage.to),
      },
    ],
    minutes: (range, registeredAt) => demoRegionMinutes({ ...range, registeredAt, events, degradedMs }),
  };
}
