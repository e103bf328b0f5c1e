import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/time";
import { type Histogram, histogramCount, mergeHistograms } from "../metrics/histogram";
import type { NodeMinute } from "./minutes";

export const GRANULARITIES = ["minute", "hour", "day"] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const BUCKET_MS: Record<Granularity, number> = { minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS };

/** UTC bucket start of a time (epoch ms): whole minutes, hours and days since the epoch are UTC-aligned. */
export const bucketStart = (time: number, granularity: Granularity) =>
  Math.floor(time / BUCKET_MS[granularity]) * BUCKET_MS[granularity];

export type Bucket = {
  nodeId: number;
  granularity: Granularity;
  start: number;
  up: number;
  degraded: number;
  down: number;
  maintenance: number;
  unknown: number;
  probes: number;
  failedProbes: number;
  histogram: Histogram;
  latencyCount: number;
};

/**
 * Minutes of [start, end) that count for a node: not before it was registered and not after `now`
 * (a bucket still under way is partial). Before registration a minute is not unknown: it is not there.
 */
export function countableMinutes(
  start: number,
  end: number,
  { registeredAt, now }: { registeredAt?: Date | null; now: Date },
) {
  const from = Math.max(start, registeredAt ? bucketStart(registeredAt.getTime(), "minute") : start);
  const to = Math.min(end, bucketStart(now.getTime(), "minute") + MINUTE_MS);
  return Math.max(0, Math.floor((to - from) / MINUTE_MS));
}

/** Rolls node-minutes (or finer buckets) of one node up into `granularity` buckets, with unknown minutes filled in. */
export function rollUp(
  nodeId: number,
  parts: readonly (NodeMinute | Bucket)[],
  granularity: Granularity,
  { from, to, registeredAt, now }: { from: number; to: number; registeredAt?: Date | null; now: Date },
): Bucket[] {
  const buckets: Bucket[] = [];
  for (let start = bucketStart(from, granularity); start < to; start += BUCKET_MS[granularity]) {
    const end = start + BUCKET_MS[granularity];
    const inside = parts.filter((part) => {
      const at = "minute" in part ? part.minute : part.start;
      return at >= start && at < end;
    });
    const sum = (pick: (part: NodeMinute | Bucket) => number) =>
      inside.reduce((total, part) => total + pick(part), 0);
    const bucket: Bucket = {
      nodeId,
      granularity,
      start,
      up: sum((part) => ("state" in part ? Number(part.state === "up") : part.up)),
      degraded: sum((part) => ("state" in part ? Number(part.state === "degraded") : part.degraded)),
      down: sum((part) => ("state" in part ? Number(part.state === "down") : part.down)),
      maintenance: sum((part) => ("state" in part ? Number(part.state === "maintenance") : part.maintenance)),
      unknown: 0,
      probes: sum((part) => part.probes),
      failedProbes: sum((part) => part.failedProbes),
      histogram: mergeHistograms(inside.map((part) => part.histogram)),
      latencyCount: 0,
    };
    const known = bucket.up + bucket.degraded + bucket.down + bucket.maintenance;
    bucket.unknown = Math.max(0, countableMinutes(start, end, { registeredAt, now }) - known);
    bucket.latencyCount = histogramCount(bucket.histogram);
    if (known > 0 || bucket.unknown > 0) buckets.push(bucket);
  }
  return buckets;
}

export type Availability = {
  up: number;
  degraded: number;
  down: number;
  maintenance: number;
  known: number;
  windowMinutes: number;
  /** up (degraded counts as up) / (up + down); maintenance and unknown minutes are left out. Null without data. */
  availability: number | null;
  /** known minutes / window minutes. */
  coverage: number | null;
};

export function availabilityOf(
  parts: readonly Pick<Bucket, "up" | "degraded" | "down" | "maintenance">[],
  windowMinutes: number,
): Availability {
  const up = parts.reduce((sum, part) => sum + part.up, 0);
  const degraded = parts.reduce((sum, part) => sum + part.degraded, 0);
  const down = parts.reduce((sum, part) => sum + part.down, 0);
  const maintenance = parts.reduce((sum, part) => sum + part.maintenance, 0);
  const known = up + degraded + down + maintenance;
  const measured = up + degraded + down;
  return {
    up,
    degraded,
    down,
    maintenance,
    known,
    windowMinutes,
    availability: measured > 0 ? (up + degraded) / measured : null,
    coverage: windowMinutes > 0 ? Math.min(1, known / windowMinutes) : null,
  };
}
