import { type DayBarTone, DOWN_SHARE_FOR_RED } from "@/lib/uptime/day-bars";

export const TONE_CLASSES: Record<DayBarTone, string> = {
  up: "bg-status-up",
  degraded: "bg-status-degraded",
  down: "bg-status-down",
  no_data: "bar-hatched",
  not_registered: "border-line border-b",
};

/** A day with announced maintenance: its bar's top edge, over whatever colour the day has. */
export const MAINTENANCE_CLASS = "border-t-4 border-t-accent";

const ENTRIES: [DayBarTone, string][] = [
  ["up", "Up: no down minutes"],
  ["degraded", `Some down minutes, under ${DOWN_SHARE_FOR_RED * 100}% of the day's measured minutes`],
  ["down", `Down: ${DOWN_SHARE_FOR_RED * 100}% or more of the measured minutes down`],
  ["no_data", "No data: nobody probed the node (hatched)"],
  ["not_registered", "Before the node was registered (blank)"],
];

export function DayBarsLegend() {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-ink-muted text-xs" aria-label="Legend">
      {ENTRIES.map(([tone, text]) => (
        <li key={tone} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-2 rounded-[1px] ${TONE_CLASSES[tone]}`} />
          {text}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className={`inline-block h-3 w-2 rounded-[1px] bg-status-up ${MAINTENANCE_CLASS}`}
        />
        Announced maintenance (top edge)
      </li>
    </ul>
  );
}
