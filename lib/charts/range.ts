import { z } from "zod";
import { EARLIEST_TIME } from "@/lib/iso-time";
import { DAY_MS, HOUR_MS } from "@/lib/time";

/** The range presets of a time-series page, newest data last. */
export const RANGE_PRESETS = {
  "24h": DAY_MS,
  "7d": 7 * DAY_MS,
  "30d": 30 * DAY_MS,
  "90d": 90 * DAY_MS,
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = "30d";
/** The longest custom range: a year of daily buckets. */
export const MAX_RANGE_DAYS = 366;

export type Bucket = "hour" | "day";
/**
 * `to` is where the data ends (now at the latest); `askedTo`, for a custom range, the end its address
 * names, so a range "to today" keeps reading new data rather than stopping at the time it was opened.
 */
export type TimeRange = {
  preset: RangePreset | "custom";
  from: Date;
  to: Date;
  bucket: Bucket;
  askedTo?: Date;
};

const DAY_ONLY = /^\d{4}-\d\d-\d\d$/;
const EARLIEST_MS = Date.parse(EARLIEST_TIME);
const isZonedTime = (value: string) => z.iso.datetime({ offset: true }).safeParse(value).success;
// Date rolls 2026-02-30 over to March 2: a day is real only if it reads back the same.
const isCalendarDay = (value: string) => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

/** A UTC day (`2026-11-01`: its start, or as an end its end) or an ISO 8601 time with a zone. */
const timeParam = (end: boolean) =>
  z
    .string()
    .max(40)
    .refine((value) => (DAY_ONLY.test(value) ? isCalendarDay(value) : isZonedTime(value)), {
      message: "must be a UTC day (YYYY-MM-DD) or an ISO 8601 time with a zone",
    })
    .transform((value) =>
      DAY_ONLY.test(value)
        ? new Date(Date.parse(`${value}T00:00:00Z`) + (end ? DAY_MS : 0))
        : new Date(value),
    )
    .refine((date) => !Number.isNaN(date.getTime()) && date.getTime() >= EARLIEST_MS, {
      message: `must be a real time from ${EARLIEST_TIME.slice(0, 10)} on`,
    });

/** `?range=` or `?from=&to=` of a time-series page or its API. */
export const rangeQuery = z.object({
  range: z.enum(Object.keys(RANGE_PRESETS) as [RangePreset, ...RangePreset[]]).optional(),
  from: timeParam(false).optional(),
  to: timeParam(true).optional(),
});

/** Hourly buckets up to two days, daily beyond: a chart keeps a readable number of points. */
export const bucketFor = (spanMs: number): Bucket => (spanMs <= 2 * DAY_MS ? "hour" : "day");

/**
 * The range a query names, ending now for a preset; a custom range needs both ends, `from` before
 * `to`, and covers at most a year up to now (it ends now at the latest). Errors name the field.
 */
export function resolveRange(
  query: z.output<typeof rangeQuery>,
  now: Date,
  defaultPreset: RangePreset = DEFAULT_PRESET,
): { range: TimeRange } | { error: string } {
  if (query.from || query.to) {
    if (query.range) return { error: "range: give either range or from and to, not both" };
    if (!query.from || !query.to)
      return { error: `${query.from ? "to" : "from"}: a custom range needs both from and to` };
    const from = query.from;
    const to = query.to;
    if (to.getTime() <= from.getTime()) return { error: "to: must be after from" };
    if (from.getTime() > now.getTime()) return { error: "from: must not be in the future" };
    const end = new Date(Math.min(to.getTime(), now.getTime()));
    if (end.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      return { error: `to: a range spans at most ${MAX_RANGE_DAYS} days` };
    const bucket = bucketFor(end.getTime() - from.getTime());
    return { range: { preset: "custom", from, to: end, bucket, askedTo: to } };
  }
  return { range: presetRange(query.range ?? defaultPreset, now) };
}

/** A preset's range, ending now. */
export function presetRange(preset: RangePreset, now: Date): TimeRange {
  const span = RANGE_PRESETS[preset];
  return { preset, from: new Date(now.getTime() - span), to: now, bucket: bucketFor(span) };
}

/** Each bucket's start in [from, to), aligned to UTC hours or days. */
export function bucketStarts({ from, to, bucket }: Pick<TimeRange, "from" | "to" | "bucket">): number[] {
  const size = bucket === "hour" ? HOUR_MS : DAY_MS;
  const starts: number[] = [];
  for (let start = Math.floor(from.getTime() / size) * size; start < to.getTime(); start += size)
    starts.push(start);
  return starts;
}

/** The last UTC day a range names (its end is exclusive). */
export const lastDay = (range: Pick<TimeRange, "to" | "askedTo">) =>
  new Date((range.askedTo ?? range.to).getTime() - 1).toISOString().slice(0, 10);

/** The parameters naming a range in an address: its preset, or a custom range's ends as asked. */
export const rangeParams = (range: TimeRange | null): { range?: string; from?: string; to?: string } =>
  range?.preset === "custom"
    ? { from: range.from.toISOString(), to: (range.askedTo ?? range.to).toISOString() }
    : { range: range?.preset };
