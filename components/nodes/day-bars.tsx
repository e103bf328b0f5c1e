import { formatAvailability, formatCoverage, formatMinutes } from "@/lib/format";
import { type DayBar, type DayBarTone, downDaysText } from "@/lib/uptime/day-bars";
import { DayBarsLegend, MAINTENANCE_CLASS, TONE_CLASSES } from "./day-bars-legend";

/** The bars' figures in numbers, newest day first: availability, down minutes, coverage, incidents. */
function DayTable({ bars }: { bars: DayBar[] }) {
  const shown = bars.filter((bar) => bar.tone !== "not_registered").reverse();
  return (
    <details className="mt-2 text-sm" data-testid="day-table">
      <summary className="cursor-pointer text-accent">Availability per day ({shown.length})</summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long table scrolls, by keyboard too */}
      <section className="mt-2 max-h-80 overflow-auto" aria-label="Availability per day" tabIndex={0}>
        <table className="w-full text-left text-xs tabular-nums">
          <caption className="sr-only">Availability per UTC day, newest first</caption>
          <thead>
            <tr className="text-ink-muted">
              <th scope="col" className="py-1 pr-3 font-medium">
                Day (UTC)
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Available
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Down
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Coverage
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Incidents
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((bar) => (
              <tr key={bar.day} className="border-line border-t">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {bar.day}
                  {bar.partial ? " (so far)" : ""}
                </th>
                <td className="py-1 pr-3 text-right">{formatAvailability(bar.availability)}</td>
                <td className="py-1 pr-3 text-right">{formatMinutes(bar.down)}</td>
                <td className="py-1 pr-3 text-right">
                  {bar.coverage === null ? "—" : formatCoverage(bar.coverage)}
                </td>
                <td className="py-1 pr-3 text-right">{bar.incidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}

/** Days shown below the md breakpoint, where 90 bars would be too thin to see or tap. */
const SMALL_SCREEN_DAYS = 30;

/**
 * One bar per UTC day, oldest first; each is focusable and named by its label, and a hovered or
 * focused day's label is shown under the bars. A text summary says the same without colour.
 */
export function DayBars({ bars }: { bars: DayBar[] }) {
  const count = (tone: DayBarTone) => bars.filter((bar) => bar.tone === tone).length;
  const downDays = downDaysText(bars.filter((bar) => bar.tone === "down"));
  const fewDownDays = downDaysText(bars.filter((bar) => bar.tone === "degraded"));
  const maintenance = bars.filter((bar) => bar.maintenance > 0);
  return (
    <div>
      <ol
        aria-label={`Uptime by UTC day, the last ${bars.length} days, oldest first`}
        className="relative flex h-10 gap-px md:gap-0.5"
        data-testid="day-bars"
      >
        {bars.map((bar, index) => (
          <li
            key={bar.day}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: each day is focusable so keyboard users can read its figures
            tabIndex={0}
            aria-label={bar.label}
            data-tone={bar.tone}
            data-maintenance={bar.maintenance > 0 || undefined}
            className={`group flex-1 rounded-[1px] ${TONE_CLASSES[bar.tone]} ${
              bar.maintenance > 0 ? MAINTENANCE_CLASS : ""
            } ${index < bars.length - SMALL_SCREEN_DAYS ? "hidden md:block" : ""}`}
          >
            <span
              aria-hidden="true"
              className="pointer-events-none absolute inset-x-0 top-full z-10 mt-1 hidden rounded border border-line bg-surface px-2 py-1 text-ink text-xs shadow-sm group-hover:block group-focus:block"
            >
              {bar.label}
              {bar.partial ? " (today, so far)" : ""}
            </span>
          </li>
        ))}
      </ol>
      <div className="mt-1 flex justify-between text-ink-muted text-xs">
        <span className="md:hidden">{SMALL_SCREEN_DAYS} days ago</span>
        <span className="hidden md:inline">{bars.length} days ago</span>
        <span>today (UTC, so far)</span>
      </div>
      <p className="mt-3 text-sm" data-testid="day-bars-summary">
        Of the last {bars.length} days: {count("up")} up, {count("degraded")} with a few down minutes,{" "}
        {count("down")} down, {count("no_data")} without data
        {count("not_registered") ? `, ${count("not_registered")} before the node was registered` : ""}.
        {downDays.length > 0 ? (
          <span className="block text-ink-muted">Days down: {downDays.join(", ")}.</span>
        ) : null}
        {maintenance.length > 0 ? (
          <span className="block text-ink-muted">
            Announced maintenance (not counted against the node):{" "}
            {maintenance.map((bar) => `${bar.day} (${formatMinutes(bar.maintenance)})`).join(", ")}.
          </span>
        ) : null}
      </p>
      {fewDownDays.length > 0 ? (
        <details className="mt-1 text-ink-muted text-sm" data-testid="day-bars-few-down">
          <summary className="cursor-pointer">
            {fewDownDays.length} {fewDownDays.length === 1 ? "day" : "days"} with a few down minutes
          </summary>
          <p className="mt-1">{fewDownDays.join(", ")}.</p>
        </details>
      ) : null}
      <DayTable bars={bars} />
      <DayBarsLegend />
    </div>
  );
}
