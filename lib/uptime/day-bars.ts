import { DAY_MS } from "@/lib/time";
import { type Availability, availabilityOf, bucketStart, countableMinutes } from "./buckets";

export type DayBarTone = "up" | "degraded" | "down" | "no_data" | "not_registered";

export type DayBar = Availability & {
  day: string; // YYYY-MM-DD, UTC
  tone: DayBarTone;
  incidents: number;
  partial: boolean;
  label: string;
};

/** Down-minute shares at which a day turns from degraded to down colour (any down minute is at least degraded). */
export const DOWN_SHARE_FOR_RED = 0.05;

type DayRow = { start: number; up: number; degraded: number; down: number; maintenance: number };

/**
 * The last `days` UTC days of one node, oldest first: the colour from the share of down minutes (not
 * from one failed probe), days without data apart from healthy ones, and days before the node was
 * registered left blank. Each carries the words a screen reader says for it.
 */
export function dayBars(
  rows: readonly DayRow[],
  {
    days,
    now,
    registeredAt,
    incidentsByDay = {},
  }: { days: number; now: Date; registeredAt?: Date | null; incidentsByDay?: Record<string, number> },
): DayBar[] {
  const today = bucketStart(now.getTime(), "day");
  const byStart = new Map(rows.map((row) => [row.start, row]));
  const bars: DayBar[] = [];
  for (let start = today - (days - 1) * DAY_MS; start <= today; start += DAY_MS) {
    const day = new Date(start).toISOString().slice(0, 10);
    const windowMinutes = countableMinutes(start, start + DAY_MS, { registeredAt, now });
    const row = byStart.get(start);
    const availability = availabilityOf(row ? [row] : [], windowMinutes);
    const incidents = incidentsByDay[day] ?? 0;
    const tone = toneOf(availability, registeredAt ? registeredAt.getTime() >= start + DAY_MS : false);
    bars.push({
      ...availability,
      day,
      tone,
      incidents,
      partial: start === today,
      label: labelOf(day, tone, availability, incidents),
    });
  }
  return bars;
}

function toneOf(availability: Availability, beforeRegistration: boolean): DayBarTone {
  if (beforeRegistration) return "not_registered";
  const measured = availability.up + availability.degraded + availability.down;
  if (measured === 0) return "no_data";
  if (availability.down === 0) return "up";
  return availability.down / measured >= DOWN_SHARE_FOR_RED ? "down" : "degraded";
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function labelOf(day: string, tone: DayBarTone, availability: Availability, incidents: number): string {
  if (tone === "not_registered") return `${day} UTC: not registered yet`;
  if (tone === "no_data")
    return `${day} UTC: no data${incidents ? `, ${plural(incidents, "incident")}` : ""}`;
  const percent = `${(Math.floor((availability.availability ?? 0) * 10_000) / 100).toFixed(2)}% up`;
  const maintenance = availability.maintenance ? `, ${availability.maintenance} min maintenance` : "";
  return `${day} UTC: ${percent}, ${availability.down} min down${maintenance}, ${plural(incidents, "incident")}`;
}

/** Runs of this many days with no minute up read as one range in the summary. */
const RUN_FOR_RANGE = 3;

/**
 * The summary's list of days with down minutes, oldest first: each with its down minutes and
 * incidents, and runs of days down from start to end (a node gone for weeks) as one range.
 */
export function downDaysText(bars: readonly DayBar[]): string[] {
  const allDown = (bar: DayBar) => bar.down > 0 && bar.up + bar.degraded === 0 && bar.incidents === 0;
  const dayAfter = (a: DayBar, b: DayBar) => Date.parse(b.day) - Date.parse(a.day) === DAY_MS;
  const parts: string[] = [];
  for (let index = 0; index < bars.length; ) {
    const bar = bars[index] as DayBar;
    let end = index;
    const next = () => bars[end + 1] as DayBar;
    while (allDown(bar) && end + 1 < bars.length && allDown(next()) && dayAfter(bars[end] as DayBar, next()))
      end += 1;
    if (end - index + 1 >= RUN_FOR_RANGE) {
      const run = bars.slice(index, end + 1);
      const minutes = run.reduce((sum, day) => sum + day.down, 0);
      parts.push(`${bar.day} to ${run.at(-1)?.day} (down all ${run.length} days, ${minutes} min)`);
      index = end + 1;
      continue;
    }
    if (bar.tone === "down" || bar.tone === "degraded")
      parts.push(
        `${bar.day} (${bar.down} min${bar.incidents ? `, ${plural(bar.incidents, "incident")}` : ""})`,
      );
    index += 1;
  }
  return parts;
}
