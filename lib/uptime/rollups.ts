import { DAY_MS, HOUR_MS } from "@/lib/time";
import { type Histogram, histogramOf, mergeHistograms } from "../metrics/histogram";
import { type Bucket, bucketStart, rollUp } from "./buckets";
import {
  type MaintenanceWindow,
  type NodeMinute,
  nodeMinutes,
  type QuorumRule,
  type RegionMinute,
} from "./minutes";

/** Whole hours of one network's UTC day to recompute: [from, to) in epoch ms. */
export type Span = { network: string; day: number; from: number; to: number };

/** Probe latency of one node seen from one region over a bucket. */
export type RegionLatency = {
  nodeId: number;
  region: string;
  bucketStart: Date;
  probeCount: number;
  downCount: number;
  latencyHistogram: Histogram;
  latencyCount: number;
};

/** When each node was registered (null: unknown), for buckets before it existed. */
export type Registrations = ReadonlyMap<number, Date | null>;

/** Hours that received probes, as one span per network and UTC day from its first to its last such hour. */
export function dirtySpans(hours: readonly { network: string; hour: number }[]): Span[] {
  const spans = new Map<string, Span>();
  for (const { network, hour } of hours) {
    const day = bucketStart(hour, "day");
    const span = spans.get(`${network}|${day}`) ?? { network, day, from: hour, to: hour };
    span.from = Math.min(span.from, hour);
    span.to = Math.max(span.to, hour + HOUR_MS);
    spans.set(`${network}|${day}`, span);
  }
  return [...spans.values()];
}

/** [from, to) widened to whole hours, not before `kept`, and cut at each UTC midnight. */
export function daySpans(network: string, from: number, to: number, kept: number): Span[] {
  const start = Math.max(bucketStart(from, "hour"), kept);
  const end = Math.ceil(to / HOUR_MS) * HOUR_MS;
  const spans: Span[] = [];
  // Only the first day can start empty (nothing after `kept`), and after the last every day is empty.
  for (let day = bucketStart(start, "day"); ; day += DAY_MS) {
    const span = { network, day, from: Math.max(start, day), to: Math.min(end, day + DAY_MS) };
    if (span.from >= span.to) return spans;
    spans.push(span);
  }
}

/** Per node, probing region and hour: probe counts and the latency histogram. */
export function regionLatency(rows: readonly RegionMinute[]): RegionLatency[] {
  const byNodeRegion = new Map<string, Omit<RegionLatency, "latencyHistogram"> & { latencies: number[] }>();
  for (const row of rows) {
    const hour = bucketStart(row.minute, "hour");
    const key = `${row.nodeId}|${row.region}|${hour}`;
    const entry = byNodeRegion.get(key) ?? {
      nodeId: row.nodeId,
      region: row.region,
      bucketStart: new Date(hour),
      probeCount: 0,
      downCount: 0,
      latencies: [],
      latencyCount: 0,
    };
    entry.probeCount += row.probes;
    entry.downCount += row.down;
    // Gathered, then counted into one histogram: merging one per minute costs ten times as much.
    for (const latency of row.latenciesMs) entry.latencies.push(latency);
    byNodeRegion.set(key, entry);
  }
  return [...byNodeRegion.values()].map(({ latencies, ...entry }) => ({
    ...entry,
    latencyHistogram: histogramOf(latencies),
    latencyCount: latencies.length,
  }));
}

/**
 * A span's rollups from its raw probes grouped per node, region and minute: each node's minutes
 * from its registration, after the quorum rule and maintenance, its hours (every registered node gets its hours, probed
 * or not), and latency per region and hour.
 */
export function spanRollups(
  regionMinutes: readonly RegionMinute[],
  {
    span,
    now,
    rule,
    maintenance,
    registeredAt,
  }: {
    span: Pick<Span, "from" | "to">;
    now: Date;
    rule?: QuorumRule;
    maintenance: readonly MaintenanceWindow[];
    registeredAt: Registrations;
  },
): { minutes: NodeMinute[]; hours: Bucket[]; regions: RegionLatency[] } {
  // A node's minutes are counted from the minute it was registered, as its window is: a probe
  // dated before that (a clock, or a stale list) would count without being in the window.
  const counted = regionMinutes.filter((row) => {
    const since = registeredAt.get(row.nodeId);
    return !since || row.minute >= bucketStart(since.getTime(), "minute");
  });
  const minutes = nodeMinutes(counted, { rule, maintenance });
  const nodeIds = new Set([...registeredAt.keys(), ...minutes.map((minute) => minute.nodeId)]);
  const hours = [...nodeIds].flatMap((nodeId) =>
    rollUp(
      nodeId,
      minutes.filter((minute) => minute.nodeId === nodeId),
      "hour",
      { from: span.from, to: span.to, registeredAt: registeredAt.get(nodeId), now },
    ),
  );
  return { minutes, hours, regions: regionLatency(counted) };
}

/** A UTC day's rollups from its hours: uptime per node, latency per node and region. */
export function dayRollups(
  hours: readonly Bucket[],
  regionHours: readonly RegionLatency[],
  { day, now, registeredAt }: { day: number; now: Date; registeredAt: Registrations },
): { days: Bucket[]; regions: RegionLatency[] } {
  const nodeIds = new Set(hours.map((bucket) => bucket.nodeId));
  const days = [...nodeIds].flatMap((nodeId) =>
    rollUp(
      nodeId,
      hours.filter((bucket) => bucket.nodeId === nodeId),
      "day",
      { from: day, to: day + DAY_MS, registeredAt: registeredAt.get(nodeId), now },
    ),
  );
  const regions = new Map<string, RegionLatency>();
  for (const row of regionHours) {
    const key = `${row.nodeId}|${row.region}`;
    const seen = regions.get(key);
    regions.set(
      key,
      seen
        ? {
            ...seen,
            probeCount: seen.probeCount + row.probeCount,
            downCount: seen.downCount + row.downCount,
            latencyHistogram: mergeHistograms([seen.latencyHistogram, row.latencyHistogram]),
            latencyCount: seen.latencyCount + row.latencyCount,
          }
        : { ...row, bucketStart: new Date(day) },
    );
  }
  return { days, regions: [...regions.values()] };
}
