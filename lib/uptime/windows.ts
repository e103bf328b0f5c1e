import { DAY_MS, HOUR_MS, type TimeWindow } from "@/lib/time";

export const WINDOW_PRESETS = {
  "24h": DAY_MS,
  "7d": 7 * DAY_MS,
  "30d": 30 * DAY_MS,
  "90d": 90 * DAY_MS,
} as const;
export type WindowPreset = keyof typeof WINDOW_PRESETS;

/** A preset window ending now, or a custom UTC range (`from` < `to`, neither in the future). */
export function resolveWindow(spec: WindowPreset | TimeWindow, now: Date): TimeWindow {
  if (typeof spec === "string") return { from: new Date(now.getTime() - WINDOW_PRESETS[spec]), to: now };
  if (!(spec.from.getTime() < spec.to.getTime()))
    throw new RangeError("a window's start must be before its end");
  return { from: spec.from, to: new Date(Math.min(spec.to.getTime(), now.getTime())) };
}

const ceilTo = (time: number, unit: number) => Math.ceil(time / unit) * unit;
const floorTo = (time: number, unit: number) => Math.floor(time / unit) * unit;

/**
 * How a window is read from the rollups with the fewest rows: whole UTC days from day rows, whole
 * hours outside those from hour rows, and the minutes at the edges from minute rows.
 */
export function tiling({ from, to }: TimeWindow) {
  const start = from.getTime();
  const end = to.getTime();
  // A window shorter than a whole unit gets an empty range of that unit, at its first boundary.
  const dayFrom = ceilTo(start, DAY_MS);
  const dayTo = Math.max(floorTo(end, DAY_MS), dayFrom);
  const hourFrom = ceilTo(start, HOUR_MS);
  const hourTo = Math.max(floorTo(end, HOUR_MS), hourFrom);
  return {
    days: { from: new Date(dayFrom), to: new Date(dayTo) },
    hours: { from: new Date(hourFrom), to: new Date(hourTo) },
    minutes: { from, to },
  };
}

export type Segment = { granularity: "day" | "hour" | "minute"; from: Date; to: Date };

/**
 * The tiling as disjoint ranges, each read from one granularity: whole days, the whole hours on
 * either side of them, and the minutes at the two edges. Empty ranges are left out, so a query
 * over these reads only the rows it counts.
 */
export function segments(window: TimeWindow): Segment[] {
  const { days, hours, minutes } = tiling(window);
  const ranges: Segment[] = [];
  const add = (granularity: Segment["granularity"], from: Date, to: Date) => {
    if (from.getTime() < to.getTime()) ranges.push({ granularity, from, to });
  };
  const hasDays = days.from.getTime() < days.to.getTime();
  const hasHours = hours.from.getTime() < hours.to.getTime();
  add("minute", minutes.from, hasHours ? hours.from : minutes.to);
  add("hour", hours.from, hasDays ? days.from : hours.to);
  add("day", days.from, days.to);
  if (hasDays) add("hour", days.to, hours.to); // whole days lie within the whole hours
  if (hasHours) add("minute", hours.to, minutes.to);
  return ranges;
}
