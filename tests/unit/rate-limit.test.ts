import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATE_WINDOW_MS, retryAfterSeconds, slidingCount } from "@/lib/rate-limit";

const W = Date.parse("2026-11-22T10:01:00Z"); // a window's start

describe("the sliding-window rate estimate", () => {
  it("weighs the previous window by how much of it is still within the last minute", () => {
    expect(slidingCount({ current: 10, previous: 60, windowStart: W }, new Date(W))).toBe(70);
    expect(slidingCount({ current: 10, previous: 60, windowStart: W }, new Date(W + 15_000))).toBe(55);
    expect(slidingCount({ current: 10, previous: 60, windowStart: W }, new Date(W + 59_999))).toBeCloseTo(
      10,
      2,
    );
  });

  it("counts a burst on each side of a minute boundary together", () => {
    // 60 requests at 10:00:59, then a 61st at 10:01:00.5: a fixed window would let it (and 59 more) through.
    expect(slidingCount({ current: 1, previous: 60, windowStart: W }, new Date(W + 500))).toBeGreaterThan(60);
  });

  it("says to retry when a request, itself counted, is back within the limit", () => {
    // 60 − 10 − 1 = 49 of the previous 60 may still count: after 11/60 of the window, 11 s.
    const counts = { current: 10, previous: 60, windowStart: W };
    const wait = retryAfterSeconds(counts, new Date(W), 60);
    expect(wait).toBe(11);
    expect(slidingCount({ ...counts, current: 11 }, new Date(W + wait * 1000))).toBeLessThanOrEqual(60);
    // Over the limit within this window alone: not before this window ends.
    const over = { current: 61, previous: 0, windowStart: W };
    expect(retryAfterSeconds(over, new Date(W + 30_000), 60)).toBe(32);
    expect(retryAfterSeconds({ current: 3, previous: 0, windowStart: W }, new Date(W + 30_000), 2)).toBe(70);
  });

  it("waits into the next window when this one alone is over, however much the previous one counted", () => {
    // 20 this window against 10 allowed: this window has to fade to half, 30 s into the next one.
    expect(retryAfterSeconds({ current: 20, previous: 10, windowStart: W }, new Date(W), 11)).toBe(90);
    // Exactly at the limit with nothing before: the retry fits only once this window has passed.
    expect(retryAfterSeconds({ current: 4, previous: 0, windowStart: W }, new Date(W), 5)).toBe(60);
  });

  it("lets a request through at once when the estimate is already within the limit", () => {
    expect(retryAfterSeconds({ current: 0, previous: 0, windowStart: W }, new Date(W), 5)).toBe(1);
    expect(retryAfterSeconds({ current: 1, previous: 2, windowStart: W }, new Date(W), 10)).toBe(1);
  });

  it("never says to retry sooner than the retried request would be let through", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: RATE_WINDOW_MS - 1 }),
        fc.integer({ min: 1, max: 200 }),
        (current, previous, elapsed, limit) => {
          const counts = { current, previous, windowStart: W };
          const now = new Date(W + elapsed);
          fc.pre(slidingCount(counts, now) > limit);
          const retryAt = W + elapsed + retryAfterSeconds(counts, now, limit) * 1000;
          // The retry is counted first; past this window, this window has become the previous one.
          const next = { current: 1, previous: current, windowStart: W + RATE_WINDOW_MS };
          const later =
            retryAt < W + RATE_WINDOW_MS
              ? slidingCount({ ...counts, current: current + 1 }, new Date(retryAt))
              : slidingCount(next, new Date(retryAt));
          expect(later).toBeLessThanOrEqual(limit + 1e-9);
        },
      ),
    );
  });
});
