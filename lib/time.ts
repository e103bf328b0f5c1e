export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A half-open span of time, [from, to). */
export type TimeWindow = { from: Date; to: Date };
