import { MINUTE_MS } from "./time";

export const RATE_WINDOW_MS = MINUTE_MS;

/** The start of the minute window `now` falls in. */
export const windowStartOf = (now: Date) => Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;

export type WindowCounts = { current: number; previous: number; windowStart: number };

/**
 * A sliding-window estimate of the requests in the last minute: this window's count plus the
 * previous window's, weighted by how much of it still lies within the last minute. Unlike a fixed
 * window, a burst on each side of a minute boundary counts together.
 */
export function slidingCount({ current, previous, windowStart }: WindowCounts, now: Date): number {
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - windowStart) / RATE_WINDOW_MS));
  return current + previous * (1 - elapsed);
}

/**
 * Seconds until a request would be let through again (at least 1): until the estimate, with that
 * request counted, is back within `limit`. What Retry-After says.
 */
export function retryAfterSeconds(counts: WindowCounts, now: Date, limit: number): number {
  return Math.max(1, Math.ceil((withinAt(counts, limit - 1) - now.getTime()) / 1000));
}

/** When the estimate falls to `limit` or below, counting nothing more. */
function withinAt(counts: WindowCounts, limit: number): number {
  const { current, previous, windowStart } = counts;
  const windowEnd = windowStart + RATE_WINDOW_MS;
  let at: number;
  if (current < limit) {
    // previous × (1 − f) + current ≤ limit  ⇔  f ≥ 1 − (limit − current) / previous (at once with no previous)
    at = windowStart + Math.max(0, 1 - (limit - current) / previous) * RATE_WINDOW_MS;
  } else {
    // Next window: this window's count weighs in, fading: current × (1 − f) ≤ limit.
    at = windowEnd + Math.max(0, current ? 1 - limit / current : 0) * RATE_WINDOW_MS;
  }
  return at;
}
