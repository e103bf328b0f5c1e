export type Tone = "up" | "degraded" | "down" | "nodata";

const TONES: Record<Tone, string> = {
  up: "bg-status-up-soft text-status-up",
  degraded: "bg-status-degraded-soft text-status-degraded",
  down: "bg-status-down-soft text-status-down",
  nodata: "bg-status-nodata-soft text-status-nodata",
};

// A shape beside the colour, so status never relies on colour alone.
const MARKS: Record<Tone, string> = { up: "●", degraded: "◆", down: "▲", nodata: "○" };

export function StatusBadge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 font-medium text-xs ${TONES[tone]}`}
    >
      <span aria-hidden="true">{MARKS[tone]}</span>
      {children}
    </span>
  );
}
