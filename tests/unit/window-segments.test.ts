import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import { segments } from "@/lib/uptime/windows";

const MINUTE_MS = 60_000;
const T0 = Date.UTC(2026, 10, 1);

describe("window segments", () => {
  it("tile any window exactly, in order, each range aligned to its granularity", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 40 }),
        fc.integer({ min: 1, max: 60 * 24 * 100 }),
        (startMinute, lengthMinutes) => {
          const from = new Date(T0 + startMinute * MINUTE_MS);
          const to = new Date(from.getTime() + lengthMinutes * MINUTE_MS);
          const parts = segments({ from, to });
          expect(parts[0]?.from).toEqual(from);
          expect(parts.at(-1)?.to).toEqual(to);
          parts.forEach((part, index) => {
            expect(part.from.getTime()).toBeLessThan(part.to.getTime());
            if (index > 0) expect(part.from).toEqual(parts[index - 1]?.to);
            const unit = { day: DAY_MS, hour: HOUR_MS, minute: MINUTE_MS }[part.granularity];
            expect(part.from.getTime() % unit).toBe(0);
            expect(part.to.getTime() % unit).toBe(0);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads a 30-day window ending mid-hour as minutes, hours, days, hours, minutes", () => {
    const to = new Date(Date.UTC(2026, 10, 30, 15, 20));
    const from = new Date(to.getTime() - 30 * DAY_MS);
    expect(segments({ from, to }).map((part) => part.granularity)).toEqual([
      "minute",
      "hour",
      "day",
      "hour",
      "minute",
    ]);
    expect(segments({ from: new Date(T0), to: new Date(T0 + 2 * DAY_MS) })).toEqual([
      { granularity: "day", from: new Date(T0), to: new Date(T0 + 2 * DAY_MS) },
    ]);
  });
});
