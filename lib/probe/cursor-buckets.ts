import { DAY_MS, HOUR_MS } from "@/lib/time";

export type CursorRead = { nodeId: number; at: Date; cursor: Record<string, string> };
export type CursorBucket = CursorRead & { granularity: "hour" | "day"; bucketStart: Date };

const SIZES = { hour: HOUR_MS, day: DAY_MS } as const;

/** The last cursor each node reported in each UTC hour and day among `reads`. */
export function lastCursorPerBucket(reads: readonly CursorRead[]): CursorBucket[] {
  const last = new Map<string, CursorBucket>();
  for (const read of reads)
    for (const granularity of ["hour", "day"] as const) {
      const start = Math.floor(read.at.getTime() / SIZES[granularity]) * SIZES[granularity];
      const key = `${granularity}:${start}:${read.nodeId}`;
      const seen = last.get(key);
      if (!seen || seen.at < read.at) last.set(key, { ...read, granularity, bucketStart: new Date(start) });
    }
  return [...last.values()];
}
