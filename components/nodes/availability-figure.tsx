import { formatAvailability, formatCoverage } from "@/lib/format";
import type { Availability } from "@/lib/uptime/buckets";

/** "99.95% · coverage 98%": never an availability without the share of the window it rests on. */
export function AvailabilityFigure({ availability }: { availability: Availability | null }) {
  if (!availability || availability.availability === null)
    return <span className="text-ink-muted">no data</span>;
  const coverage = availability.coverage === null ? "—" : formatCoverage(availability.coverage);
  return (
    <span>
      <span className="font-medium tabular-nums">{formatAvailability(availability.availability)}</span>
      {/* On a narrow screen the coverage takes its own line rather than wrapping mid-phrase. */}
      <span className="block text-ink-muted sm:inline">
        <span className="hidden sm:inline"> · </span>coverage {coverage}
      </span>
    </span>
  );
}
